"""Body and metadata quality of saved-page extraction: ``python -m benchmarks.web_extract``.

Pages are ``NAME.html`` with a hand-made gold body ``NAME.txt`` (the article's
text, one block a line) and gold metadata ``NAME.json`` beside them.  The
fixtures live in ``tests/fixtures/web/`` (``dev/`` to tune on, ``heldout/`` to
score at the end); ``--pages DIR`` scores any folder in the same shape.
"""
