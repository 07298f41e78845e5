"""Extraction of officials and a dated timeline from article records.

Pure Python (no Textual): ``extract_article`` reads one article record,
``merge`` folds the per-article facts of a whole corpus into officials and
events with stable ids.
"""

from tui.extract.article import extract_article
from tui.extract.merge import merge

__all__ = ["extract_article", "merge"]
