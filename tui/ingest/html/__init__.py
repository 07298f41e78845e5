"""Saved web pages → article records: main text without the page's furniture,
and the metadata the page itself carries (Open Graph, JSON-LD, ``<title>``,
``<time>``, the URL).  Plain Python, no Textual; nothing is fetched.

``extract_page`` gives the page's metadata and blocks; ``parse_page`` the
article record, with the same shape and sanitizing as a text source.
"""

from tui.ingest.html.page import Page, extract_page

__all__ = ["Page", "extract_page"]
