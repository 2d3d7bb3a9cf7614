"""COUNT-OF-ITEMS-SOLVED (extract/rules/solved_count.py): whole numbers after a share verb that count no items solved.
Sentences written for these tests (invented systems and numbers)."""

from __future__ import annotations

import pytest

from leaderboard.extract import Extractor
from leaderboard.models import Paper

CASES = [
    # the noun after the number is no item a system solves
    ("The Osprey planner solves 12 subgoals per episode on average before replanning.", 12),
    # no share verb before the number
    ("We collected 400 problems from regional olympiads and kept 120 problems for testing.", 120),
]


@pytest.mark.parametrize(("sentence", "value"), CASES)
def test_not_a_count_of_items_solved(extractor: Extractor, sentence: str, value: float) -> None:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=sentence))
    assert not [r for r in rows if r.value == value and "count_of_items_solved" in str(r.rules)]


def test_participles() -> None:
    from leaderboard.extract.rules.solved_count import _participle

    assert [_participle(v) for v in ("fixes", "solves", "answers", "passes", "resolved")] == [
        "fixed",
        "solved",
        "answered",
        "passed",
        "resolved",
    ]
