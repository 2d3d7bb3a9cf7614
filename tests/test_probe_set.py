"""The probe set (tests/data/probes: 60 invented abstracts, exhaustively annotated, see its README) scored with the
judging rules of `leaderboard evaluate`: the floors are one point under the figures measured when the probes round
ended, so a change that loses generalisation on text nobody tuned on fails here."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaderboard.extract import Extractor
from leaderboard.extract.gold_eval import run_gold

PROBES = Path(__file__).parent / "data" / "probes"
FLOORS = {"value_precision": 0.975, "value_recall": 0.978, "tuple_f1": 0.893}


@pytest.fixture(scope="module")
def figures(extractor: Extractor) -> dict[str, float]:
    return run_gold(PROBES, extractor.extract).figures


def test_probe_set_is_complete() -> None:
    lines = {name: (PROBES / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() for name in
             ("abstracts", "results", "non_results")}  # fmt: skip
    assert (len(lines["abstracts"]), len(lines["results"]), len(lines["non_results"])) == (60, 271, 72)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_probe_set_floor(figures: dict[str, float], name: str) -> None:
    assert figures[name] >= FLOORS[name], f"{name} {figures[name]:.3f} fell under its floor {FLOORS[name]}"
