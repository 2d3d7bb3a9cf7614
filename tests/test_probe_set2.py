"""The second, blind probe set (tests/data/probes2: 60 invented abstracts written and annotated before the extractor
was run on them, every number annotated, see its README) scored with the judging rules of `leaderboard evaluate`.
The floors are one point under the figures measured when the set was added (main b5cacbd), so a change that loses
generalisation on text nobody tuned on fails here; raise them when the extractor improves on this set."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaderboard.extract import Extractor
from leaderboard.extract.gold_eval import run_gold

PROBES2 = Path(__file__).parent / "data" / "probes2"
FLOORS = {"value_precision": 0.959, "value_recall": 0.927, "tuple_f1": 0.662}


@pytest.fixture(scope="module")
def figures(extractor: Extractor) -> dict[str, float]:
    return run_gold(PROBES2, extractor.extract).figures


def test_probe_set2_is_complete() -> None:
    lines = {name: (PROBES2 / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() for name in
             ("abstracts", "results", "non_results")}  # fmt: skip
    assert (len(lines["abstracts"]), len(lines["results"]), len(lines["non_results"])) == (60, 385, 160)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_probe_set2_floor(figures: dict[str, float], name: str) -> None:
    assert figures[name] >= FLOORS[name], f"{name} {figures[name]:.3f} fell under its floor {FLOORS[name]}"
