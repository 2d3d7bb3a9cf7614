"""METRIC-RESTATED-IN-PARENTHESES (extract/metric_restated.py): where a parenthesised metric is not the number's.
Sentences written for these tests (invented systems and numbers); each row is (sentence, value, metric)."""

from __future__ import annotations

import pytest

from leaderboard.extract import Extractor
from leaderboard.models import Paper

CASES = [
    # a ";" closes the run: the parenthesis belongs to the next clause
    ("Our tagger gets 91.3% accuracy on PTB; on CoNLL-2003 (F1) it scores 92.8.", 91.3, "Accuracy"),
    # a bound metric that the parenthesised one does not restate as a variant stays
    ("The detector reaches 52.1 AP on COCO with a lighter head (AR@100, 64.0 points).", 52.1, "AP"),
    # another metric between the number and the parenthesis: the parenthesis is that metric's
    ("Kestrel-S obtains 0.912 AUROC and an ECE of 0.031 (Brier, 0.08) on our ward data.", 0.912, "AUROC"),
]


@pytest.mark.parametrize(("sentence", "value", "metric"), CASES)
def test_parenthesis_is_not_the_numbers_metric(extractor: Extractor, sentence: str, value: float, metric: str) -> None:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=sentence))
    got = {r.metric for r in rows if r.value == value}
    assert got == {metric}, got
