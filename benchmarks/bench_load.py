"""How DuckDB's load cost depends on the INSERT batch size: the build's `papers_raw` load alone, per batch size.

Decodes the first N records of the realistic synthetic snapshot corpus (corpus.py) into one Arrow papers table,
then, for each batch size, creates the build schema in a new database file (with the build's memory limit) and
loads the table in INSERTs of that many rows, as `BuildWriter` does, then checkpoints. Prints the CPU of the
process (DuckDB's threads included), the wall time, the CPU at each ~50 k rows and the file size.

    python benchmarks/bench_load.py --papers 300000 --batches 8192,32768,65536
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import duckdb  # noqa: E402
import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402
from corpus import corpus_name, write_corpus  # noqa: E402

from leaderboard.sources.jsonl import ArxivFilter, decode_line  # noqa: E402
from leaderboard.store.arrow import papers_table  # noqa: E402
from leaderboard.store.db import BUILD_MEMORY_LIMIT, sql_text  # noqa: E402


def cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def papers(corpus: Path, n: int) -> pa.Table:
    """The first `n` records as the Arrow table the workers send, with the columns BuildWriter adds."""
    found = []
    with corpus.open(encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n:
                break
            found.append(decode_line(line, corpus.name, i + 1, ArxivFilter()))
    table = papers_table(found)
    table = table.append_column("seq", pa.array(range(len(found)), pa.int64()))
    return table.append_column("has_abstract", pc.greater(pc.binary_length(table.column("abstract")), 0))


def load(
    table: pa.Table, batch_rows: int, db: Path, threads: int = 0, settings: tuple[str, ...] = (), one_tx: bool = False
) -> tuple[float, float, list[float], int]:
    """CPU seconds, wall seconds, CPU at each ~50 k rows and file size of loading `table` in batches
    (with `threads` DuckDB threads, 0: DuckDB's default, and extra `SET` statements)."""
    db.unlink(missing_ok=True)
    con = duckdb.connect(str(db))
    con.execute("SET memory_limit = ?", [BUILD_MEMORY_LIMIT])
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    for setting in settings:
        con.execute(f"SET {setting}")
    con.execute(sql_text("schema.sql"))
    c0, w0, marks = cpu_s(), time.perf_counter(), []
    if one_tx:
        con.execute("BEGIN TRANSACTION")
    every = max(1, 50_000 // batch_rows)
    for k, off in enumerate(range(0, table.num_rows, batch_rows)):
        batch = table.slice(off, batch_rows)  # noqa: F841 - referenced by name in the SQL
        con.execute("INSERT INTO papers_raw BY NAME SELECT * FROM batch")
        if k % every == every - 1:
            marks.append(cpu_s() - c0)
    if one_tx:
        con.execute("COMMIT")
    con.execute("CHECKPOINT")
    con.close()
    out = (cpu_s() - c0, time.perf_counter() - w0, marks, db.stat().st_size)
    db.unlink()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=100_000)
    ap.add_argument("--batches", default="8192,32768,65536", help="INSERT batch sizes (rows), comma-separated")
    ap.add_argument("--threads", default="0", help="DuckDB threads to try, comma-separated (0: its default)")
    ap.add_argument(
        "--set", action="append", default=[], help="An extra DuckDB setting, e.g. checkpoint_threshold='1GB'"
    )
    ap.add_argument("--transaction", action="store_true", help="All INSERTs in one transaction (as BuildWriter).")
    ap.add_argument("--out", type=Path, default=HERE / "out")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    size = 1_000_000 if args.papers > 50_000 else 50_000
    corpus = write_corpus(args.out / corpus_name(size), size)
    table = papers(corpus, args.papers)
    print(f"{table.num_rows:,} papers, {table.nbytes / 2**20:,.0f} MiB of Arrow")
    for threads in (int(t) for t in args.threads.split(",")):
        for rows in (int(b) for b in args.batches.split(",")):
            cpu, wall, marks, nbytes = load(
                table, rows, args.out / f"load-{rows}.duckdb", threads, tuple(args.set), args.transaction
            )
            steps = ", ".join(f"{m:.1f}" for m in marks)
            print(
                f"threads {threads or 'default'}, batch {rows:>7,} rows: CPU {cpu:6.2f} s, wall {wall:6.1f} s, "
                f"file {nbytes / 1e6:5.0f} MB; "
                f"CPU at each ~50 k: {steps}"
            )


if __name__ == "__main__":
    main()
