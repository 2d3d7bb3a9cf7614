"""Extraction over all cores: units of input in, Arrow tables out, in input order.

A unit is either a block of raw JSON Lines (`LineBlock`: the main process only reads bytes; decoding,
normalising, filtering and extraction all happen in the worker) or a list of records another reader already
produced (`Items`). Each worker process builds its extractor once (the vocabulary compiles once per process)
and returns a `Chunk` of Arrow tables, so the main process only moves buffers into DuckDB.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from itertools import chain
from multiprocessing import get_context
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path

import pyarrow as pa

from leaderboard.extract import Extractor
from leaderboard.extract.vocab import load_vocabulary
from leaderboard.models import Paper, Rejected, Result, assign_result_ids
from leaderboard.sources.jsonl import ArxivFilter, decode_line
from leaderboard.sources.lines import LineBlock, block_lines
from leaderboard.store.arrow import papers_table, rejected_table, results_table

PENDING_PER_WORKER = 2  # units in flight per worker: keeps workers busy while bounding memory


@dataclass(slots=True)
class Items:
    """Records read in the main process (listing, CSV, JSON array, importers); `nbytes` of input they cover."""

    items: list[Paper | Result | Rejected]
    nbytes: int = 0


Unit = LineBlock | Items


@dataclass(slots=True)
class Chunk:
    """One unit after extraction: tables for `BuildWriter.add_tables` and the counts progress shows."""

    papers: pa.Table
    results: pa.Table
    rejected: pa.Table
    records: int = 0  # papers + imported results + rejected records
    skipped: int = 0  # records left out by --filter-categories / --since
    nbytes: int = 0


def _block_items(block: LineBlock, filt: ArxivFilter) -> tuple[list[Paper | Result | Rejected], int]:
    items: list[Paper | Result | Rejected] = []
    rejects: list[Rejected] = []
    skipped = 0
    for lineno, text in block_lines(block, rejects):
        if rejects:
            items.extend(rejects)
            rejects.clear()
        out = decode_line(text, block.source, lineno, filt)
        if out is not None:
            items.append(out)
        elif text.strip():
            skipped += 1
    items.extend(rejects)
    return items, skipped


def process_unit(unit: Unit, extractor: Extractor, filt: ArxivFilter) -> Chunk:
    """Decode (for a LineBlock) and extract one unit; results keep their paper's position in the chunk."""
    if isinstance(unit, LineBlock):
        items, skipped = _block_items(unit, filt)
    else:
        items, skipped = unit.items, 0
    papers: list[Paper] = []
    imported: list[Result] = []
    rejected: list[Rejected] = []
    for item in items:
        if isinstance(item, Paper):
            papers.append(item)
        elif isinstance(item, Result):
            imported.append(item)
        else:
            rejected.append(item)
    results: list[Result] = []
    index: list[int | None] = []
    for i, paper in enumerate(papers):
        found = extractor.extract(paper)
        assign_result_ids(found)
        results.extend(found)
        index.extend([i] * len(found))
    results.extend(imported)
    index.extend([None] * len(imported))
    return Chunk(
        papers_table(papers),
        results_table(results, index),
        rejected_table(rejected),
        records=len(items),
        skipped=skipped,
        nbytes=unit.nbytes,
    )


@cache
def _worker_extractor(vocab_files: tuple[Path, ...]) -> Extractor:
    """The extractor of a worker process: built once per process (its vocabulary compiles once)."""
    return Extractor(load_vocabulary(list(vocab_files)))


def _init_worker(vocab_files: tuple[Path, ...]) -> None:
    _worker_extractor(vocab_files)


def _work(unit: Unit, vocab_files: tuple[Path, ...], filt: ArxivFilter) -> Chunk:
    return process_unit(unit, _worker_extractor(vocab_files), filt)


@dataclass
class Extraction:
    """Runs units in-process for small inputs and in a spawn process pool once the input has a second unit.

    The pool starts as soon as a second unit exists, and boots while the first unit is extracted in-process.
    At most PENDING_PER_WORKER units per worker are in flight; chunks come back in input order, so the
    database does not depend on the number of workers.
    """

    workers: int = 0  # 0 = all cores
    vocab_files: list[Path] = field(default_factory=list)
    filt: ArxivFilter = field(default_factory=ArxivFilter)
    local: Extractor = field(init=False)
    pool: Pool | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.workers = self.workers or os.cpu_count() or 1
        self.local = Extractor(load_vocabulary(self.vocab_files))

    def _start_pool(self) -> None:
        if self.pool is None and self.workers > 1:
            ctx = get_context("spawn")
            # Workers start with Ctrl-C ignored (an ignored signal stays ignored in a spawned process): the
            # main process alone handles it, ends the pool and prints one line, without a traceback per worker.
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:
                self.pool = ctx.Pool(self.workers, _init_worker, (tuple(self.vocab_files),))
            finally:
                signal.signal(signal.SIGINT, previous)

    def run(self, units: Iterable[Unit]) -> Iterator[Chunk]:
        """Chunks of all units, in input order."""
        it = iter(units)
        first = next(it, None)
        if first is None:
            return
        second = next(it, None)
        if second is not None:
            self._start_pool()
        yield process_unit(first, self.local, self.filt)
        if second is None:
            return
        pending: deque[AsyncResult] = deque()
        for unit in chain([second], it):
            if self.pool is None:
                yield process_unit(unit, self.local, self.filt)
                continue
            pending.append(self.pool.apply_async(_work, (unit, tuple(self.vocab_files), self.filt)))
            while len(pending) >= PENDING_PER_WORKER * self.workers:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None

    def __enter__(self) -> Extraction:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
