"""Conflicts page: a clear message without the view, the table and its members with it."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.helpers import sql


@pytest.fixture(scope="module")
def conflict_db(synth_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("conflicts") / "c.duckdb"
    shutil.copy(synth_db, path)  # the synthetic database has the store's real conflicts view
    return path


def test_without_the_view(app, seed_db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.duckdb"  # a database from before the conflicts table existed
    shutil.copy(seed_db, old)
    with duckdb.connect(str(old)) as con:
        con.execute("DROP TABLE conflict_rows")
        con.execute("DROP TABLE conflicts")
    at = app(old, "conflicts")
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
