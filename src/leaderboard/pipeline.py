"""The build, read top-down: sources -> extract -> store (a new DuckDB file, swapped in when complete).

source_files(paths)          each file with its format (sources/)
  -> read_units              JSON Lines as raw blocks of lines, other formats as batches of records
  -> Extraction.run          decode + extract each unit in worker processes, Arrow tables back (parallel.py)
  -> BuildWriter             batched Arrow inserts into a temporary DuckDB file (store/)
  -> commit                  finalize.sql (dedup), curate.sql (curations, results), views.sql, atomic rename

Importers (Papers with Code, results CSV) run in the main process: their results, side records and rejections
are written directly; only paper records go to the workers.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from leaderboard import __version__
from leaderboard.curation import curation_path, load_curations
from leaderboard.errors import UserError
from leaderboard.knowledge import metric_info
from leaderboard.models import Result, ResultExtra
from leaderboard.parallel import Extraction, Items, Unit
from leaderboard.progress import Progress
from leaderboard.sources import ArxivFilter, source_files
from leaderboard.sources.detect import GUESSED_FORMATS, READ_ERRORS, UNREADABLE, Reader, unreadable
from leaderboard.sources.latex import read_ahead, read_through_main
from leaderboard.sources.lines import file_size, read_blocks
from leaderboard.store.db import BuildWriter
from leaderboard.tables.records import SIDE_TABLES

CHUNK = 512  # records per unit for formats read in the main process
BLOCK_BYTES = 1 << 20  # bytes of JSON Lines per unit (~650 arXiv records): start-up and pickling costs vanish
BLOCK_FORMATS = {"jsonl", "arxiv"}  # read as raw blocks of lines, decoded in the workers
IMPORT_BATCH = 16_384  # imported rows buffered before they are handed to the writer


@dataclass(slots=True)
class BuildOptions:
    """What to build and how."""

    sources: list[Path]
    db: Path
    fmt: str | None = None
    workers: int = 0  # 0 = all cores
    vocab_files: list[Path] = field(default_factory=list)
    filt: ArxivFilter = field(default_factory=ArxivFilter)
    strict: bool = False
    allow_empty: bool = False  # build even when nothing loads (else the build fails and the old database stays)
    progress: bool = True
    curation: Path | None = None  # default: $LB_CURATION, else curation.csv beside the database
    note: Callable[[str], None] | None = None  # told each "note: ..." line (a stray file skipped), as it happens


@dataclass(slots=True)
class BuildSummary:
    """Counts and timing of a finished build."""

    db: Path
    papers: int
    results: int
    rejected: int
    records: int
    seconds: float
    skipped: int = 0  # records left out by --filter-categories / --since
    counts: dict[str, int] = field(default_factory=dict)  # BuildWriter.commit's, by stage and status
    notes: tuple[str, ...] = ()  # "note: skipped FILE: not a known input format" per stray file of a folder

    def line(self) -> str:
        """One line: what was built, what was rejected (by stage) and what the curations did."""
        rate = self.records / self.seconds if self.seconds > 0 else 0.0
        rejected = f"{self.rejected:,} rejected"
        stages = [(s, self.counts.get(f"rejected:{s}", 0)) for s in REJECT_STAGES]
        if any(n for _, n in stages):
            rejected += " (" + ", ".join(f"{n:,} {REJECT_STAGES[s]}" for s, n in stages if n) + ")"
        filtered = f", {self.skipped:,} skipped by filters" if self.skipped else ""
        curations = ""
        applied, orphaned = self.counts.get("curations:applied", 0), self.counts.get("curations:orphaned", 0)
        if applied or orphaned:
            curations = f", {applied:,} curations applied" + (f" and {orphaned:,} orphaned" if orphaned else "")
        return (
            f"built {self.db}: {self.papers:,} papers, {self.results:,} results, {rejected}{filtered}{curations}, "
            f"in {self.seconds:.1f}s ({rate:,.0f} records/s)"
        )


# Stages of `rejected` rows and how the summary line names them.
REJECT_STAGES = {"read": "unreadable", "import": "unimportable", "dedup": "superseded", "curation": "curation"}


class _Imported:
    """Imported results and their side records, written directly by the main process in batches."""

    def __init__(self, writer: BuildWriter, progress: Progress) -> None:
        self.writer = writer
        self.progress = progress
        self.results: list[Result] = []
        self.extras: list[ResultExtra] = []
        self.side: list[object] = []  # LaTeX tables' `tables` and `result_cells` rows
        self.records = 0

    def add(self, item: Result | ResultExtra) -> None:
        if isinstance(item, Result):
            self.results.append(item)
        elif type(item) in SIDE_TABLES:
            self.side.append(item)
        else:
            self.extras.append(item)
        if len(self.results) + len(self.extras) >= IMPORT_BATCH:
            self.flush()

    def flush(self) -> None:
        self.records += len(self.results)
        self.progress.add(len(self.results), results=len(self.results))
        self.writer.add_results(self.results, [None] * len(self.results))
        self.writer.add_extras(self.extras)
        for cls, table in SIDE_TABLES.items():
            self.writer.add_records(table, [r for r in self.side if type(r) is cls], cls)
        self.side.clear()
        self.results.clear()
        self.extras.clear()


def _item_units(path: Path, reader: Reader, imported: _Imported) -> Iterator[Items]:
    """Batches of the papers and rejections a main-process reader yields; imported rows go to `imported`."""
    batch: list = []
    for item in reader(path):
        if isinstance(item, Result | ResultExtra) or type(item) in SIDE_TABLES:
            imported.add(item)
            continue
        batch.append(item)
        if len(batch) >= CHUNK:
            yield Items(batch)
            batch = []
    yield Items(batch, file_size(path))  # the file's bytes count as read when it is done


def _block_units(path: Path) -> Iterator[Unit]:
    """Raw blocks of a JSON Lines file; a read error (a corrupt .gz) ends the file with one Rejected."""
    try:
        yield from read_blocks(path, BLOCK_BYTES)
    except READ_ERRORS as exc:
        yield Items([unreadable(path, exc)], file_size(path))


def read_units(files: Iterable[tuple[Path, str, Reader]], imported: _Imported) -> Iterator[Unit]:
    """The units of work of every source file, in input order; imported rows are handed to `imported`."""
    for path, fmt, reader in files:
        if fmt in BLOCK_FORMATS:
            yield from _block_units(path)
        else:
            yield from _item_units(path, reader, imported)


def build(opts: BuildOptions) -> BuildSummary:
    """Read every source, extract results, and write a new database that replaces `opts.db` atomically."""
    started = time.perf_counter()
    curation_file = curation_path(opts.db, opts.curation)
    curations, bad_curations = load_curations(curation_file)
    records = skipped = 0
    with Extraction(opts.workers, opts.vocab_files, opts.filt) as extraction:
        vocab = extraction.local.vocab
        files = list(source_files(opts.sources, opts.fmt, opts.filt, vocab, skip=[curation_file]))
        total_bytes = sum(file_size(path) for path, _, _ in files)
        with BuildWriter(opts.db) as writer, Progress(enabled=opts.progress, total_bytes=total_bytes) as progress:
            imported = _Imported(writer, progress)
            files_read = read_ahead(files, opts.vocab_files, extraction.workers)  # LaTeX papers read in a pool
            for chunk in extraction.run(read_units(files_read, imported)):
                writer.add_tables(chunk.papers, chunk.results, chunk.rejected)
                records += chunk.records
                skipped += chunk.skipped
                progress.update(chunk)
            imported.flush()
            records += imported.records
            latex_parts = {path for path, fmt, _ in files if fmt == "latex" and read_through_main(path)}
            notes = check_loaded(
                writer, [str(path) for path, _, _ in files if path not in latex_parts], opts, stray_files(files, opts)
            )
            writer.add_curations(curations, str(curation_file), vocab.methods.lookup)
            writer.add_rejected(bad_curations, stage="curation")
            writer.add_metric_info(metric_info(vocab.knowledge))
            info = {
                "version": __version__,
                "extractor": extraction.local.name,
                "sources": " ".join(str(s) for s in opts.sources),
                "curation": str(curation_file),
            }
            progress.note("finalizing")
            counts = writer.commit(info)
            if opts.strict:
                check_strict(writer)
    return BuildSummary(
        opts.db,
        counts["papers"],
        counts["results"],
        counts["rejected"],
        records,
        time.perf_counter() - started,
        skipped,
        counts,
        notes,
    )


class BuildRefused(UserError):
    """A build that would replace the database with a worse one: every line names a file and its problem."""


def stray_files(files: list[tuple[Path, str, Reader]], opts: BuildOptions) -> set[str]:
    """Files found by walking a folder whose format was not recognised: binary data, or text read as a papers
    listing only because nothing else fits (the fallback). When such a file loads nothing it is skipped."""
    if opts.fmt is not None:
        return set()
    given = {p.resolve() for p in opts.sources if p.is_file()}
    return {str(path) for path, fmt, _ in files if fmt in GUESSED_FORMATS and path.resolve() not in given}


def check_loaded(
    writer: BuildWriter, files: list[str], opts: BuildOptions, strays: set[str] = frozenset()
) -> tuple[str, ...]:
    """Fail the build (the old database stays byte for byte) when a file could not be read to its end, when
    a file loaded no paper and no result (empty, unreadable, the wrong format), or when nothing loaded at all.

    `--allow-empty` accepts files that hold no records and an empty build; files left empty by the arXiv
    filters are not a problem. A stray file of a folder (`strays`: its format was only guessed) that loads
    nothing is skipped: the returned notes name each one (and `opts.note` is told), and the build goes on.
    """
    problems, empty, notes = [], [], []
    filtered = bool(opts.filt.categories or opts.filt.since)
    for name, loaded, rejected, first_line, first_reason, read_error in writer.file_report(files, UNREADABLE):
        if read_error:
            problems.append(f"{name}: {read_error}")
        elif loaded == 0 and name in strays:
            notes.append(f"note: skipped {name}: not a known input format")
            if opts.note is not None:
                opts.note(notes[-1])
        elif loaded == 0 and rejected:
            where = f"line {first_line}: " if first_line is not None else ""
            more = f" (and {rejected - 1:,} more rejected)" if rejected > 1 else ""
            problems.append(f"{name}: nothing loaded; {where}{first_reason}{more}")
        elif loaded == 0 and not (opts.allow_empty or filtered):
            empty.append(f"{name}: nothing loaded; {_no_records(Path(name))}")
    if not problems and not empty and not opts.allow_empty and writer.loaded_count() == 0:
        raise BuildRefused(  # one line: nothing at all loaded
            f"{' '.join(map(str, opts.sources))}: no paper or result loaded; build refused; {opts.db} unchanged"
            " (--allow-empty accepts an empty build)"
        )
    if problems or empty:
        hint = " (--allow-empty accepts an empty build)" if empty and not problems else ""
        raise BuildRefused("\n".join([*problems, *empty, f"build refused; {opts.db} unchanged{hint}"]))
    return tuple(notes)


def _no_records(path: Path) -> str:
    return "the file is empty" if file_size(path) == 0 else "no records found in the file"


def check_strict(writer: BuildWriter) -> None:
    """--strict: fail (the new file is discarded, the old database kept) when anything was rejected."""
    assert writer.con is not None
    rows = writer.con.execute(
        "SELECT source_file, line, reason FROM rejected WHERE stage <> 'dedup' ORDER BY stage, source_file, line"
    ).fetchall()
    if rows:
        where = f"{rows[0][0]}:{rows[0][1] if rows[0][1] is not None else '?'}"
        raise UserError(f"--strict: {len(rows):,} rejected (first: {where}: {rows[0][2]}); database left unchanged")
