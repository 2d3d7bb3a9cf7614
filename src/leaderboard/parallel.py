"""Extraction over all cores: units of input in, Arrow tables out, in input order.

A unit is either a block of raw JSON Lines (`LineBlock`: the main process only reads bytes; decoding,
normalising, filtering and extraction all happen in the worker) or a list of records another reader already
produced (`Items`). Each worker gets its extractor once (below: no vocabulary compile per worker) and returns a
`Chunk` of Arrow tables, so the main process only moves buffers into DuckDB.

Workers start light: where the platform has a fork server (workers.py), it imports this module once, builds the
shipped-vocabulary extractor once, and forks the workers from it: a worker of a build without `--vocab` files
starts with that extractor (the main process sends only its name, a hash of the rules' code and vocabulary, to
check it by). Elsewhere, and with extra vocabulary files, workers unpickle the main process's copy. Neither way
copies the main process's threads (DuckDB's) into a child. Workers never import pandas (pyarrow would import
it at their first array).
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from importlib.abc import MetaPathFinder
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
from leaderboard.workers import boot_fork_server, has_fork_server, without_callers_main

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
        out = decode_line(text, block.source, lineno, filt, utf8=True)  # block_lines decodes strictly
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


class _Pool(Pool):
    """multiprocessing's process Pool without a busy wait in the main process.

    Pool's worker-maintenance thread sleeps until a worker exits or the pool changes state, but it also watches
    the result pipe's reader: while a ~1 MB chunk waits in the pipe, or is being read by the result thread, that
    thread wakes again and again (2 CPU-s in a 200 k build at load 12, more than unpickling every chunk). It only
    needs the change notifier, as ThreadPool's does (Pool keeps watching each worker's exit sentinel).
    """

    def _get_sentinels(self) -> list:
        return [self._change_notifier._reader]


@dataclass(slots=True)
class _Held:
    """The extractors this process holds, in one place: `shipped`, the shipped-vocabulary one the fork server builds
    before it forks any worker (`prebuild_shipped`; a worker keeps it even when it extracts with another, so its
    shared pages are never freed and copied), and `worker`, the one this worker extracts with, set once by
    `_init_worker` (None in the main process)."""

    shipped: Extractor | None = None
    worker: Extractor | None = None


_HELD = _Held()


def prebuild_shipped() -> None:
    """Build the shipped-vocabulary extractor in this process (the fork server's preload). A failure is left
    for the worker to meet, with its traceback: the server itself must keep running."""
    with suppress(Exception):  # the worker builds it again and reports the error
        _HELD.shipped = Extractor(load_vocabulary([]))
    gc.freeze()  # collections in the workers then leave these objects, and the pages they share, untouched


def _shipped_extractor(name: str) -> Extractor:
    """The shipped-vocabulary extractor named `name`: the prebuilt one, else (no fork server, or the rules or
    vocabulary changed since the server started) one built now."""
    if _HELD.shipped is None or _HELD.shipped.name != name:
        _HELD.shipped = Extractor(load_vocabulary([]))
    return _HELD.shipped


class _NoPandas(MetaPathFinder):
    """An import finder that refuses pandas: a worker never needs it, and pyarrow's probe then costs nothing."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.partition(".")[0] == "pandas":
            raise ModuleNotFoundError("pandas is not loaded in extraction workers", name=name)


def _init_worker(extractor: bytes | str) -> None:
    """Worker start: keep pandas out (pyarrow would import it at its first array, 0.2 s), set the extractor:
    the pickled copy of the main process's, or (a str: its name) the shipped-vocabulary one the fork server
    built. Ctrl-C is the main process's to handle (a fork server started earlier may not have ignored it).

    Then every object the worker has (modules, vocabulary, extractor) is frozen out of the garbage collector:
    each unit's papers and results outlive a few young collections, so every few units a full collection
    runs, and it walked that whole heap each time (11-15 us of CPU per record, measured in one process;
    2.5 us once frozen). Frozen objects are only skipped by the collector; they are never garbage here.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if "pandas" not in sys.modules:
        sys.meta_path.insert(0, _NoPandas())
    _HELD.worker = _shipped_extractor(extractor) if isinstance(extractor, str) else pickle.loads(extractor)
    gc.freeze()


def _work(unit: Unit, filt: ArxivFilter) -> Chunk:
    assert _HELD.worker is not None, "a worker extracts only after _init_worker"
    return process_unit(unit, _HELD.worker, filt)


def _pool_context():
    """A fork server that has imported this module, where the platform has one; else spawn."""
    if has_fork_server():
        boot_fork_server()
        return get_context("forkserver")
    return get_context("spawn")


@dataclass
class Extraction:
    """Runs units in-process for small inputs and in a process pool once the input has a second unit.

    The pool starts as soon as a second unit exists (`leaderboard build` boots its fork server before, for
    inputs over one unit: workers.boot_fork_server_for).
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
            context = _pool_context()
            shipped = not self.vocab_files and context.get_start_method() == "forkserver"
            blob = self.local.name if shipped else pickle.dumps(self.local, protocol=pickle.HIGHEST_PROTOCOL)
            # Workers start with Ctrl-C ignored (an ignored signal stays ignored in a started process, and the
            # fork server gives its children the disposition it started with): the main process alone handles
            # it, ends the pool and prints one line, without a traceback per worker.
            previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
            try:
                with without_callers_main():
                    self.pool = _Pool(self.workers, _init_worker, (blob,), context=context)
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
            pending.append(self.pool.apply_async(_work, (unit, self.filt)))
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
