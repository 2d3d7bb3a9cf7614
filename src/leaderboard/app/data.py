"""The dashboard's query layer: a cached, locked read-only connection to $LB_DB that follows rebuilds.

Every query a page runs is a named `.sql` file in `app/sql/` with DuckDB named parameters (`$name`); values are
always bound, never formatted into SQL. Results are cached per database version (inode + mtime), so a rebuilt
file (swapped in atomically by `leaderboard build`) is picked up on the next rerun without a restart.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from leaderboard.settings import db_path, default_sources
from leaderboard.store import sandbox

Version = tuple[str, int, int]


def database_path() -> Path:
    return db_path().resolve()


def ensure_database(path: Path) -> None:
    """Build the database from the shipped seeds when there is none yet."""
    if path.is_file():
        return
    from leaderboard.pipeline import BuildOptions, build

    with st.spinner(f"Building {path.name} from seeds/ …"):
        build(BuildOptions(sources=default_sources(), db=path, progress=False))


def version() -> Version:
    """The current database file's identity: (path, inode, mtime). Changes when a build swaps a new file in."""
    path = database_path()
    ensure_database(path)
    info = path.stat()
    return str(path), info.st_ino, info.st_mtime_ns


@st.cache_resource(max_entries=2, show_spinner=False)
def _connect(path: str, inode: int, mtime_ns: int) -> duckdb.DuckDBPyConnection:
    # A private instance per file version (see store/sandbox.py): a rebuilt file gets a fresh connection.
    return sandbox.open_sandbox(path)


def connection() -> duckdb.DuckDBPyConnection:
    """The locked read-only connection to the current database file (a new one after an atomic rebuild)."""
    return _connect(*version())


@st.cache_resource(show_spinner=False)
def sql_text(name: str) -> str:
    """The text of app/sql/<name>.sql."""
    return (resources.files("leaderboard.app") / "sql" / f"{name}.sql").read_text(encoding="utf-8")


def _execute(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> pd.DataFrame:
    cur = sandbox.sandbox_cursor(con)
    try:
        return cur.execute(sql, params).df()
    finally:
        cur.close()


@st.cache_data(max_entries=512, show_spinner=False)
def _cached(ver: Version, sql: str, params: tuple) -> pd.DataFrame:
    return _execute(_connect(*ver), sql, {k: list(v) if isinstance(v, tuple) else v for k, v in params})


def _freeze(params: dict) -> tuple:
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()))


def run(name: str, **params: object) -> pd.DataFrame:
    """Run the named query (app/sql/<name>.sql) with bound parameters; cached per database version."""
    return _cached(version(), sql_text(name), _freeze(params))


def query(sql: str, params: dict | None = None) -> pd.DataFrame:
    """Run one trusted, parameterised statement (cached like `run`)."""
    return _cached(version(), sql, _freeze(params or {}))


def relations() -> set[str]:
    """Names of the tables and views in the database."""
    return set(run("relations")["name"])


def columns(relation: str) -> set[str]:
    """Column names of a table or view (empty when it does not exist)."""
    return set(run("columns", relation=relation)["column_name"])


def sandboxed(sql: str, params: dict | None = None, row_limit: int = 10_000, time_limit: float = 10.0):
    """Run user-typed SQL through the sandbox (never cached: the time limit must apply)."""
    return sandbox.run_sandboxed(connection(), sql, params, row_limit=row_limit, time_limit=time_limit)
