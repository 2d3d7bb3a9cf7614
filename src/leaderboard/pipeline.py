"""The build, read top-down: sources -> extract -> store (a new DuckDB file, swapped in when complete).

source_files(paths)          each file with its format (sources/)
  -> read_units              JSON Lines as raw blocks of lines, other formats as batches of records
  -> Extraction.run          decode + extract each unit in worker processes, Arrow tables back (parallel.py)
  -> BuildWriter             batched Arrow inserts into a temporary DuckDB file (store/)
  -> commit                  finalize.sql (dedup, results), views.sql, atomic rename
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from leaderboard import __version__
from leaderboard.errors import UserError
from leaderboard.parallel import Extraction, Items, Unit
from leaderboard.progress import Progress
from leaderboard.sources import ArxivFilter, source_files
from leaderboard.sources.detect import Reader
from leaderboard.sources.lines import file_size, read_blocks
from leaderboard.store.db import BuildWriter

CHUNK = 512  # records per unit for formats read in the main process
BLOCK_BYTES = 1 << 20  # bytes of JSON Lines per unit (~650 arXiv records): start-up and pickling costs vanish
BLOCK_FORMATS = {"jsonl", "arxiv"}  # read as raw blocks of lines, decoded in the workers


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

    def line(self) -> str:
        rate = self.records / self.seconds if self.seconds > 0 else 0.0
        filtered = f", {self.skipped:,} skipped by filters" if self.skipped else ""
        return (
            f"built {self.db}: {self.papers:,} papers, {self.results:,} results, "
            f"{self.rejected:,} rejected{filtered}, in {self.seconds:.1f}s ({rate:,.0f} records/s)"
        )


def _item_units(path: Path, reader: Reader) -> Iterator[Items]:
    batch: list = []
    for item in reader(path):
        batch.append(item)
        if len(batch) >= CHUNK:
            yield Items(batch)
            batch = []
    yield Items(batch, file_size(path))  # the file's bytes count as read when it is done


def read_units(files: Iterable[tuple[Path, str, Reader]]) -> Iterator[Unit]:
    """The units of work of every source file, in input order."""
    for path, fmt, reader in files:
        if fmt in BLOCK_FORMATS:
            yield from read_blocks(path, BLOCK_BYTES)
        else:
            yield from _item_units(path, reader)


def build(opts: BuildOptions) -> BuildSummary:
    """Read every source, extract results, and write a new database that replaces `opts.db` atomically."""
    started = time.perf_counter()
    files = list(source_files(opts.sources, opts.fmt, opts.filt))
    total_bytes = sum(file_size(path) for path, _, _ in files)
    records = n_rejected = skipped = 0
    with (
        Extraction(opts.workers, opts.vocab_files, opts.filt) as extraction,
        BuildWriter(opts.db) as writer,
        Progress(enabled=opts.progress, total_bytes=total_bytes) as progress,
    ):
        for chunk in extraction.run(read_units(files)):
            writer.add_tables(chunk.papers, chunk.results, chunk.rejected)
            records += chunk.records
            n_rejected += chunk.rejected.num_rows
            skipped += chunk.skipped
            progress.update(chunk)
        if opts.strict and n_rejected:
            raise UserError(f"--strict: {n_rejected} record(s) rejected; database left unchanged")
        info = {
            "version": __version__,
            "extractor": extraction.local.name,
            "sources": " ".join(str(s) for s in opts.sources),
        }
        progress.note("finalizing")
        counts = writer.commit(info)
    return BuildSummary(
        opts.db,
        counts["papers"],
        counts["results"],
        counts["rejected"],
        records,
        time.perf_counter() - started,
        skipped,
    )
