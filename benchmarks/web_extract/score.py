"""Word-shingle overlap between an extracted body and its gold body.

Tokens are ``\\w+`` runs (case kept); shingles are runs of 4 tokens counted as
a multiset.  Per page, true positives, false positives and false negatives
are normalized to sum to 1, so long pages weigh no more than short ones; the
suite's F1 is the harmonic mean of the mean precision and the mean recall
(the convention of the published article-extraction benchmarks, so numbers
compare).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

SHINGLE = 4
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


@dataclass
class PageScore:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_page(gold: str, predicted: str) -> PageScore:
    """Precision and recall of ``predicted``'s shingles against ``gold``'s."""
    true, pred = shingles(gold), shingles(predicted)
    if not true and not pred:
        return PageScore(1.0, 1.0)
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return PageScore(precision, recall)


def suite_f1(scores: list[PageScore]) -> tuple[float, float, float]:
    """(mean precision, mean recall, their harmonic mean)."""
    if not scores:
        return 0.0, 0.0, 0.0
    p = sum(s.precision for s in scores) / len(scores)
    r = sum(s.recall for s in scores) / len(scores)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
