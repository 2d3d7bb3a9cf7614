"""Window sizes are data (grammar.csv rows `window,<name>,<characters>`): typed once, with clear errors."""

from __future__ import annotations

import dataclasses
import json

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


def test_new_windows_are_read_from_the_grammar() -> None:
    w = Windows.of(Grammar.from_rows(load_vocabulary().grammar))
    assert (w.host_before_backbone, w.component_head_after, w.non_result_before, w.nearest_after_penalty) == (
        40,
        24,
        40,
        8,
    )
    g = Grammar.from_rows(_rows(non_result_after="12"))
    assert Windows.read(g, "non_result_after") == 12


def test_a_window_of_a_user_grammar_changes_what_a_rule_sees(tmp_path) -> None:
    from leaderboard.extract import Extractor
    from leaderboard.models import Paper

    text = "MegaDet (ConvNeXt-B) obtains 55.9 box AP on Objects365."
    shipped = Extractor(load_vocabulary()).extract(Paper("w", "", text))
    assert [(r.method, json.loads(r.rules)["method"]) for r in shipped] == [("MegaDet", "method.system_of_backbone")]
    extra = tmp_path / "grammar.csv"
    extra.write_text("kind,phrase,value\nwindow,host_before_backbone,3\n", encoding="utf-8")
    narrow = Extractor(load_vocabulary([extra])).extract(Paper("w", "", text))
    assert [(r.method, json.loads(r.rules)["method"]) for r in narrow] == [("ConvNeXt-B", "method.name_before")]


def test_a_user_speed_cue_window_decides_whether_a_ratio_is_a_speedup(tmp_path) -> None:
    from leaderboard.extract import Extractor
    from leaderboard.models import Paper

    text = "On ImageNet, FastNet runs 4.2x faster than ResNet-50 while matching its accuracy."
    shipped = Extractor(load_vocabulary()).extract(Paper("w", "", text))
    assert [(r.value, r.metric, json.loads(r.rules).get("metric")) for r in shipped] == [
        (4.2, "Speedup", "metric.efficiency_cue")
    ]
    assert Windows.of(Grammar.from_rows(load_vocabulary().grammar)).speed_cue_after == 60
    extra = tmp_path / "grammar.csv"
    extra.write_text("kind,phrase,value\nwindow,speed_cue_after,3\n", encoding="utf-8")
    narrow = Extractor(load_vocabulary([extra])).extract(Paper("w", "", text))
    assert [(r.value, r.metric) for r in narrow] == [(4.2, None)]
