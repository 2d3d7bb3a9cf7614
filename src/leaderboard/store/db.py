"""The DuckDB file: batched Arrow loads into a new file, swapped in atomically when the build completes."""

from __future__ import annotations

import contextlib
import os
import socket
import stat
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from glob import escape as glob_escape
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from leaderboard.curation import COLUMNS as CURATION_COLUMNS
from leaderboard.curation import Curation, csv_line
from leaderboard.errors import UserError
from leaderboard.knowledge.canon import Named, method_norm
from leaderboard.knowledge.precision import half_ulp
from leaderboard.models import Rejected, Result, ResultExtra, truncate
from leaderboard.settings import DEFAULT_DB as DEFAULT_DB
from leaderboard.settings import db_path as db_path  # where callers have always found it
from leaderboard.store.arrow import extras_table, rejected_table, results_table, to_arrow


def _no_entry(name: str) -> None:
    """A lookup that knows no method (the key is then that of the name as written)."""
    return None


# Rows buffered per table before one INSERT. Every load of a build runs in one transaction (BuildWriter.__enter__
# to commit): DuckDB then gathers the rows of many INSERTs into full row groups and writes each, compressed, straight
# into the file ("optimistic writes"), so the batch size hardly matters to its CPU. Each INSERT committed on its
# own went through the WAL and a checkpoint instead, which cost 2-3x the CPU in small batches and left half-full row
# groups in the file. 200 k synthetic snapshot papers (benchmarks/bench_load.py): 2.1 CPU-s in 65,536-row INSERTs
# committed one by one, 1.3 in 16,384-row INSERTs of one transaction (1.3 also in 65,536-row ones). Small batches
# keep the main process's Arrow buffers small (~20 MB) and load while the workers extract, even at 50 k papers.
FLUSH_ROWS = 16_384
BUILD_MEMORY_LIMIT = "256MB"  # DuckDB's share of a build's memory (its cache included); sorts and joins beyond it spill


def sql_text(name: str) -> str:
    """The text of one of the package's SQL files (schema.sql, finalize.sql, views.sql, ...)."""
    return (resources.files("leaderboard") / "store" / name).read_text(encoding="utf-8")


def connect_read_only(
    path: str | os.PathLike, config: dict[str, object] | None = None, *, views: bool = True
) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the database file now at `path`; a clear UserError when there is none.

    Not `duckdb.connect(path)`: DuckDB caches instances by path, so after a rebuild swapped a new file in,
    a process that still holds a connection to the old file would be handed the old data again. The file
    is attached to a fresh in-memory instance instead, with a view in its default schema for every table
    and view of the file, so plain names (`SELECT * FROM results`) work on the connection and its cursors.
    The connection keeps reading the file it opened, even after a rebuild replaces it. `config` goes to
    `duckdb.connect` (settings that must be fixed before anything runs, as the SQL sandbox's are).
    With `views=False` the file's catalog is made the connection's default (`USE`) instead: plain names work
    on this connection only (not its cursors), and `information_schema` lists every table once.
    """
    p = Path(path)
    if not p.is_file():
        raise UserError(f"{p}: no database here (run `leaderboard build` first)")
    con = duckdb.connect(":memory:", config=dict(config or {}))
    try:
        con.execute("ATTACH $path AS leaderboard (READ_ONLY)", {"path": str(p)})
        if not views:
            con.execute("USE leaderboard")
            return con
        names = con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'leaderboard' "
            "AND table_schema = 'main' ORDER BY table_name"
        ).fetchall()
        for (name,) in names:
            ident = '"' + name.replace('"', '""') + '"'
            try:
                con.execute(f"CREATE VIEW main.{ident} AS SELECT * FROM leaderboard.main.{ident}")
            except (duckdb.CatalogException, duckdb.BinderException):
                continue  # a view of the file that no longer binds (e.g. it needs a dropped view): leave it out
    except duckdb.Error as exc:
        con.close()
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UserError(f"{p}: cannot open database ({first})") from None
    return con


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _host_tag() -> str:
    """This machine's name as it goes into temp file names (letters, digits, '.', '_' only)."""
    return "".join(c if c.isalnum() or c in "._" else "_" for c in socket.gethostname()) or "host"


def temp_path(target: Path) -> Path:
    """The temporary file a build of `target` writes: `<name>.tmp-<host>-<pid>` beside it."""
    return target.with_name(f"{target.name}.tmp-{_host_tag()}-{os.getpid()}")


def remove_stale_temp_files(target: Path) -> list[Path]:
    """Delete temp files of builds of `target` whose process is gone (killed builds); returns them.

    Only this machine's builds are judged (a folder may be shared by several machines, and a pid means
    nothing on another one); `<name>.tmp-<pid>` without a host is an older build's name, judged as local.
    """
    removed = []
    host = _host_tag()
    for p in target.parent.glob(f"{glob_escape(target.name)}.tmp-*"):
        tag = p.name[len(target.name) + len(".tmp-") :].removesuffix(".wal")
        file_host, _, pid_text = tag.rpartition("-")
        if file_host not in ("", host) or not pid_text.isdigit():
            continue
        if int(pid_text) == os.getpid() or _pid_alive(int(pid_text)):
            continue
        p.unlink(missing_ok=True)
        removed.append(p)
    return removed


def _fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable (best effort: not every file system supports it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def check_writable(target: Path) -> None:
    """Refuse a target the user made read-only (or cannot write): a rename would replace it regardless."""
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and (not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(target, os.W_OK)):
        raise UserError(
            f"{target}: the database file is read-only (mode {stat.S_IMODE(mode):04o}); "
            "make it writable or build into another --db"
        )
    folder = target.parent if str(target.parent) else Path(".")
    if not os.access(folder, os.W_OK):
        raise UserError(f"{folder}: cannot write in this folder (the new database is written beside {target.name})")


def _keep_mode(target: Path, new: Path) -> None:
    """Give the new file the permissions of the file it replaces (a rebuild never changes them silently)."""
    with contextlib.suppress(OSError):
        os.chmod(new, stat.S_IMODE(target.stat().st_mode))


def _is_interrupt(exc: BaseException | None) -> bool:
    """Whether DuckDB stopped a query because of Ctrl-C."""
    return isinstance(exc, duckdb.InterruptException) or (
        isinstance(exc, RuntimeError) and "interrupted" in str(exc).lower()
    )


class BuildWriter:
    """Writes a complete database into a temporary file beside `target`, then renames it into place.

    Use as a context manager: leaving the block normally (after `commit`) swaps the new file in; an error,
    a kill or Ctrl-C leaves the previous database untouched and removes the temporary file when it can.
    """

    def __init__(self, target: Path, threads: int | None = None, memory_limit: str | None = BUILD_MEMORY_LIMIT) -> None:
        self.target = target
        self.tmp = temp_path(target)
        self._seq = 0
        self._committed = False
        self.con: duckdb.DuckDBPyConnection | None = None
        self.threads = threads
        self.memory_limit = memory_limit
        self._pending: dict[str, list[pa.Table]] = {}
        self._pending_rows: dict[str, int] = {}
        self.stale_removed: list[Path] = []

    def __enter__(self) -> BuildWriter:
        if self.target.parent and not self.target.parent.exists():
            raise UserError(f"{self.target.parent}: directory does not exist")
        check_writable(self.target)
        self._remove_tmp()
        self.stale_removed = remove_stale_temp_files(self.target)
        # The newest storage format this DuckDB writes: before 2.0 the default was v0.10.2's, which stores the
        # abstracts' `USING COMPRESSION zstd` uncompressed instead (measured with 1.2.2 and 1.3.2).
        self.con = duckdb.connect(str(self.tmp), config={"storage_compatibility_version": "latest"})
        if self.threads:
            self.con.execute(f"SET threads = {int(self.threads)}")
        if self.memory_limit:
            self.con.execute("SET memory_limit = ?", [self.memory_limit])
        self.con.execute(sql_text("schema.sql"))
        self.con.execute("BEGIN TRANSACTION")  # the whole load: committed by `commit` (see FLUSH_ROWS)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None
        if exc_type is None and self._committed:
            self._remove_wal(self.target)  # a stale WAL beside the target must not be replayed on the new file
            _keep_mode(self.target, self.tmp)
            os.replace(self.tmp, self.target)
            _fsync_dir(self.target.parent)
        else:
            self._remove_tmp()
            if exc_type is not None and _is_interrupt(exc):
                raise KeyboardInterrupt from None  # Ctrl-C during a query: the same as anywhere else

    def _remove_tmp(self) -> None:
        for p in (self.tmp, self.tmp.with_name(self.tmp.name + ".wal")):
            p.unlink(missing_ok=True)

    @staticmethod
    def _remove_wal(path: Path) -> None:
        path.with_name(path.name + ".wal").unlink(missing_ok=True)

    def _insert(self, table: str, batch: pa.Table) -> None:
        """Buffer rows for `table`; they are loaded in one INSERT once FLUSH_ROWS have gathered."""
        if batch.num_rows == 0:
            return
        self._pending.setdefault(table, []).append(batch)
        self._pending_rows[table] = self._pending_rows.get(table, 0) + batch.num_rows
        if self._pending_rows[table] >= FLUSH_ROWS:
            self._flush(table)

    def _flush(self, table: str) -> None:
        assert self.con is not None
        parts = self._pending.pop(table, [])
        self._pending_rows.pop(table, None)
        if parts:
            batch = pa.concat_tables(parts)  # noqa: F841 - zero-copy; referenced by name in the SQL below
            self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM batch")

    def flush(self) -> None:
        """Load every buffered row."""
        for table in list(self._pending):
            self._flush(table)

    def add_tables(self, papers: pa.Table | None, results: pa.Table | None, rejected: pa.Table | None) -> None:
        """Append Arrow tables (from papers_table / results_table / rejected_table) of one chunk of input.

        The papers get the next load sequence numbers, in order; a result's `paper_seq` holds its paper's
        position in `papers` (NULL for imported results) and is turned into that paper's sequence number.
        """
        base = self._seq
        if papers is not None and papers.num_rows:
            self._seq += papers.num_rows
            papers = papers.append_column("seq", pa.array(range(base, self._seq), pa.int64()))
            has_abstract = pc.fill_null(pc.greater(pc.binary_length(papers.column("abstract")), 0), False)
            self._insert("papers_raw", papers.append_column("has_abstract", has_abstract))
        if results is not None and results.num_rows:
            i = results.schema.get_field_index("paper_seq")
            self._insert("extracted", results.set_column(i, "paper_seq", pc.add(results.column(i), base)))
        if rejected is not None:
            self._insert("rejected", rejected)

    def file_report(self, files: Sequence[str], unreadable: str) -> list[tuple]:
        """Per source file (in order): loaded, rejected, first_line, first_reason, read_error (file_report.sql)."""
        assert self.con is not None
        self.flush()
        params = {"files": list(files), "unreadable": unreadable}
        return self.con.execute(sql_text("file_report.sql"), params).fetchall()

    def loaded_count(self) -> int:
        """Papers and results loaded so far."""
        assert self.con is not None
        self.flush()
        return self.con.execute(
            "SELECT (SELECT count(*) FROM papers_raw) + (SELECT count(*) FROM extracted)"
        ).fetchone()[0]

    def add_results(self, results: Sequence[Result], paper_seqs: Sequence[int | None]) -> None:
        """Append results; `paper_seqs[i]` is the load sequence of the paper record results[i] came from."""
        if results:
            self._insert("extracted", results_table(results, paper_seqs))

    def add_rejected(self, rejected: Sequence[Rejected], stage: str | None = None) -> None:
        """Append rejected records, each with its own stage (read, import, ...) unless `stage` overrides it."""
        if rejected:
            self._insert("rejected", rejected_table(rejected, stage))

    def add_extras(self, extras: Sequence[ResultExtra]) -> None:
        """Append the importers' side records of imported results."""
        if extras:
            self._insert("result_extras", extras_table(extras))

    def add_records(self, table: str, records: Sequence[object], cls: type) -> None:
        """Append records of a dataclass whose fields are the columns of `table` (LaTeX `tables`, `result_cells`)."""
        if records:
            self._insert(table, to_arrow(records, cls))

    def add_metric_info(self, rows: Iterable[tuple[str, str | None, bool | None]]) -> None:
        """Record the vocabulary's metrics (name, unit, higher_is_better); the first entry of a name wins."""
        assert self.con is not None
        first: dict[str, tuple[str | None, bool | None]] = {}
        for name, unit, hib in rows:
            first.setdefault(name, (unit, hib))
        info = pa.table(  # noqa: F841 - referenced by name in the SQL below (executemany costs ~1 s here)
            {
                "metric": list(first),
                "unit": pa.array([u for u, _ in first.values()], pa.string()),
                "higher_is_better": pa.array([h for _, h in first.values()], pa.bool_()),
            }
        )
        self.con.execute("INSERT OR IGNORE INTO metric_info BY NAME SELECT * FROM info")

    def add_curations(
        self, curations: Sequence[Curation], source_file: str, find: Callable[[str], Named | None] = _no_entry
    ) -> None:
        """Load the curation file's well-formed rows; curate.sql applies them at commit. A curated method gets
        the method key every other row gets (`find`: the methods vocabulary's lookup)."""
        if not curations:
            return
        cols = {n: [getattr(c, n) for c in curations] for n in CURATION_COLUMNS}
        cols["line"] = [c.line for c in curations]
        cols["added_id"] = [c.added_result_id() for c in curations]
        cols["source_file"] = [source_file] * len(curations)
        cols["raw"] = [truncate(csv_line(c)) for c in curations]
        named = [c.method if c.action == "add" else c.value if c.field == "method" else None for c in curations]
        cols["method_norm"] = [method_norm(name, find) for name in named]
        numbers = [c.value if c.action == "add" or c.field == "value" else None for c in curations]
        cols["value_half_ulp"] = pa.array([None if t is None else half_ulp(t) for t in numbers], pa.float64())
        self._insert("curations", pa.table(cols))

    def commit(self, info: dict[str, object], extra_sql: Iterable[str] = ()) -> dict[str, int]:
        """Finalize tables and views, record build info; returns row counts. The swap happens on exit.

        Besides `papers`, `results` and `rejected`, the counts have `rejected:<stage>` for each stage with
        rejections and `curations:<status>` (applied, orphaned, duplicate).
        """
        assert self.con is not None
        self.flush()
        con = self.con
        con.execute("COMMIT")  # the load's transaction (__enter__)
        con.execute(sql_text("finalize.sql"))
        con.execute(sql_text("curate.sql"))
        for statement in extra_sql:
            con.execute(statement)
        con.execute(sql_text("views.sql"))
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("papers", "results", "rejected")}
        for sql, prefix in (
            ("SELECT stage, count(*) FROM rejected GROUP BY stage", "rejected:"),
            ("SELECT status, count(*) FROM curations GROUP BY status", "curations:"),
        ):
            counts.update({prefix + str(k): n for k, n in con.execute(sql).fetchall()})
        rows = {**info, **{f"count_{k}": v for k, v in counts.items()}}
        rows["built_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        con.executemany("INSERT INTO build_info VALUES (?, ?)", [(k, str(v)) for k, v in sorted(rows.items())])
        con.execute("CHECKPOINT")
        self._committed = True
        return counts
