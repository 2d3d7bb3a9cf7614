"""Window sizes are data (grammar.csv rows `window,<name>,<characters>`): typed once, with clear errors."""

from __future__ import annotations

import dataclasses

import pytest

from leaderboard.errors import UserError
from leaderboard.extract.grammar import Grammar
from leaderboard.extract.vocab import load_vocabulary
from leaderboard.extract.windows import Windows


def _rows(**override: str) -> list[tuple[str, str, str]]:
    """The shipped grammar rows with some windows replaced or added."""
    rows = load_vocabulary().grammar
    windows = {k: v for kind, k, v in rows if kind == "window"}
    return [r for r in rows if r[0] != "window"] + [("window", k, v) for k, v in {**windows, **override}.items()]


def test_shipped_windows_are_whole_numbers() -> None:
    w = Windows.of(Grammar.from_rows(load_vocabulary().grammar))
    assert w.clause_before == 80
    assert w.benchmark_nearest == 400
    assert all(isinstance(getattr(w, f.name), int) for f in dataclasses.fields(w))


def test_a_window_that_is_not_a_number_is_an_error() -> None:
    with pytest.raises(UserError, match="window 'metric_nearby' must be a whole number of characters, not 'ninety'"):
        Windows.of(Grammar.from_rows(_rows(metric_nearby="ninety")))


def test_an_unknown_window_is_an_error() -> None:
    with pytest.raises(UserError, match="unknown window 'metric_nearbye'"):
        Windows.of(Grammar.from_rows(_rows(metric_nearbye="90")))


def test_a_missing_window_is_an_error() -> None:
    rows = [r for r in _rows() if r[1] != "sets_after"]
    with pytest.raises(UserError, match="no row 'window,sets_after,<characters>'"):
        Windows.of(Grammar.from_rows(rows))
