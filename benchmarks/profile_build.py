"""Where a build's CPU goes outside the extractor: the main process by stage, the workers by step, RSS over time.

Runs `pipeline.build` in this process (workers as usual) with the main process's stages wrapped in timers:
wall time, CPU of the whole main process (DuckDB's threads included) and CPU of the main thread alone.

- read:      reading raw blocks of lines from the file (sources/lines.py)
- wait:      waiting for a worker's chunk (unpickling it included: multiprocessing does it in `get`)
- load:      the Arrow INSERTs into DuckDB (BuildWriter._flush), streamed and at commit
- add:       preparing a chunk's tables for the writer (seq numbers, has_abstract, buffering)
- finalize:  finalize.sql, curate.sql, views.sql and the checkpoint (BuildWriter.commit less its flush)
- start:     Extraction() (vocabulary compile) and the pool start

Then, in one process, the worker's steps on the first `--worker-blocks` blocks of the same file: decode lines
to `Paper`s, extract, build the Arrow tables, pickle the chunk (what crosses the process boundary); and the
garbage collector's share of those steps (after one warm-up block, the heap frozen as in a worker).

    python benchmarks/profile_build.py benchmarks/out/arxiv-50000-seed0.jsonl
    python benchmarks/profile_build.py benchmarks/out/arxiv-1000000-seed0.jsonl --limit 200000
"""

from __future__ import annotations

import argparse
import functools
import gc
import itertools
import os
import pickle
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import _sample  # noqa: E402


@dataclass(slots=True)
class Stage:
    """Accumulated cost of one stage of the main process."""

    calls: int = 0
    wall: float = 0.0
    cpu: float = 0.0  # process CPU (all threads)
    thread: float = 0.0  # main thread CPU


@dataclass(slots=True)
class Profile:
    stages: dict[str, Stage] = field(default_factory=lambda: defaultdict(Stage))
    active: list[str] = field(default_factory=list)  # stages being timed (nested ones are not double counted)
    own: list[float] = field(default_factory=lambda: [0.0])  # CPU of the RSS sampler thread, left out of stages

    def timed(self, name: str, fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            if self.active:  # inside another timed stage: its cost belongs to the outer one
                return fn(*args, **kwargs)
            self.active.append(name)
            w, c, t, o = time.perf_counter(), time.process_time(), time.thread_time(), self.own[0]
            try:
                return fn(*args, **kwargs)
            finally:
                s = self.stages[name]
                s.calls += 1
                s.wall += time.perf_counter() - w
                s.cpu += time.process_time() - c - (self.own[0] - o)
                s.thread += time.thread_time() - t
                self.active.pop()

        return wrapper

    def timed_always(self, name: str, fn):
        """Call `fn`, timed as `name` even inside another stage (a part of it)."""
        active, self.active = self.active, []
        try:
            return self.timed(name, fn)()
        finally:
            self.active = active

    def timed_iter(self, name: str, it):
        """Time each `next` of an iterator as stage `name`."""
        it = iter(it)
        step = self.timed(name, lambda: next(it, None))
        while (item := step()) is not None:
            yield item


def _limited(path: Path, limit: int) -> Path:
    """The first `limit` lines of `path` in a temporary file (the whole file when limit is 0)."""
    if not limit:
        return path
    out = Path(tempfile.gettempdir()) / f"{path.stem}-first{limit}.jsonl"
    if not out.exists() or sum(1 for _ in out.open("rb")) != limit:
        with path.open("rb") as src, out.open("wb") as dst:
            dst.writelines(itertools.islice(src, limit))
    return out


class RssSampler(threading.Thread):
    """Samples the RSS of this process and of its descendants every `every` seconds."""

    def __init__(self, own: list[float], every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.own = own  # this thread's CPU so far (sampling /proc costs ~10 ms a time on a busy machine)
        self.every = every
        self.samples: list[tuple[float, int, int, float, int]] = []  # (t, main RSS, tree RSS, children CPU, papers)
        self.papers = 0  # papers handed to the writer so far
        self.threads: dict[int, tuple[str, float]] = {}  # thread id -> (name, CPU seconds): Python's and DuckDB's
        self.done = threading.Event()
        self.started_at = time.perf_counter()

    def run(self) -> None:
        me = os.getpid()
        while not self.done.is_set():
            snap = _sample(me)
            main = snap.get(me, (0, 0.0))[0]
            tree = sum(r for r, _ in snap.values())
            children = sum(c for pid, (_, c) in snap.items() if pid != me)
            self.samples.append((time.perf_counter() - self.started_at, main, tree, children, self.papers))
            self.own[0] = time.thread_time()
            self._threads()

    def _threads(self) -> None:
        names = {t.native_id: t.name for t in threading.enumerate()}
        try:
            tids = os.listdir("/proc/self/task")
        except OSError:
            return
        for tid in tids:
            try:
                with open(f"/proc/self/task/{tid}/stat", "rb") as fh:
                    rest = fh.read().decode("utf-8", "replace").rsplit(")", 1)[1].split()
            except OSError:
                continue
            cpu = (int(rest[11]) + int(rest[12])) / os.sysconf("SC_CLK_TCK")
            name = names.get(int(tid), self.threads.get(int(tid), ("native (DuckDB)", 0))[0])
            self.threads[int(tid)] = (name, cpu)
            self.done.wait(self.every)


def _statement_timer(prof: Profile, store) -> None:
    """Make BuildWriter.commit run its SQL files a statement at a time, each timed as `sql:<file>:<first words>`."""
    original = store.sql_text

    class Timed:
        def __init__(self, con):
            self.con = con

        def execute(self, sql, *args):
            if not isinstance(sql, str) or args or ";" not in sql:
                return self.con.execute(sql, *args)
            for st in self.con.extract_statements(sql):
                words = " ".join(st.query.split()[:4])[:48]
                prof.timed_always(f"sql:{words}", lambda st=st: self.con.execute(st))
            return self.con

        def __getattr__(self, name):
            return getattr(self.con, name)

    commit = store.BuildWriter.commit

    def timed_commit(writer, *args, **kwargs):
        con = writer.con
        writer.con = Timed(con)
        try:
            return commit(writer, *args, **kwargs)
        finally:
            writer.con = con

    store.BuildWriter.commit = timed_commit
    store.sql_text = original


def profile_parent(corpus: Path, workers: int, db: Path) -> tuple[Profile, RssSampler, float, float]:
    from leaderboard import parallel, pipeline
    from leaderboard.store import db as store

    prof = Profile()
    sampler = RssSampler(prof.own)
    _statement_timer(prof, store)
    store.BuildWriter._flush = prof.timed("load", store.BuildWriter._flush)
    add_tables = prof.timed("add", store.BuildWriter.add_tables)

    def counted_add(writer, papers, *rest):
        sampler.papers += papers.num_rows if papers is not None else 0
        return add_tables(writer, papers, *rest)

    store.BuildWriter.add_tables = counted_add
    store.BuildWriter.commit = prof.timed("finalize", store.BuildWriter.commit)
    parallel.Extraction.__post_init__ = prof.timed("start", parallel.Extraction.__post_init__)
    parallel.Extraction._start_pool = prof.timed("start", parallel.Extraction._start_pool)
    parallel.AsyncResult.get = prof.timed("wait", parallel.AsyncResult.get)
    original_blocks = pipeline.read_blocks
    pipeline.read_blocks = lambda *a, **k: prof.timed_iter("read", original_blocks(*a, **k))

    sampler.start()
    w, c = time.perf_counter(), time.process_time()
    opts = pipeline.BuildOptions([corpus], db, workers=workers, progress=False)
    summary = pipeline.build(opts)
    wall, cpu = time.perf_counter() - w, time.process_time() - c - prof.own[0]
    sampler.done.set()
    sampler.join()
    print(summary.line())
    return prof, sampler, wall, cpu


def profile_worker(corpus: Path, blocks: int) -> dict[str, float]:
    """Seconds of each worker step over the first `blocks` blocks, in this process; and the records."""
    from leaderboard.extract import Extractor
    from leaderboard.extract.vocab import load_vocabulary
    from leaderboard.models import Paper, assign_result_ids
    from leaderboard.parallel import Chunk, _block_items
    from leaderboard.sources.jsonl import ArxivFilter
    from leaderboard.sources.lines import read_blocks
    from leaderboard.store.arrow import papers_table, rejected_table, results_table

    extractor = Extractor(load_vocabulary([]))
    cost: dict[str, float] = defaultdict(float)
    filt = ArxivFilter()
    for block in itertools.islice(read_blocks(corpus), 1):  # warm-up: first-use patterns, pyarrow's first table
        warm = [p for p in _block_items(block, filt)[0] if isinstance(p, Paper)]
        found = [r for p in warm for r in extractor.extract(p)]
        papers_table(warm)
        results_table(found, [0] * len(found))
    gc.freeze()  # as a worker does once its extractor is set (parallel._init_worker)
    collecting = [0.0]

    def gc_timer(phase: str, info: dict) -> None:  # CPU of the garbage collector, a part of the steps below
        if phase == "start":
            collecting[0] = time.process_time()
        else:
            cost["(garbage collection)"] += time.process_time() - collecting[0]

    gc.callbacks.append(gc_timer)
    for block in itertools.islice(read_blocks(corpus), blocks):
        t = time.process_time()
        items, _ = _block_items(block, filt)
        cost["decode"] += time.process_time() - t
        papers = [p for p in items if isinstance(p, Paper)]
        t = time.process_time()
        results, index = [], []
        for i, paper in enumerate(papers):
            found = extractor.extract(paper)
            assign_result_ids(found)
            results.extend(found)
            index.extend([i] * len(found))
        cost["extract"] += time.process_time() - t
        t = time.process_time()
        chunk = Chunk(papers_table(papers), results_table(results, index), rejected_table([]))
        cost["tables"] += time.process_time() - t
        t = time.process_time()
        blob = pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
        cost["pickle"] += time.process_time() - t
        t = time.process_time()
        pickle.loads(blob)
        cost["unpickle (main)"] += time.process_time() - t
        cost["pickled MB"] += len(blob) / 2**20
        t = time.process_time()
        pickle.dumps(block, protocol=pickle.HIGHEST_PROTOCOL)
        cost["pickle block (main)"] += time.process_time() - t
        cost["records"] += len(items)
        cost["results"] += len(results)
    gc.callbacks.remove(gc_timer)
    return cost


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=0, help="Only the first N records (0: all).")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--worker-blocks", type=int, default=4, help="Blocks for the in-process worker profile (0: skip).")
    ap.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "profile_build.duckdb")
    args = ap.parse_args(argv)
    corpus = _limited(args.corpus, args.limit)
    records = sum(1 for _ in corpus.open("rb"))
    prof, sampler, wall, cpu = profile_parent(corpus, args.workers, args.db)
    children = max((s[3] for s in sampler.samples), default=0.0)
    print(
        f"\n{records:,} records, {args.workers} workers, load {os.getloadavg()[0]:.1f}: wall {wall:.1f} s, CPU main "
        f"{cpu:.1f} s ({cpu / records * 1e6:.0f} us/record), CPU workers (sampled) {children:.1f} s "
        f"({children / records * 1e6:.0f} us/record)"
    )
    per_record = (cpu + children) / records
    print(
        f"CPU per record {per_record * 1e6:.0f} us: the full snapshot (2,700,000) CPU-bound on {args.workers} cores "
        f"{2_700_000 * per_record / args.workers / 60:.1f} min (no other load, perfect overlap)"
    )
    print(f"{'main stage':>10} {'calls':>6} {'wall s':>8} {'CPU s':>7} {'thread s':>8} {'us/rec CPU':>10}")
    for name in ("start", "read", "wait", "add", "load", "finalize"):
        s = prof.stages.get(name, Stage())
        print(f"{name:>10} {s.calls:>6} {s.wall:8.2f} {s.cpu:7.2f} {s.thread:8.2f} {s.cpu / records * 1e6:10.1f}")
    timed = sum(s.cpu for n, s in prof.stages.items() if not n.startswith("sql:"))
    print(f"{'other':>10} {'':>6} {'':>8} {cpu - timed:7.2f} {'':>8} {(cpu - timed) / records * 1e6:10.1f}")
    print("threads of the main process (CPU s, sampled):")
    by_name: dict[str, float] = defaultdict(float)
    for name, thread_cpu in sampler.threads.values():
        by_name[name.partition(" ")[2] or name if name.startswith("Thread-") else name] += thread_cpu
    print("  " + ", ".join(f"{n}: {c:.2f}" for n, c in sorted(by_name.items(), key=lambda x: -x[1])))
    parts = sorted(((n, s) for n, s in prof.stages.items() if n.startswith("sql:")), key=lambda x: -x[1].cpu)
    print("finalize statements (CPU s, wall s), the largest:")
    for n, s in parts[:8]:
        print(f"  {s.cpu:6.2f} {s.wall:6.2f}  {n[4:]}")
    print("\nRSS over the build (papers written, main MB / tree MB; peak of the samples since the previous mark):")
    marks, peak_main, peak_tree, shown = [], 0, 0, 0
    step = max(records // 10, 1)
    for _, m, tr, _, n in sampler.samples:
        peak_main, peak_tree = max(peak_main, m), max(peak_tree, tr)
        if n >= shown + step or (n == records and shown < records):
            marks.append(f"{n / 1000:.0f}k:{peak_main / 2**20:.0f}/{peak_tree / 2**20:.0f}")
            shown, peak_main, peak_tree = n, 0, 0
    if peak_main:
        marks.append(f"end:{peak_main / 2**20:.0f}/{peak_tree / 2**20:.0f}")
    print("  " + "  ".join(marks))
    print(
        f"  peak tree {max(s[2] for s in sampler.samples) / 2**20:.0f} MB, "
        f"peak main {max(s[1] for s in sampler.samples) / 2**20:.0f} MB"
    )
    if args.worker_blocks:
        cost = profile_worker(corpus, args.worker_blocks)
        n = cost.pop("records")
        print(
            f"\nworker steps, in one process, first {args.worker_blocks} blocks ({n:.0f} records, "
            f"{cost.pop('results'):.0f} results, {cost.pop('pickled MB'):.1f} MB pickled):"
        )
        for k, v in cost.items():
            print(f"  {k:>20}: {v:6.2f} s  {v / n * 1e6:7.1f} us/record")
    args.db.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
