"""The dashboard's main queries on a large database: a synthetic results table generated directly in DuckDB
(deterministic: values come from hash(row number)), finalized by the store's own SQL, then timed.

Run on its own: python benchmarks/bench_queries.py [--rows 1000000] [--out benchmarks/out]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from leaderboard.queries import used_params
from leaderboard.store.db import BuildWriter

METRICS = [  # (name, higher_is_better)
    ("Accuracy", True), ("F1", True), ("BLEU", True), ("ROUGE-L", True), ("mAP", True), ("Top-1 Accuracy", True),
    ("Exact Match", True), ("NDCG", True), ("Win Rate", True), ("FID", False), ("WER", False), ("Perplexity", False),
]  # fmt: skip
BENCHMARKS = 400
METHODS = 20_000

PAPERS_SQL = """
INSERT INTO papers_raw
SELECT i, 'q' || lpad(i::VARCHAR, 8, '0'), 'Synthetic paper ' || i || ' on results at scale',
       repeat('Synthetic abstract text with numbers like 91.2% on a benchmark. ', 14),
       DATE '2010-01-01' + CAST(hash(i * 7 + 1) % 5800 AS INTEGER),
       'https://arxiv.org/abs/q' || i, 'A. Author and B. Author', 'cs.LG cs.CL', 'synthetic', i + 1, TRUE
FROM range($papers) t(i)
"""

RESULTS_SQL = """
INSERT INTO extracted BY NAME
WITH g AS (
    SELECT i, hash(i * 8 + 1) AS h1, hash(i * 8 + 2) AS h2, hash(i * 8 + 3) AS h3, hash(i * 8 + 4) AS h4,
           hash(i * 8 + 5) AS h5
    FROM range($rows) t(i)
), r AS (
    SELECT i, h1 % $papers AS paper_seq, (h2 % 10000) / 100.0 AS value,
           CASE WHEN h3 % 100 < 85 THEN 'absolute' WHEN h3 % 100 < 97 THEN 'delta' ELSE 'range' END AS kind,
           CAST(floor(pow((h4 % 1000000) / 1e6, 3) * $methods) AS INTEGER) AS m,
           CASE WHEN h5 % 10 = 0 THEN NULL
                ELSE CAST(floor(pow(((h5 >> 8) % 1000000) / 1e6, 2) * $benchmarks) AS INTEGER) END AS b,
           (h5 >> 40) % 10 AS metric_jitter
    FROM g
)
SELECT paper_seq, 'q' || lpad(paper_seq::VARCHAR, 8, '0') AS paper_id, value, value::VARCHAR || '%' AS value_text,
       kind, 'Method-' || m AS method, 'method-' || m AS method_norm, m % 3 = 0 AS is_own_method,
       'Bench-' || b AS benchmark, 'Bench-' || b AS benchmark_raw, b IS NOT NULL AS benchmark_known,
       CASE WHEN i % 7 = 0 THEN 'test' END AS subset,
       metrics[1 + CAST((hash(b) + CASE WHEN metric_jitter = 0 THEN i ELSE 0 END) % $n_metrics AS INTEGER)] AS metric,
       '%' AS unit, 'synthetic evidence sentence: we reach ' || value::VARCHAR || '% on Bench-' || b AS evidence,
       0 AS sentence_start, 30 AS value_start, 35 AS value_end, 0.5 AS confidence, 'synthetic/1' AS extractor,
       'abstract' AS source, 'Synthetic paper ' || paper_seq AS title, md5(i::VARCHAR)[:16] AS result_id,
       0 AS ordinal
FROM r, (SELECT $metric_names AS metrics)
"""

DIRECTION_SQL = "UPDATE extracted SET higher_is_better = metric NOT IN ('FID', 'WER', 'Perplexity')"

QUERIES = {
    "overview counts": """
        SELECT (SELECT count(*) FROM papers) AS papers, (SELECT count(*) FROM results) AS results,
               (SELECT count(DISTINCT benchmark) FROM results) AS benchmarks,
               (SELECT count(DISTINCT coalesce(method_norm, method)) FROM results) AS methods""",
    "benchmark summary": "SELECT * FROM benchmark_summary ORDER BY results DESC, benchmark, metric LIMIT 200",
    "leaderboard (one benchmark)": """
        SELECT * FROM leaderboard WHERE benchmark = $benchmark AND metric = $metric ORDER BY position LIMIT 200""",
    "results of one paper": "SELECT * FROM results WHERE paper_id = $paper ORDER BY value_start",
    "SOTA over time": """
        WITH r AS (
            SELECT p.published, r.method, r.value, r.higher_is_better
            FROM results r JOIN papers p USING (paper_id)
            WHERE r.benchmark = $benchmark AND r.metric = $metric AND r.kind = 'absolute'
              AND p.published IS NOT NULL
        ), best AS (
            SELECT published, method, value,
                   CASE WHEN higher_is_better THEN max(value) OVER w ELSE min(value) OVER w END AS best
            FROM r WINDOW w AS (ORDER BY published ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
        )
        SELECT * FROM best WHERE value = best ORDER BY published""",
    "results listing (first page)": """
        SELECT benchmark, metric, method, value, unit, kind, title, evidence FROM results
        ORDER BY benchmark NULLS LAST, metric, value DESC LIMIT 1000""",
}


@dataclass(slots=True)
class QueryTime:
    """Timings of one query in milliseconds: the first run on a fresh connection, then the median and the
    largest of the repeats, and the median CPU time of this process (DuckDB's threads included): on a busy
    machine wall time grows with the other load, CPU time much less."""

    name: str
    first_ms: float
    median_ms: float
    max_ms: float
    cpu_ms: float
    rows: int


def make_results_db(path: Path, rows: int, papers: int | None = None) -> float:
    """Create (or reuse) a database with `rows` synthetic results over `papers` papers (default: as many as
    results); returns the seconds its finalize (finalize.sql, views.sql, checkpoint) took."""
    if path.is_file():
        return 0.0
    papers = max(papers or rows, 1)
    params = {"papers": papers, "rows": rows, "methods": METHODS, "benchmarks": BENCHMARKS}
    with BuildWriter(path) as writer:
        con = writer.con
        assert con is not None
        con.execute(PAPERS_SQL, {"papers": papers})
        con.execute(RESULTS_SQL, {**params, "n_metrics": len(METRICS), "metric_names": [m for m, _ in METRICS]})
        con.execute(DIRECTION_SQL)
        started = time.perf_counter()
        writer.commit({"version": "bench", "extractor": "synthetic/1", "sources": "synthetic"})
        return time.perf_counter() - started


def _params(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Parameters that make each query do the most work: the most-reported benchmark and metric, a paper."""
    benchmark, metric = con.execute(
        "SELECT benchmark, metric FROM benchmark_summary ORDER BY results DESC, benchmark, metric LIMIT 1"
    ).fetchone()
    subset, unit, method = con.execute(
        "SELECT coalesce(subset, ''), coalesce(unit, ''), method FROM leaderboard "
        "WHERE benchmark = $b AND metric = $m ORDER BY position LIMIT 1",
        {"b": benchmark, "m": metric},
    ).fetchone()
    paper = con.execute("SELECT paper_id FROM results ORDER BY result_id LIMIT 1").fetchone()[0]
    return {
        "benchmark": benchmark, "metric": metric, "subset": subset, "unit": unit, "method": method,
        "paper": paper, "limit": 200, "q": "bench", "query": "bench", "min_papers": 2,
    }  # fmt: skip


def _app_queries() -> dict[str, str]:
    """The dashboard's own SQL files (src/leaderboard/app/sql/*.sql), when the package has them."""
    folder = Path(__file__).resolve().parents[1] / "src" / "leaderboard" / "app" / "sql"
    return {f"app: {p.stem}": p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.sql"))}


def _saved_queries(params: dict[str, object]) -> dict[str, tuple[str, dict[str, object]]]:
    """The project's saved queries (queries/*.sql): our parameter values where they have one, else defaults."""
    from leaderboard.queries import bind_params, list_saved_queries

    out = {}
    for q in list_saved_queries():
        given = {k: str(v) for k, v in params.items() if k in used_params(q.sql)}
        try:
            out[f"saved: {q.name}"] = (q.sql, bind_params(q, given))
        except Exception:  # noqa: BLE001 - a saved query that needs a value we cannot guess is left out
            continue
    return out


def time_queries(path: Path, repeats: int = 5) -> list[QueryTime]:
    """Each dashboard query on a fresh read-only connection (as the dashboard opens it), then repeated."""
    timings = []
    with duckdb.connect(str(path), read_only=True) as con:
        params = _params(con)
    todo = {name: (sql, params) for name, sql in (QUERIES | _app_queries()).items()} | _saved_queries(params)
    for name, (sql, given) in todo.items():
        needed = used_params(sql)
        if any(k not in given for k in needed):
            continue  # a parameter we cannot choose a value for
        used = {k: given[k] for k in needed}
        with duckdb.connect(str(path), read_only=True) as con:
            runs, cpu = [], []
            for _ in range(repeats + 1):
                started, cpu_started = time.perf_counter(), time.process_time()
                df = con.execute(sql, used).df()
                runs.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - cpu_started) * 1000)
        median = statistics.median
        timings.append(QueryTime(name, runs[0], median(runs[1:]), max(runs[1:]), median(cpu[1:]), len(df)))
    return timings


def print_query_table(timings: list[QueryTime], rows: int, finalize_s: float, out=sys.stdout) -> None:
    print(f"\ndashboard queries on {rows:,} results (finalize + views: {finalize_s:.1f}s)", file=out)
    print(f"{'query':34} {'first ms':>9} {'median ms':>10} {'max ms':>8} {'CPU ms':>7} {'rows':>7}", file=out)
    for t in timings:
        print(
            f"{t.name:34} {t.first_ms:9.1f} {t.median_ms:10.1f} {t.max_ms:8.1f} {t.cpu_ms:7.1f} {t.rows:7d}",
            file=out,
        )
    print(f"(load average before: {os.getloadavg()[0]:.1f})", file=out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--papers", type=int, default=None, help="Papers the results spread over (default: --rows).")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "out")
    ap.add_argument("--fresh", action="store_true", help="Rebuild the database even if it exists.")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    path = args.out / f"queries-{args.rows}.duckdb"
    if args.fresh:
        path.unlink(missing_ok=True)
    finalize_s = make_results_db(path, args.rows, args.papers)
    print_query_table(time_queries(path), args.rows, finalize_s)


if __name__ == "__main__":
    main()
