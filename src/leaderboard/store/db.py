"""The DuckDB file: batched Arrow loads into a new file, swapped in atomically when the build completes."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import fields
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa

from leaderboard.errors import UserError
from leaderboard.models import Paper, Rejected, Result, ResultExtra

DEFAULT_DB = "leaderboard.duckdb"
_RESULT_FIELDS = [f.name for f in fields(Result)]
_PAPER_FIELDS = [f.name for f in fields(Paper)]
_EXTRA_FIELDS = [f.name for f in fields(ResultExtra)]


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The database path: the argument, else $LB_DB, else leaderboard.duckdb in the working directory."""
    return Path(path or os.environ.get("LB_DB") or DEFAULT_DB)


def sql_text(name: str) -> str:
    """The text of one of the package's SQL files (schema.sql, finalize.sql, views.sql, ...)."""
    return (resources.files("leaderboard") / "store" / name).read_text(encoding="utf-8")


def connect_read_only(path: str | os.PathLike) -> duckdb.DuckDBPyConnection:
    """A read-only connection to an existing database; a clear UserError when there is none."""
    p = Path(path)
    if not p.is_file():
        raise UserError(f"{p}: no database here (run `leaderboard build` first)")
    try:
        return duckdb.connect(str(p), read_only=True)
    except duckdb.Error as exc:
        raise UserError(f"{p}: cannot open database ({exc})") from None


def _columns(records: Sequence[object], names: list[str]) -> dict[str, list]:
    return {n: [getattr(r, n) for r in records] for n in names}


class BuildWriter:
    """Writes a complete database into a temporary file beside `target`, then renames it into place.

    Use as a context manager: leaving the block normally (after `commit`) swaps the new file in; an error,
    a kill or Ctrl-C leaves the previous database untouched and removes the temporary file when it can.
    """

    def __init__(self, target: Path, threads: int | None = None) -> None:
        self.target = target
        self.tmp = target.with_name(f"{target.name}.tmp-{os.getpid()}")
        self._seq = 0
        self._committed = False
        self.con: duckdb.DuckDBPyConnection | None = None
        self.threads = threads

    def __enter__(self) -> BuildWriter:
        if self.target.parent and not self.target.parent.exists():
            raise UserError(f"{self.target.parent}: directory does not exist")
        self._remove_tmp()
        self.con = duckdb.connect(str(self.tmp))
        if self.threads:
            self.con.execute(f"SET threads = {int(self.threads)}")
        self.con.execute(sql_text("schema.sql"))
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None
        if exc_type is None and self._committed:
            os.replace(self.tmp, self.target)
            self._remove_wal(self.target)
        else:
            self._remove_tmp()

    def _remove_tmp(self) -> None:
        for p in (self.tmp, self.tmp.with_name(self.tmp.name + ".wal")):
            p.unlink(missing_ok=True)

    @staticmethod
    def _remove_wal(path: Path) -> None:
        path.with_name(path.name + ".wal").unlink(missing_ok=True)

    def _insert(self, table: str, columns: dict[str, list]) -> None:
        assert self.con is not None
        batch = pa.table(columns)  # noqa: F841 - referenced by name in the SQL below
        self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM batch")

    def add_papers(self, papers: Sequence[Paper]) -> list[int]:
        """Append papers; returns the load sequence number given to each."""
        if not papers:
            return []
        seqs = list(range(self._seq, self._seq + len(papers)))
        self._seq += len(papers)
        cols = _columns(papers, _PAPER_FIELDS)
        cols["seq"] = seqs
        self._insert("papers_raw", cols)
        return seqs

    def add_results(self, results: Sequence[Result], paper_seqs: Sequence[int | None]) -> None:
        """Append results; `paper_seqs[i]` is the load sequence of the paper record results[i] came from."""
        if not results:
            return
        cols = _columns(results, _RESULT_FIELDS)
        cols["paper_seq"] = list(paper_seqs)
        self._insert("extracted", cols)

    def add_rejected(self, rejected: Sequence[Rejected]) -> None:
        """Append rejected records, each with its own stage (read, import, ...)."""
        if not rejected:
            return
        self._insert("rejected", _columns(rejected, ["source_file", "line", "reason", "raw", "stage"]))

    def add_extras(self, extras: Sequence[ResultExtra]) -> None:
        """Append the importers' side records of imported results."""
        if not extras:
            return
        cols = _columns(extras, _EXTRA_FIELDS)
        batch = pa.table(  # noqa: F841 - referenced by name in the SQL below
            {k: pa.array(v, pa.list_(pa.string())) if k.endswith("_links") else v for k, v in cols.items()}
        )
        assert self.con is not None
        self.con.execute("INSERT INTO result_extras BY NAME SELECT * FROM batch")

    def add_metric_info(self, rows: Iterable[tuple[str, str | None, bool | None]]) -> None:
        """Record the vocabulary's metrics (name, unit, higher_is_better); the first entry of a name wins."""
        assert self.con is not None
        self.con.executemany("INSERT OR IGNORE INTO metric_info VALUES (?, ?, ?)", list(rows))

    def commit(self, info: dict[str, object], extra_sql: Iterable[str] = ()) -> dict[str, int]:
        """Finalize tables and views, record build info; returns row counts. The swap happens on exit."""
        assert self.con is not None
        con = self.con
        con.execute(sql_text("finalize.sql"))
        for statement in extra_sql:
            con.execute(statement)
        con.execute(sql_text("views.sql"))
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("papers", "results", "rejected")}
        rows = {**info, **{f"count_{k}": v for k, v in counts.items()}}
        rows["built_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        con.executemany("INSERT INTO build_info VALUES (?, ?)", [(k, str(v)) for k, v in sorted(rows.items())])
        con.execute("CHECKPOINT")
        self._committed = True
        return counts
