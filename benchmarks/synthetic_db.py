"""A synthetic leaderboard database of any size, built through the real store (schema, finalize, views).

Papers come in date order; each introduces its own method (newer methods are stronger, so the state of the art
improves over time) and compares it with older baselines on two benchmarks. Every row has a real abstract with
correct offsets, so the Paper page can highlight it. Deterministic: hash-based noise, no random state.

    python benchmarks/synthetic_db.py /tmp/big.duckdb --results 1000000
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from leaderboard.store.db import BuildWriter

# benchmark, metric, higher_is_better, unit
BENCHMARKS: list[tuple[str, str, bool, str | None]] = [
    ("CIFAR-10", "Accuracy", True, "%"),
    ("CIFAR-10", "FID", False, None),
    ("ImageNet", "Top-1 Accuracy", True, "%"),
    ("COCO", "box AP", True, None),
    ("MMLU", "Accuracy", True, "%"),
    ("GSM8K", "Accuracy", True, "%"),
    ("MATH", "Accuracy", True, "%"),
    ("HumanEval", "pass@1", True, "%"),
    ("SQuAD", "F1", True, None),
    ("WMT14 En-De", "BLEU", True, None),
    ("LibriSpeech", "WER", False, "%"),
    ("RewardBench", "Accuracy", True, "%"),
    ("MT-Bench", "Score", True, None),
    ("ADE20K", "mIoU", True, "%"),
    ("Kinetics-400", "Top-1 Accuracy", True, "%"),
    ("CelebA-HQ", "FID", False, None),
]
FAMILIES = ["ResNet", "ViT", "Mamba", "DiT", "Transformer", "BERT", "Swin", "ConvNeXt", "LLaMA", "T5"]


def _values_sql(rows: list[tuple]) -> str:
    def lit(v: object) -> str:
        if v is None:
            return "NULL"
        if isinstance(v, bool):
            return "TRUE" if v else "FALSE"
        if isinstance(v, int | float):
            return repr(v)
        return "'" + str(v).replace("'", "''") + "'"

    return ", ".join("(" + ", ".join(lit(v) for v in row) + ")" for row in rows)


def make_synthetic_db(path: Path, n_results: int = 1000, per_paper: int = 8, methods_per_paper: float = 0.25) -> dict:
    """Write a database of about `n_results` results to `path` (replacing it); returns the table counts."""
    n_papers = max(2, n_results // per_paper)
    n_methods = max(4, int(n_papers * methods_per_paper))
    bench_rows = [(i, b, m, hib, u) for i, (b, m, hib, u) in enumerate(BENCHMARKS)]
    fam_rows = [(i, f) for i, f in enumerate(FAMILIES)]
    with BuildWriter(Path(path)) as w:
        con = w.con
        assert con is not None
        con.execute(
            f"CREATE TEMP TABLE bench(id INT, benchmark VARCHAR, metric VARCHAR, hib BOOL, unit VARCHAR); "
            f"INSERT INTO bench VALUES {_values_sql(bench_rows)}"
        )
        con.execute(f"CREATE TEMP TABLE fam(id INT, name VARCHAR); INSERT INTO fam VALUES {_values_sql(fam_rows)}")
        params = {"np": n_papers, "nm": n_methods, "k": per_paper, "nb": len(BENCHMARKS), "nf": len(FAMILIES)}
        con.execute(_ROWS_SQL, params)
        con.execute(_PAPERS_SQL)
        con.execute(_RESULTS_SQL)
        counts = w.commit({"extractor": "synthetic/1", "sources": f"synthetic:{n_results}"})
    return counts


# One row per result: paper p, slot j; slot 0/1 are the paper's own method on its two benchmarks.
_ROWS_SQL = """
CREATE TEMP TABLE syn AS
WITH p AS (
    SELECT range AS p, DATE '2012-01-01' + CAST(range * 5000 // $np AS INTEGER) AS published,
           CAST(range * $nm // $np AS BIGINT) AS own
    FROM range($np)
), rows AS (
    SELECT p.p, p.published, j,
           CASE WHEN j < 2 THEN own
                WHEN own = 0 THEN 1 + hash(p.p, j, 'b') % least(3, $nm - 1)  -- the first paper: contemporaries
                ELSE own - 1 - hash(p.p, j, 'b') % least(40, own) END AS m,  -- older methods as baselines
           (hash(p.p, CASE WHEN j % 2 = 0 THEN 'x' ELSE 'y' END) % $nb)::INT AS b
    FROM p, range($k) t(j)
)
SELECT r.*, b.benchmark, b.metric, b.hib, b.unit,
       f.name || '-' || CAST(r.m AS VARCHAR) AS method,
       -- skill rises with the method's index; noise per paper and slot
       3.0 * r.m / $nm + ((hash(r.m, 's') % 1000) / 1000.0 - 0.5)
           + ((hash(r.p, r.j, 'n') % 1000) / 1000.0 - 0.5) * 0.4 AS skill
FROM rows r JOIN bench b ON b.id = r.b JOIN fam f ON f.id = hash(r.m, 'f') % $nf
"""

_PAPERS_SQL = """
CREATE TEMP TABLE syn2 AS
SELECT *,
       CASE WHEN hib THEN round(40 + 55 / (1 + exp(-skill + 1.5)), 1) ELSE round(40 * exp(-skill), 2) END AS value
FROM syn;
CREATE TEMP TABLE syn3 AS
SELECT *, CAST(value AS VARCHAR) || coalesce(unit, '') AS value_text,
       method || ' reaches ' || CAST(value AS VARCHAR) || coalesce(unit, '') || ' ' || metric || ' on ' || benchmark
           || '. ' AS sentence
FROM syn2;
CREATE TEMP TABLE syn4 AS
SELECT *, coalesce(sum(length(sentence)) OVER (PARTITION BY p ORDER BY j ROWS BETWEEN UNBOUNDED PRECEDING
                                                                  AND 1 PRECEDING), 0)::INT AS sentence_start
FROM syn3;
INSERT INTO papers_raw (seq, paper_id, title, abstract, published, url, source_file, source_line, has_abstract)
SELECT p, 'syn-' || CAST(p AS VARCHAR), 'Synthetic paper ' || CAST(p AS VARCHAR) || ': ' || any_value(method)
           FILTER (WHERE j = 0) || ' for ' || any_value(benchmark) FILTER (WHERE j = 0),
       string_agg(sentence, '' ORDER BY j), any_value(published),
       'https://example.org/paper/' || CAST(p AS VARCHAR), 'synthetic', p + 1, TRUE
FROM syn4 GROUP BY p
"""

_RESULTS_SQL = """
INSERT INTO extracted (paper_seq, paper_id, value, value_text, kind, method, method_norm, is_own_method, benchmark,
    benchmark_raw, benchmark_known, metric, metric_raw, unit, higher_is_better, evidence, sentence_start,
    value_start, value_end, benchmark_start, benchmark_end, metric_start, metric_end, confidence, extractor, source,
    title, result_id, ordinal)
SELECT s.p, 'syn-' || CAST(s.p AS VARCHAR), value, value_text, 'absolute', method, lower(method), j < 2, benchmark,
       benchmark, TRUE, metric, metric, unit, hib, trim(sentence), sentence_start,
       sentence_start + length(method) + 9, sentence_start + length(method) + 9 + length(value_text),
       sentence_start + length(sentence) - 2 - length(benchmark), sentence_start + length(sentence) - 2,
       sentence_start + length(method) + 10 + length(value_text),
       sentence_start + length(method) + 10 + length(value_text) + length(metric),
       0.9, 'synthetic/1', 'abstract', pr.title, md5(CAST(s.p AS VARCHAR) || '-' || CAST(j AS VARCHAR))[:16], 0
FROM syn4 s JOIN papers_raw pr ON pr.seq = s.p
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--results", type=int, default=1_000_000)
    args = parser.parse_args()
    started = time.perf_counter()
    counts = make_synthetic_db(args.db, args.results)
    print(f"built {args.db}: {counts} in {time.perf_counter() - started:.1f}s")


if __name__ == "__main__":
    main()
