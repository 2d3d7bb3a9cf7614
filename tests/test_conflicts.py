"""Cross-source merge: extracted and imported numbers side by side, and the `conflicts` view."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from leaderboard.pipeline import BuildOptions, build
from tests.helpers import run_cli

PWC = Path(__file__).parent / "data" / "pwc"

PAPERS = [
    {
        "id": "2101.00001",
        "title": "TinaFace: Strong but Simple Baseline for Face Detection",
        "abstract": "We present TinaFace, a simple detector. Our method reaches an accuracy of 92.0% on CIFAR-10 and "
        "an EM of 85.1 on SQuAD1.1.",
    },
    {
        "id": "2102.00002",
        "title": "GlowNet: Flows for Images",
        "abstract": "We propose GlowNet. Our method achieves an FID of 2.20 on CIFAR-10 and an accuracy of 92.4% on "
        "ImageNet.",
    },
]
# TinaFace/CIFAR-10/Accuracy disagrees (92.0% vs 92.4); the other three agree at the precision written
# (85.1 vs 85.14, 2.20 vs 2.2) or once the fraction is read as a percentage (92.4% vs 0.924).
RESULTS_CSV = """\
paper_id,method,benchmark,metric,value
2101.00001,TinaFace,CIFAR-10,Accuracy,92.4
2101.00001,TinaFace,SQuAD v1.1,Exact Match,85.14
,GlowNet,CIFAR-10,FID,2.2
,GlowNet,ImageNet-1k,Accuracy,0.924
"""


@pytest.fixture(scope="module")
def merged_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("merge")
    (folder / "papers.jsonl").write_text("\n".join(json.dumps(p) for p in PAPERS) + "\n", encoding="utf-8")
    (folder / "curated.csv").write_text(RESULTS_CSV, encoding="utf-8")
    db = folder / "merged.duckdb"
    build(BuildOptions(sources=[folder / "papers.jsonl", folder / "curated.csv"], db=db, progress=False, workers=1))
    return db


def test_sources_side_by_side(merged_db: Path) -> None:
    with duckdb.connect(str(merged_db), read_only=True) as con:
        rows = con.execute(
            "SELECT source, method, benchmark, metric, value FROM results ORDER BY method, benchmark, metric, source"
        ).fetchall()
    assert rows == [
        ("abstract", "GlowNet", "CIFAR-10", "FID", 2.2),
        ("csv:curated.csv", "GlowNet", "CIFAR-10", "FID", 2.2),
        ("abstract", "GlowNet", "ImageNet", "Accuracy", 92.4),
        ("csv:curated.csv", "GlowNet", "ImageNet", "Accuracy", 0.924),
        ("abstract", "TinaFace", "CIFAR-10", "Accuracy", 92.0),
        ("csv:curated.csv", "TinaFace", "CIFAR-10", "Accuracy", 92.4),
        ("abstract", "TinaFace", "SQuAD1.1", "Exact Match", 85.1),
        ("csv:curated.csv", "TinaFace", "SQuAD1.1", "Exact Match", 85.14),
    ]


def test_conflicts_lists_only_the_planted_disagreement(merged_db: Path) -> None:
    with duckdb.connect(str(merged_db), read_only=True) as con:
        cols = [d[0] for d in con.execute("SELECT * FROM conflicts").description]
        rows = con.execute(
            "SELECT method, benchmark, subset, metric, unit, n_sources, n_papers, n_values, min_value, max_value, "
            "round(spread, 6), sources FROM conflicts"
        ).fetchall()
        ids = con.execute("SELECT result_ids FROM conflicts").fetchone()[0].split(",")
        members = con.execute("SELECT source, value_text FROM conflict_rows ORDER BY value_cmp").fetchall()
        member_ids = [r[0] for r in con.execute("SELECT result_id FROM conflict_rows ORDER BY value_cmp").fetchall()]
    assert cols == [
        "conflict_id", "method", "method_norm", "benchmark", "subset", "metric", "unit", "higher_is_better",
        "n_sources", "n_papers", "n_results", "n_values", "min_value", "max_value", "spread", "sources", "result_ids",
    ]  # fmt: skip
    assert rows == [
        ("TinaFace", "CIFAR-10", None, "Accuracy", "%", 2, 1, 2, 92.0, 92.4, 0.4, "abstract, csv:curated.csv")
    ]
    assert members == [("abstract", "92.0%"), ("csv:curated.csv", "92.4")]
    assert ids == member_ids


def _conflicts_of(tmp_path: Path, values: list[str], metric: str = "Accuracy") -> list[tuple]:
    """Build from one CSV per value (each its own source) and return (min, max) of every conflict."""
    for n, value in enumerate(values):
        (tmp_path / f"s{n}.csv").write_text(f"method,benchmark,metric,value\nM,CIFAR-10,{metric},{value}\n")
    db = tmp_path / "c.duckdb"
    build(BuildOptions(sources=[tmp_path], db=db, progress=False, workers=1))
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT min_value, max_value FROM conflicts").fetchall()


@pytest.mark.parametrize(
    ("values", "metric", "expected"),
    [
        (["92.0", "92.04"], "Accuracy", []),
        (["92.0", "92.4"], "Accuracy", [(92.0, 92.4)]),
        (["92", "92.4"], "Accuracy", []),  # "92" is 91.5..92.5
        (["0.924", "92.4%"], "Accuracy", []),
        (["0.924", "92.5%"], "Accuracy", [(92.4, 92.5)]),
        (["0.5", "0.5%"], "WER", []),  # no value above 1: fractions stay as written
        (["2.20", "2.2", "2.21"], "FID", [(2.2, 2.21)]),
        (["24M", "24.3M"], "Parameters", []),  # "24M" is 23.5M..24.5M
    ],
)
def test_precision_rule(tmp_path: Path, values: list[str], metric: str, expected: list[tuple]) -> None:
    got = _conflicts_of(tmp_path, values, metric)
    assert [(pytest.approx(a), pytest.approx(b)) for a, b in expected] == got


def test_repeated_submissions_in_one_file_are_not_conflicts(tmp_path: Path) -> None:
    db = tmp_path / "squad.duckdb"
    build(BuildOptions(sources=[PWC / "squad.json"], db=db, progress=False, workers=1))
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT method, metric, n_papers FROM conflicts ORDER BY metric, method").fetchall()
    # FPNet (ensemble) was submitted twice without a paper: one reporter. BERT (single model) was submitted
    # with and without its paper: two reporters, two values.
    assert ("FPNet (ensemble)", "Exact Match", 2) not in rows
    assert ("BERT (single model)", "Exact Match", 2) in rows


def test_cli_build_and_leaderboard_on_imported_squad(tmp_path: Path) -> None:
    db = tmp_path / "cli.duckdb"
    built = run_cli("build", str(PWC / "squad.json"), "--db", str(db), "--quiet")
    assert built.returncode == 0, built.stderr
    out = built.stdout
    assert "902 results" in out
    sql = "select * from leaderboard where benchmark ilike 'squad%' limit 5"
    rows = json.loads(run_cli("query", sql, "--db", str(db), "--format", "json").stdout)
    assert len(rows) == 5 and all(r["higher_is_better"] is True for r in rows)
    with duckdb.connect(str(db), read_only=True) as con:
        top = con.execute(
            "SELECT benchmark, metric, method, value FROM leaderboard WHERE position = 1 ORDER BY benchmark, metric"
        ).fetchall()
        best = con.execute(
            "SELECT benchmark, metric, max(value) FROM results GROUP BY ALL ORDER BY benchmark, metric"
        ).fetchall()
    assert [(b, m, v) for b, m, _, v in top] == best
    assert top[0] == ("SQuAD1.1", "Exact Match", "LUKE (single model)", 90.202)
