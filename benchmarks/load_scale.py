"""The build's DuckDB load alone at scale: CPU and RSS of `BuildWriter` taking N papers, as the pipeline hands them.

Decodes the first 40 blocks (~26 k records) of the realistic 1 M corpus into Arrow papers tables once, then feeds
them to a `BuildWriter` over and over (each copy with new paper ids, so nothing is deduplicated) until N papers
are written, printing the process's RSS at every 100 k papers and its CPU (DuckDB's threads included). No
extraction and no workers: only the main process's load. Run it with another `PYTHONPATH` for the code before.

    python benchmarks/load_scale.py --papers 1000000
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pyarrow as pa  # noqa: E402
import pyarrow.compute as pc  # noqa: E402
from corpus import corpus_name, write_corpus  # noqa: E402

from leaderboard.sources.jsonl import decode_block  # noqa: E402
from leaderboard.sources.lines import read_blocks  # noqa: E402
from leaderboard.store.arrow import papers_table  # noqa: E402
from leaderboard.store.db import BuildWriter  # noqa: E402


def rss_mb() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--papers", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path, default=HERE / "out")
    args = ap.parse_args()
    corpus = write_corpus(args.out / corpus_name(1_000_000), 1_000_000)
    tables = [papers_table(list(decode_block(b))) for b in itertools.islice(read_blocks(corpus), 40)]
    target = Path(tempfile.gettempdir()) / "load_scale.duckdb"
    marks, done = [], 0
    cpu = time.process_time()
    with BuildWriter(target) as writer:
        for table in itertools.cycle(tables):
            ids = pa.array([str(done + i) for i in range(table.num_rows)])
            table = table.set_column(0, "paper_id", pc.binary_join_element_wise(table.column(0), ids, "-"))
            writer.add_tables(table, None, None)
            done += table.num_rows
            if done // 100_000 != (done - table.num_rows) // 100_000:
                marks.append(f"{done // 1000}k: {rss_mb()} MB")
            if done >= args.papers:
                break
        writer.flush()
        loaded = time.process_time() - cpu
        counts = writer.commit({})
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print("RSS at", ", ".join(marks))
    print(
        f"{counts['papers']:,} papers: load CPU {loaded:.1f} s ({loaded / done * 1e6:.1f} us/paper), with commit "
        f"{time.process_time() - cpu:.1f} s; peak RSS {peak} MB; file {target.stat().st_size / 1e6:.0f} MB"
    )
    target.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
