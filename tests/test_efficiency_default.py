"""PROSE-TIME's metric for a time cue row without a value is grammar data (`default_metric,prose_time,<metric>`),
not a name in code. Sentences written for these tests."""

from __future__ import annotations

import pytest

from leaderboard.errors import UserError
from leaderboard.extract import Extractor
from leaderboard.extract.vocab import load_vocabulary
from leaderboard.models import Paper

SENTENCES = (
    "The trained agent burns 12 seconds per episode on a laptop.",
    "Our Q-planner settles 30 grid puzzles, burning 0.8 s per episode.",
)


def _rows(extra: str, tmp_path) -> list[tuple[float, str | None, str | None]]:
    path = tmp_path / "grammar.csv"
    path.write_text("kind,phrase,value\n" + extra, encoding="utf-8")
    ex = Extractor(load_vocabulary([path]))
    return [(r.value, r.metric, r.unit) for t in SENTENCES for r in ex.extract(Paper("w", "", t))]


def test_shipped_grammar_names_the_default_prose_time_metric() -> None:
    rows = [r for r in load_vocabulary().grammar if r[0] == "default_metric"]
    assert rows == [("default_metric", "prose_time", "Latency")]


def test_a_time_cue_without_value_takes_the_grammar_default(tmp_path) -> None:
    shipped = Extractor(load_vocabulary())
    assert [r.value for t in SENTENCES for r in shipped.extract(Paper("w", "", t))] == []
    assert _rows("time_after,per episode,\n", tmp_path) == [(12.0, "Latency", "s"), (0.8, "Latency", "s")]


def test_a_user_default_row_changes_the_metric(tmp_path) -> None:
    extra = "time_after,per episode,\ndefault_metric,prose_time,Inference Time\n"
    assert _rows(extra, tmp_path) == [(12.0, "Inference Time", "s"), (0.8, "Inference Time", "s")]


def test_a_default_row_without_a_metric_is_an_error(tmp_path) -> None:
    with pytest.raises(UserError, match=r"no row 'default_metric,prose_time,<metric>'"):
        _rows("default_metric,prose_time,\n", tmp_path)
