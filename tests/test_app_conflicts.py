"""Conflicts page: a clear message without the view, the table and its members with it."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import sql

# The importers' view, reduced to the columns the page relies on (same names and meaning).
VIEW = """
CREATE VIEW conflicts AS
SELECT md5(method_norm || benchmark || metric)[:16] AS conflict_id, min(method) AS method, method_norm, benchmark,
       subset, metric, min(unit) AS unit, bool_or(higher_is_better) AS higher_is_better,
       count(DISTINCT source) AS n_sources,
       count(DISTINCT paper_id) AS n_papers, count(*) AS n_results, count(DISTINCT value) AS n_values,
       min(value) AS min_value, max(value) AS max_value, max(value) - min(value) AS spread,
       string_agg(DISTINCT source, ', ') AS sources, string_agg(result_id, ',' ORDER BY value) AS result_ids
FROM results
WHERE benchmark IS NOT NULL AND metric IS NOT NULL AND method IS NOT NULL
GROUP BY method_norm, benchmark, subset, metric
HAVING count(DISTINCT paper_id) > 1 AND max(value) > min(value)
"""


@pytest.fixture(scope="module")
def conflict_db(synth_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("conflicts") / "c.duckdb"
    shutil.copy(synth_db, path)
    with duckdb.connect(str(path)) as con:
        con.execute(VIEW)
    return path


def test_without_the_view(app, seed_db: Path) -> None:
    at = app(seed_db, "conflicts")
    assert "no `conflicts` view" in at.info[0].value


def test_table_sorted_by_spread(app, conflict_db: Path) -> None:
    at = app(conflict_db, "conflicts")
    table = at.dataframe[0].value
    expected = sql(conflict_db, "select * from conflicts")
    assert len(table) == len(expected) > 0
    assert table["spread"].tolist() == sorted(expected["spread"], reverse=True)
    assert at.get("download_button")[0].proto.label == "Download CSV"


def test_benchmark_filter_round_trip(app, conflict_db: Path) -> None:
    at = app(conflict_db, "conflicts", benchmark="CIFAR-10")
    assert at.selectbox[0].value == "CIFAR-10"
    table = at.dataframe[0].value
    assert set(table["benchmark"]) == {"CIFAR-10"}
    assert len(table) == len(sql(conflict_db, "select 1 from conflicts where benchmark = 'CIFAR-10'"))


def test_selecting_a_conflict_shows_its_reports(app, conflict_db: Path) -> None:
    at = app(conflict_db, "conflicts")
    first = at.dataframe[0].value.iloc[0]
    at.session_state["conflicts_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    at.run()
    members = at.dataframe[1].value
    ids = first["result_ids"].split(",")
    assert sorted(members["result_id"]) == sorted(ids)
    assert members["value"].min() == first["min_value"] and members["value"].max() == first["max_value"]
