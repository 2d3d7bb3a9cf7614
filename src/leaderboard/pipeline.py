"""The build, read top-down: sources -> extract -> store (a new DuckDB file, swapped in when complete).

read_sources(paths)          Paper / imported Result / Rejected records, streamed (sources/)
  -> Extractor.extract       one paper in, Results out, in worker processes (extract/)
  -> BuildWriter             batched Arrow inserts into a temporary DuckDB file (store/)
  -> commit                  finalize.sql (dedup, results), views.sql, atomic rename
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

from leaderboard import __version__
from leaderboard.curation import curation_path, load_curations
from leaderboard.errors import UserError
from leaderboard.extract import Extractor
from leaderboard.extract.vocab import load_vocabulary
from leaderboard.models import Paper, Rejected, Result, assign_result_ids
from leaderboard.progress import Progress
from leaderboard.sources import ArxivFilter, read_sources
from leaderboard.store.db import BuildWriter

CHUNK = 512  # papers per unit of work sent to a worker process


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
    progress: bool = True
    curation: Path | None = None  # default: $LB_CURATION, else curation.csv beside the database


@dataclass(slots=True)
class BuildSummary:
    """Counts and timing of a finished build."""

    db: Path
    papers: int
    results: int
    rejected: int
    records: int
    seconds: float
    counts: dict[str, int] = field(default_factory=dict)  # BuildWriter.commit's, by stage and status

    def line(self) -> str:
        """One line: what was built, what was rejected (by stage) and what the curations did."""
        rate = self.records / self.seconds if self.seconds > 0 else 0.0
        rejected = f"{self.rejected:,} rejected"
        stages = [(s, self.counts.get(f"rejected:{s}", 0)) for s in REJECT_STAGES]
        if any(n for _, n in stages):
            rejected += " (" + ", ".join(f"{n:,} {REJECT_STAGES[s]}" for s, n in stages if n) + ")"
        curations = ""
        applied, orphaned = self.counts.get("curations:applied", 0), self.counts.get("curations:orphaned", 0)
        if applied or orphaned:
            curations = f", {applied:,} curations applied" + (f" and {orphaned:,} orphaned" if orphaned else "")
        return (
            f"built {self.db}: {self.papers:,} papers, {self.results:,} results, {rejected}{curations}, "
            f"in {self.seconds:.1f}s ({rate:,.0f} records/s)"
        )


# Stages of `rejected` rows and how the summary line names them.
REJECT_STAGES = {"read": "unreadable", "import": "unimportable", "dedup": "superseded", "curation": "curation"}


# Worker processes build their extractor once (the vocabulary compiles once per process).
_WORKER: dict[str, Extractor] = {}


def _init_worker(vocab_files: list[Path]) -> None:
    _WORKER["extractor"] = Extractor(load_vocabulary(vocab_files))


def _work(batch: list[tuple[int, Paper]]) -> list[tuple[int, Result]]:
    return extract_batch(_WORKER["extractor"], batch)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class _Extraction:
    """Runs extraction in-process for small inputs and in a process pool once the input proves large."""

    def __init__(self, workers: int, vocab_files: list[Path]) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.vocab_files = vocab_files
        self.local = Extractor(load_vocabulary(vocab_files))
        self.pool: Pool | None = None
        self.pending: deque[AsyncResult] = deque()
        self.chunks_seen = 0

    def submit(self, batch: list[tuple[int, Paper]]) -> Iterator[list[tuple[int, Result]]]:
        """Queue a batch; yields the results of batches that are done (in submission order)."""
        self.chunks_seen += 1
        if self.workers <= 1 or self.chunks_seen == 1:
            yield extract_batch(self.local, batch)
            return
        if self.pool is None:
            self.pool = get_context("spawn").Pool(self.workers, _init_worker, (self.vocab_files,))
        self.pending.append(self.pool.apply_async(_work, (batch,)))
        while len(self.pending) > 2 * self.workers:
            yield self.pending.popleft().get()

    def drain(self) -> Iterator[list[tuple[int, Result]]]:
        while self.pending:
            yield self.pending.popleft().get()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()


def extract_batch(extractor: Extractor, batch: list[tuple[int, Paper]]) -> list[tuple[int, Result]]:
    """Extract each (seq, paper) and give the results their stable ids; results keep their paper's seq."""
    out = []
    for seq, paper in batch:
        results = extractor.extract(paper)
        assign_result_ids(results)
        out.extend((seq, r) for r in results)
    return out


def build(opts: BuildOptions) -> BuildSummary:
    """Read every source, extract results, and write a new database that replaces `opts.db` atomically."""
    started = time.perf_counter()
    curation_file = curation_path(opts.db, opts.curation)
    curations, bad_curations = load_curations(curation_file)
    items = read_sources(opts.sources, opts.fmt, opts.filt)
    extraction = _Extraction(opts.workers, opts.vocab_files)
    records = n_rejected = 0
    try:
        with BuildWriter(opts.db) as writer, Progress(enabled=opts.progress) as progress:

            def write(done: list[tuple[int, Result]]) -> None:
                writer.add_results([r for _, r in done], [s for s, _ in done])
                progress.add_results(len(done))

            for chunk in _chunks(items, CHUNK):
                papers = [i for i in chunk if isinstance(i, Paper)]
                imported = [i for i in chunk if isinstance(i, Result)]
                rejected = [i for i in chunk if isinstance(i, Rejected)]
                seqs = writer.add_papers(papers)
                writer.add_results(imported, [None] * len(imported))
                writer.add_rejected(rejected)
                records += len(chunk)
                n_rejected += len(rejected)
                progress.add_records(len(chunk), len(rejected))
                for done in extraction.submit(list(zip(seqs, papers, strict=True))):
                    write(done)
            for done in extraction.drain():
                write(done)
            writer.add_curations(curations, str(curation_file))
            writer.add_rejected(bad_curations, stage="curation")
            info = {
                "version": __version__,
                "extractor": extraction.local.name,
                "sources": " ".join(str(s) for s in opts.sources),
                "curation": str(curation_file),
            }
            counts = writer.commit(info)
            if opts.strict:
                check_strict(writer)
    finally:
        extraction.close()
    return BuildSummary(
        opts.db,
        counts["papers"],
        counts["results"],
        counts["rejected"],
        records,
        time.perf_counter() - started,
        counts,
    )


def check_strict(writer: BuildWriter) -> None:
    """--strict: fail (the new file is discarded, the old database kept) when anything was rejected."""
    assert writer.con is not None
    rows = writer.con.execute(
        "SELECT source_file, line, reason FROM rejected WHERE stage <> 'dedup' ORDER BY stage, source_file, line"
    ).fetchall()
    if rows:
        where = f"{rows[0][0]}:{rows[0][1] if rows[0][1] is not None else '?'}"
        raise UserError(f"--strict: {len(rows):,} rejected (first: {where}: {rows[0][2]}); database left unchanged")
