"""Saved queries: `.sql` files in queries/ with a comment header naming their parameters and defaults.

    -- title: State of the art per benchmark and metric
    -- description: The best reported value on each benchmark, by the metric's direction.
    -- param benchmark: CIFAR-10
    SELECT ... WHERE benchmark = $benchmark

Parameters are DuckDB named parameters (`$name`), always passed as values, never formatted into SQL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from leaderboard.errors import UserError
from leaderboard.settings import queries_dir

_HEADER = re.compile(r"^--\s*(title|description|param\s+(\w+))\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"(?<![\w$])\$([A-Za-z_]\w*)")
_STRINGS_OR_COMMENTS = re.compile(r"'(?:[^']|'')*'|--[^\n]*")  # left to right: an apostrophe in a comment is no string


@dataclass(slots=True)
class SavedQuery:
    """One saved query file."""

    name: str
    sql: str
    title: str = ""
    description: str = ""
    params: dict[str, str] = field(default_factory=dict)  # name -> default value


def parse_saved_query(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    query = SavedQuery(name=path.stem, sql=text)
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if not m:
            if line.strip() and not line.strip().startswith("--"):
                break
            continue
        key, pname, value = m.groups()
        if pname:
            query.params[pname] = value
        elif key == "title":
            query.title = value
        else:
            query.description = value
    return query


def list_saved_queries(folder: Path | None = None) -> list[SavedQuery]:
    folder = folder or queries_dir()
    return [parse_saved_query(p) for p in sorted(folder.glob("*.sql"))]


def resolve_sql(sql_or_file: str, folder: Path | None = None) -> SavedQuery:
    """A SQL string, a path to a .sql file, or the name of a saved query."""
    candidate = Path(sql_or_file)
    if candidate.suffix == ".sql" and candidate.is_file():
        return parse_saved_query(candidate)
    saved = (folder or queries_dir()) / f"{sql_or_file}.sql"
    if re.fullmatch(r"[\w-]+", sql_or_file) and saved.is_file():
        return parse_saved_query(saved)
    if candidate.suffix == ".sql":
        raise UserError(f"{candidate}: no such SQL file")
    return SavedQuery(name="adhoc", sql=sql_or_file)


def used_params(sql: str) -> list[str]:
    """Names of the `$name` parameters a statement uses (ignoring text inside string literals)."""
    code = _STRINGS_OR_COMMENTS.sub(lambda m: "''" if m.group(0).startswith("'") else "", sql)
    return list(dict.fromkeys(_PARAM.findall(code)))


def _coerce(value: str) -> object:
    for cast in (int, float):
        try:
            return cast(value)
        except ValueError:
            pass
    return value


def bind_params(query: SavedQuery, given: dict[str, str]) -> dict[str, object]:
    """The parameter values for a query: given values over defaults; a clear error for missing ones."""
    values: dict[str, object] = {}
    for name in used_params(query.sql):
        if name in given:
            values[name] = _coerce(given[name])
        elif name in query.params:
            values[name] = _coerce(query.params[name])
        else:
            raise UserError(f"query '{query.name}' needs a value for ${name} (pass --param {name}=...)")
    unknown = sorted(set(given) - set(values))
    if unknown:
        raise UserError(f"query '{query.name}' has no parameter named {', '.join(unknown)}")
    return values


def run_query(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object] | None = None) -> pd.DataFrame:
    """Run one statement with named parameters; DuckDB errors become one-line UserErrors."""
    try:
        return con.execute(sql, params or {}).df()
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UserError(f"SQL error: {first}") from None
