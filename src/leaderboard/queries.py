"""Saved queries: `.sql` files with a comment header naming their parameters and defaults.

The shipped ones are package data (leaderboard/saved_queries/); a `queries/` folder in the working directory
and the folder named by $LB_QUERIES add to them (a query of the same name there replaces the shipped one).

    -- title: State of the art per benchmark and metric
    -- description: The best reported value on each benchmark, by the metric's direction.
    -- param benchmark: CIFAR-10
    SELECT ... WHERE benchmark = $benchmark

Parameters are DuckDB named parameters (`$name`), always passed as values, never formatted into SQL.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from leaderboard.errors import UserError
from leaderboard.settings import query_folders

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


def _saved_files(folder: Path | None = None) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for f in [folder] if folder is not None else query_folders():
        files.update({p.stem: p for p in sorted(f.glob("*.sql"))})
    return files


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
    """The saved queries (of `folder`, else of every query folder), by name."""
    files = _saved_files(folder)
    return [parse_saved_query(files[name]) for name in sorted(files)]


def resolve_sql(sql_or_file: str, folder: Path | None = None) -> SavedQuery:
    """A SQL string, a path to a .sql file, or the name of a saved query."""
    if not sql_or_file.strip():
        raise UserError("empty query: give SQL, a .sql file or a saved query's name (see `leaderboard queries`)")
    candidate = Path(sql_or_file)
    if candidate.suffix == ".sql" and candidate.is_file():
        return parse_saved_query(candidate)
    if candidate.suffix == ".sql":
        raise UserError(f"{candidate}: no such SQL file")
    if re.fullmatch(r"[\w-]+", sql_or_file):
        files = _saved_files(folder)
        if sql_or_file in files:
            return parse_saved_query(files[sql_or_file])
        if not _parses(sql_or_file):  # one word that is no statement ("checkpoint" is one): a mistyped name
            close = difflib.get_close_matches(sql_or_file, list(files), n=1, cutoff=0.5)
            hint = f"; did you mean '{close[0]}'?" if close else " (see `leaderboard queries`)"
            raise UserError(f"no saved query named '{sql_or_file}'{hint}")
    return SavedQuery(name="adhoc", sql=sql_or_file)


def _parses(sql: str) -> bool:
    try:
        return bool(duckdb.extract_statements(sql))
    except duckdb.Error:
        return False


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


# Statement types that change a database: refused on the read-only one with one clear line.
WRITE_STATEMENTS = {"INSERT", "UPDATE", "DELETE", "CREATE", "CREATE_FUNC", "ALTER", "DROP", "MERGE_INTO", "VACUUM"}


def run_query(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object] | None = None) -> pd.DataFrame:
    """Run one statement with named parameters; DuckDB errors become one-line UserErrors.

    The database is attached read-only: a statement that would change it (INSERT, DELETE, DROP, CREATE, ...)
    is refused with "the database is read-only here" instead of DuckDB's view or catalog errors.
    """
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as exc:
        raise UserError(f"SQL error: {_first_line(exc)}") from None
    if not statements:
        raise UserError("empty query: no SQL statement given")
    for statement in statements:
        kind = statement.type.name
        if kind in WRITE_STATEMENTS:
            raise UserError(f"the database is read-only here ({kind} statements cannot change it)")
    try:
        result = con.execute(sql, params or {})
    except duckdb.Error as exc:
        if "read-only mode" in str(exc):
            raise UserError("the database is read-only here") from None
        raise UserError(f"SQL error: {_first_line(exc)}") from None
    if result.description is None:
        return pd.DataFrame()
    return result.df()


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
