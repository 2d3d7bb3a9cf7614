"""A sandbox for SQL typed by dashboard users: read-only, no files or network, one statement, row and time limits.

Defence in depth, three layers:

1. The connection: a private in-memory DuckDB instance that ATTACHes the database file READ_ONLY, then turns
   `enable_external_access` off and locks its configuration (no `SET` can undo it). Extension autoload and
   autoinstall and community extensions are off from the start. Attaching (not `duckdb.connect(path)`) also
   keeps it apart from DuckDB's per-path instance cache, so a rebuilt file is really reopened.
2. The statement check, with DuckDB's own parser: exactly one statement, of type SELECT (which covers WITH,
   DESCRIBE, SHOW, SUMMARIZE, FROM-first) or EXPLAIN of one; for SELECTs the parse tree is walked and any table
   function outside a small allow-list (`read_csv`, `glob`, `query`, ...) or a file path used as a table is
   refused.
3. Limits: a row cap on what is fetched and a timer that calls `interrupt()` on the cursor.

The CLI's `query` command is the trusted path and does not use this module.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

from leaderboard.errors import UserError
from leaderboard.store.db import connect_read_only

# Settings fixed at connect time (before anything runs) and after the ATTACH (then locked).
CONNECT_CONFIG: dict[str, object] = {
    "autoload_known_extensions": False,
    "autoinstall_known_extensions": False,
    "allow_community_extensions": False,
    "allow_persistent_secrets": False,
}
LOCKED_SETTINGS: dict[str, str] = {"enable_external_access": "false", "lock_configuration": "true"}

DEFAULT_ROW_LIMIT = 10_000
DEFAULT_TIME_LIMIT = 10.0  # seconds

# Table functions a read-only query may call: generators and catalog introspection. Everything else (read_csv,
# read_parquet, read_json, read_text, glob, query, sniff_csv, parquet_metadata, *_scan, ...) is refused.
ALLOWED_TABLE_FUNCTIONS = frozenset(
    {"range", "generate_series", "unnest", "pragma_table_info", "pragma_show", "pragma_version", "pragma_database_size"}
)
ALLOWED_TABLE_FUNCTION_PREFIXES = ("duckdb_",)
_PATHLIKE = re.compile(r"[/\\:~]|\.(csv|tsv|txt|parquet|json|jsonl|ndjson|gz|zst|db|duckdb|sqlite|xlsx?)$", re.I)
_EXPLAIN = re.compile(r"^\s*explain\s+(?:analy[sz]e\s+)?(?:\([^)]*\)\s*)?", re.I)

_REFUSED = {
    "COPY": "COPY reads or writes files",
    "COPY_DATABASE": "COPY DATABASE writes files",
    "EXPORT": "EXPORT DATABASE writes files",
    "ATTACH": "ATTACH opens other database files",
    "DETACH": "DETACH changes the attached databases",
    "LOAD": "LOAD/INSTALL brings in extensions",
    "EXTENSION": "LOAD/INSTALL brings in extensions",
    "SET": "SET/RESET/USE change the connection's settings",
    "VARIABLE_SET": "SET VARIABLE changes the connection's state",
    "PRAGMA": "PRAGMA changes or inspects the connection's settings",
    "CALL": "CALL runs table functions outside the allowed list",
    "TRANSACTION": "transactions are not needed on a read-only database",
    "MULTI": "this form runs several statements (for PIVOT, list the values: PIVOT t ON col IN ('a', 'b') USING ...)",
}


class SandboxError(UserError):
    """A statement the sandbox refuses or could not finish (too slow, failed): the message says why."""


@dataclass(slots=True)
class SandboxResult:
    """What a sandboxed query returned."""

    frame: pd.DataFrame
    truncated: bool  # more rows existed than the row limit
    seconds: float


def open_sandbox(path: str | Path, memory_limit: str = "2GB", threads: int = 2) -> duckdb.DuckDBPyConnection:
    """A locked, read-only connection to the database at `path` (a private instance, see the module doc)."""
    con = connect_read_only(Path(path).resolve(), CONNECT_CONFIG)
    try:
        con.execute(f"SET memory_limit = '{_quote(memory_limit)}'")
        con.execute(f"SET threads = {int(threads)}")
        for name, value in LOCKED_SETTINGS.items():
            con.execute(f"SET {name} = {value}")
    except duckdb.Error as exc:
        con.close()
        raise UserError(f"{path}: cannot open database ({exc})") from None
    return con


def sandbox_cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A new cursor of a sandbox connection (the database's tables and views are in its default schema)."""
    return con.cursor()


def _quote(text: str) -> str:
    return text.replace("'", "''")


def check_statement(con: duckdb.DuckDBPyConnection, sql: str) -> str:
    """The one allowed statement in `sql`, or a SandboxError saying why it is refused."""
    if not sql.strip():
        raise SandboxError("no SQL given")
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise SandboxError(f"SQL error: {_first_line(exc)}") from None
    if len(statements) != 1:
        raise SandboxError(f"one statement at a time, please (got {len(statements)})")
    statement = statements[0]
    kind = statement.type.name
    if kind == "EXPLAIN":
        inner = _EXPLAIN.sub("", statement.query, count=1)
        if inner == statement.query:
            raise SandboxError("could not read the statement after EXPLAIN")
        check_statement(con, inner)
        return statement.query
    if kind != "SELECT":
        reason = _REFUSED.get(kind, f"{kind} statements change the database")
        raise SandboxError(
            f"refused: {reason}. The SQL box runs read-only queries only (SELECT, WITH, DESCRIBE, SHOW)."
        )
    _check_tree(con, statement.query)
    return statement.query


def _check_tree(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Walk DuckDB's parse tree of a SELECT and refuse file access through table functions or paths."""
    try:
        text = con.execute("SELECT json_serialize_sql(?::VARCHAR)", [sql]).fetchone()[0]
    except duckdb.Error as exc:
        raise SandboxError(f"SQL error: {_first_line(exc)}") from None
    tree = json.loads(text)
    if tree.get("error"):
        raise SandboxError(f"refused: the statement could not be checked ({tree.get('error_message', 'parse error')})")
    for kind, name in _table_refs(tree):
        lowered = name.lower()
        if kind == "function" and not (
            lowered in ALLOWED_TABLE_FUNCTIONS or lowered.startswith(ALLOWED_TABLE_FUNCTION_PREFIXES)
        ):
            raise SandboxError(
                f"refused: table function {name}() may read files or run other SQL; the SQL box queries only the "
                "database's own tables and views"
            )
        if kind == "table" and _PATHLIKE.search(name):
            raise SandboxError(f"refused: {name!r} looks like a file path; the SQL box cannot read files")


def _table_refs(node: object) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            kind = item.get("type")
            if kind == "TABLE_FUNCTION":
                function = item.get("function") or {}
                found.append(("function", str(function.get("function_name", "?"))))
            elif kind == "BASE_TABLE":
                found.append(("table", str(item.get("table_name", ""))))
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _fetch(cur: duckdb.DuckDBPyConnection, rows: int) -> pd.DataFrame:
    """Up to `rows` rows of the pending result, fetched chunk by chunk (never the whole result)."""
    chunks = []
    have = 0
    while have < rows:
        chunk = cur.fetch_df_chunk(1)
        if chunk.empty:
            break
        chunks.append(chunk)
        have += len(chunk)
    if not chunks:
        return cur.fetch_df_chunk(1) if cur.description is not None else pd.DataFrame()
    return pd.concat(chunks, ignore_index=True) if len(chunks) > 1 else chunks[0]


def run_sandboxed(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: dict[str, object] | None = None,
    row_limit: int = DEFAULT_ROW_LIMIT,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> SandboxResult:
    """Check and run one statement on a fresh cursor of `con`; at most `row_limit` rows, `time_limit` seconds."""
    statement = check_statement(con, sql)
    cur = sandbox_cursor(con)
    timer = threading.Timer(time_limit, cur.interrupt)
    started = time.perf_counter()
    timer.start()
    try:
        cur.execute(statement, params or {})
        frame = _fetch(cur, row_limit + 1)
    except duckdb.InterruptException:
        raise SandboxError(f"stopped: the query ran longer than the {time_limit:g} s limit") from None
    except duckdb.PermissionException as exc:
        raise SandboxError(f"refused: {_first_line(exc)}") from None
    except duckdb.Error as exc:
        raise SandboxError(f"SQL error: {_first_line(exc)}") from None
    finally:
        timer.cancel()
        cur.close()
    truncated = len(frame) > row_limit
    return SandboxResult(frame.iloc[:row_limit].reset_index(drop=True), truncated, time.perf_counter() - started)
