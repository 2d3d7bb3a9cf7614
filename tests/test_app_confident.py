"""The "Only confident extractions" toggle: on by default, in the URL when off, and the hidden rows counted."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.helpers import chart_data, sql

BENCHMARK, METRIC = "CIFAR-10", "FID"


@pytest.fixture(scope="module")
def unsure_db(synth_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The synthetic database with about a third of its rows below the confidence threshold, and one member of
    the widest conflict among them."""
    path = tmp_path_factory.mktemp("confident") / "c.duckdb"
    shutil.copy(synth_db, path)
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE results SET confident = hash(result_id) % 3 <> 0")
        ids = con.execute("SELECT result_ids FROM conflicts ORDER BY spread DESC LIMIT 1").fetchone()[0]
        con.execute("UPDATE results SET confident = FALSE WHERE result_id = $id", {"id": ids.split(",")[0]})
    return path


def _setting(at) -> dict:
    subset, unit = at.selectbox[2].value.split("|", 1)
    return {"b": BENCHMARK, "m": METRIC, "s": subset, "u": unit}


BOARD = (
    "SELECT {what} FROM results WHERE kind = 'absolute' AND benchmark = $b AND metric = $m "
    "AND coalesce(subset, '') = $s AND coalesce(unit, '') = $u {extra}"
)


def _hidden(db: Path, setting: dict) -> int:
    return int(sql(db, BOARD.format(what="count(*) AS n", extra="AND confident = FALSE"), setting)["n"][0])


def _methods(db: Path, setting: dict, extra: str = "") -> list[str]:
    frame = sql(db, BOARD.format(what="DISTINCT coalesce(method, '(unnamed)') AS method", extra=extra), setting)
    return sorted(frame["method"])


def test_on_by_default_hides_and_counts(app, unsure_db: Path) -> None:
    at = app(unsure_db, "benchmark", benchmark=BENCHMARK, metric=METRIC)
    assert at.toggle[0].label == "Only confident extractions" and at.toggle[0].value is True
    assert "confident" not in at.query_params
    setting = _setting(at)
    hidden = _hidden(unsure_db, setting)
    assert hidden > 0
    assert f"{hidden} extracted rows below the confidence threshold are hidden." in [c.value for c in at.caption]
    table = at.dataframe[0].value
    assert sorted(table["method"]) == _methods(unsure_db, setting, "AND confident IS NOT FALSE")
    assert sorted(table["method"]) != _methods(unsure_db, setting)
    # the SOTA chart draws no hidden row
    unsure = set(sql(unsure_db, "SELECT result_id FROM results WHERE confident = FALSE")["result_id"])
    drawn = {rid for frame in chart_data(at).values() for rid in frame.get("result_id", [])}
    assert drawn and not drawn & unsure


def test_off_shows_every_row_and_writes_the_url(app, unsure_db: Path) -> None:
    at = app(unsure_db, "benchmark", benchmark=BENCHMARK, metric=METRIC)
    at.toggle[0].set_value(False).run()
    assert at.query_params["confident"] == "0"
    setting = _setting(at)
    assert sorted(at.dataframe[0].value["method"]) == _methods(unsure_db, setting)
    hidden = _hidden(unsure_db, setting)
    assert f"Showing all rows, including {hidden} extracted rows below the confidence threshold." in [
        c.value for c in at.caption
    ]
    unsure = set(sql(unsure_db, "SELECT result_id FROM results WHERE confident = FALSE")["result_id"])
    drawn = {rid for frame in chart_data(at).values() for rid in frame.get("result_id", [])}
    assert drawn & unsure
    at.toggle[0].set_value(True).run()
    assert "confident" not in at.query_params


def test_the_url_parameter_round_trips(app, unsure_db: Path) -> None:
    at = app(unsure_db, "benchmark", benchmark=BENCHMARK, metric=METRIC, confident="0")
    assert at.toggle[0].value is False and at.query_params["confident"] == "0"
    assert sorted(at.dataframe[0].value["method"]) == _methods(unsure_db, _setting(at))


def test_method_page(app, unsure_db: Path) -> None:
    method = sql(unsure_db, "SELECT method FROM results WHERE confident = FALSE ORDER BY result_id LIMIT 1")["method"][
        0
    ]
    key = method.lower()
    counts = sql(
        unsure_db,
        "SELECT count(*) FILTER (WHERE confident IS NOT FALSE) AS shown, count(*) FILTER (WHERE NOT confident) AS "
        "hidden FROM results WHERE coalesce(method_norm, lower(method)) = $k OR lower(method) = $k",
        {"k": key},
    )
    shown, hidden = int(counts["shown"][0]), int(counts["hidden"][0])
    at = app(unsure_db, "method", method=key)
    assert len(at.dataframe[0].value) == shown
    assert f"{hidden} extracted rows below the confidence threshold are hidden." in [c.value for c in at.caption]
    at.toggle[0].set_value(False).run()
    assert len(at.dataframe[0].value) == shown + hidden and at.query_params["confident"] == "0"


def test_conflict_members(app, unsure_db: Path) -> None:
    at = app(unsure_db, "conflicts")
    first = at.dataframe[0].value.iloc[0]
    ids = first["result_ids"].split(",")
    flags = sql(
        unsure_db, "SELECT result_id, confident FROM results WHERE list_contains($ids, result_id)", {"ids": ids}
    )
    hidden = int((flags["confident"] == False).sum())  # noqa: E712
    assert hidden >= 1
    at.session_state["conflicts_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    assert len(at.dataframe[1].value) == len(ids) - hidden
    assert f"{hidden} extracted rows below the confidence threshold are hidden." in [c.value for c in at.caption]


def test_paper_page_shows_every_row_and_marks_the_unsure(app, unsure_db: Path) -> None:
    counts = sql(
        unsure_db,
        "SELECT paper_id, count(*) AS n, count(*) FILTER (WHERE NOT confident) AS unsure FROM results "
        "GROUP BY paper_id HAVING unsure > 0 AND unsure < n ORDER BY paper_id LIMIT 1",
    )
    paper, n, unsure = counts["paper_id"][0], int(counts["n"][0]), int(counts["unsure"][0])
    at = app(unsure_db, "paper", paper=paper)
    assert any(c.value.startswith(f"{unsure} row(s) marked “?” are below the confidence threshold") for c in at.caption)
    _, html = (h.proto.body for h in at.get("html"))  # the abstract, then the results table
    assert html.count("<tr id=") == n
    assert html.count(" ?</td>") == unsure
