"""The dashboard's query layer: a cached read-only connection to $LB_DB that follows rebuilds."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from leaderboard.store.db import connect_read_only, db_path


def database_path() -> Path:
    return db_path(os.environ.get("LB_DB")).resolve()


def ensure_database(path: Path) -> None:
    """Build the database from the shipped seeds when there is none yet."""
    if path.is_file():
        return
    from leaderboard.cli import default_sources
    from leaderboard.pipeline import BuildOptions, build

    with st.spinner(f"Building {path.name} from seeds/ …"):
        build(BuildOptions(sources=default_sources(), db=path, progress=False))


def _file_version(path: Path) -> tuple[int, int]:
    st_ = path.stat()
    return st_.st_ino, st_.st_mtime_ns


@st.cache_resource(max_entries=4)
def _connect(path: str, version: tuple[int, int]) -> duckdb.DuckDBPyConnection:
    # not duckdb.connect(path): DuckDB caches instances by path and would hand back the replaced file
    return connect_read_only(path)


def connection() -> duckdb.DuckDBPyConnection:
    """A read-only connection to the current database file (a new one after an atomic rebuild)."""
    path = database_path()
    ensure_database(path)
    return _connect(str(path), _file_version(path))


def query(sql: str, params: dict | None = None) -> pd.DataFrame:
    """Run one parameterised statement on a cursor of the cached connection."""
    cur = connection().cursor()
    try:
        return cur.execute(sql, params or {}).df()
    finally:
        cur.close()
