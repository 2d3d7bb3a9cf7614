"""The first end-to-end promise: `build` on the shipped seed gives 72 papers and real, traceable results."""

from __future__ import annotations

from pathlib import Path

import duckdb

from leaderboard.queries import bind_params, list_saved_queries, run_query
from leaderboard.sources import read_sources
from tests.helpers import ROOT, SEEDS


def test_seed_listing_reads_72_papers_and_no_header_lines() -> None:
    items = list(read_sources([SEEDS]))
    titles = [p.title for p in items]
    assert len(items) == 72
    assert titles[0] == "Score-Based Generative Modeling through Stochastic Differential Equations"
    assert titles[-1] == "Self-Supervised Contrastive Learning for Robust Audio-Sheet Music Retrieval Systems"
    assert "Subscribe" not in titles and "new" not in titles
    assert items[0].abstract.startswith("Creating noise from data is easy;")
    assert items[0].source_line == 11
    assert len({p.paper_id for p in items}) == 72


def test_build_gives_papers_and_cifar10_results(seed_db: Path) -> None:
    with duckdb.connect(str(seed_db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM papers").fetchone()[0] == 72
        assert con.execute("SELECT count(*) FROM rejected").fetchone()[0] == 0
        rows = con.execute(
            "SELECT metric, value, value_text FROM results WHERE benchmark = 'CIFAR-10' AND metric IN "
            "('FID', 'Inception Score') ORDER BY metric"
        ).fetchall()
        assert rows == [("FID", 2.2, "2.20"), ("Inception Score", 9.89, "9.89")]
        fid = con.execute("SELECT higher_is_better FROM results WHERE metric = 'FID'").fetchone()[0]
        assert fid is False


def test_every_result_points_at_its_text(seed_db: Path) -> None:
    with duckdb.connect(str(seed_db), read_only=True) as con:
        rows = con.execute(
            "SELECT p.abstract, r.value_text, r.value_start, r.value_end, r.evidence, r.sentence_start, r.result_id "
            "FROM results r JOIN papers p USING (paper_id)"
        ).fetchall()
    assert rows
    for abstract, text, start, end, evidence, s_start, rid in rows:
        assert abstract[start:end] == text
        assert abstract[s_start : s_start + len(evidence)] == evidence
        assert s_start <= start and end <= s_start + len(evidence)
        assert len(rid) == 16
    assert len({r[-1] for r in rows}) == len(rows)


def test_every_saved_query_runs_with_its_defaults(seed_db: Path) -> None:
    saved = list_saved_queries(ROOT / "src" / "leaderboard" / "saved_queries")
    assert len(saved) >= 5
    with duckdb.connect(str(seed_db), read_only=True) as con:
        for q in saved:
            assert q.title, q.name
            df = run_query(con, q.sql, bind_params(q, {}))
            assert len(df.columns) > 0, q.name
        coverage = run_query(con, (ROOT / "src" / "leaderboard" / "saved_queries" / "coverage.sql").read_text())
    assert coverage["papers"][0] == 72


def test_build_info_records_counts(seed_db: Path, tmp_path: Path) -> None:
    with duckdb.connect(str(seed_db), read_only=True) as con:
        info = dict(con.execute("SELECT key, value FROM build_info").fetchall())
    assert info["count_papers"] == "72"
    assert info["extractor"].startswith("rules/")
    assert not list(Path(seed_db).parent.glob("*.tmp-*"))
