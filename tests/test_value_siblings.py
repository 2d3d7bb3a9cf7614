"""RESULT-BY-COORDINATED-SIBLING (extract/value_siblings.py): numbers a run does not make results.
Sentences written for these tests (invented systems and numbers)."""

from __future__ import annotations

import pytest

from leaderboard.extract import Extractor
from leaderboard.models import Paper

CASES = [
    # the sibling is no result (a setting in a fronted phrase): nothing passes on
    ("With temperatures of 0.7 and 0.9, the sampler keeps a diversity of 0.8 and 0.6 in our ablation.", 0.9),
    # versions in a run of bare numbers with no result among them
    ("Both the 2.5 and 3.5 versions of the Heron model were released, with 1.5 and 2.5 kept private.", 3.5),
    # a different form (a percentage before a bare decimal) is no run
    ("The tagger reaches 91.3% on our ward notes and a calibration slope of 0.9 and 1.1 across sites.", 1.1),
]


@pytest.mark.parametrize(("sentence", "value"), CASES)
def test_no_result_from_a_run_without_one(extractor: Extractor, sentence: str, value: float) -> None:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=sentence))
    assert not [r for r in rows if r.value == value and r.rules and "coordinated_sibling" in r.rules]
