"""Finalizing a build at scale: papers_raw becomes `papers` in place (duplicates out, load order kept), results
are stored by benchmark, the summaries are tables and one paper's rows are found through an index."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb

from leaderboard.models import Paper
from leaderboard.pipeline import BuildOptions, build
from leaderboard.store.arrow import papers_table
from leaderboard.store.db import BuildWriter

ABSTRACT = "Our method reaches 91.5% accuracy on ImageNet and 2.20 FID on CIFAR-10."


def record(paper_id: str, title: str, abstract: str = ABSTRACT) -> str:
    return json.dumps({"id": paper_id, "title": title, "abstract": abstract})


def test_duplicates_keep_the_later_record_and_load_order(tmp_path: Path) -> None:
    src = tmp_path / "papers.jsonl"
    src.write_text(
        "\n".join([record("A", "First A"), record("B", "Only B"), record("C", "Only C"), record("A", "Second A")])
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "db.duckdb"
    summary = build(BuildOptions([src], db, workers=1, progress=False))
    assert (summary.papers, summary.rejected) == (3, 1)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT paper_id, title, source_line FROM papers").fetchall() == [
            ("B", "Only B", 2),
            ("C", "Only C", 3),
            ("A", "Second A", 4),
        ]
        assert [c[0] for c in con.execute("DESCRIBE papers").fetchall()] == [
            "paper_id", "title", "abstract", "published", "url", "authors", "categories", "source_file",
            "source_line",
        ]  # fmt: skip
        assert con.execute("SELECT line, stage FROM rejected").fetchall() == [(1, "dedup")]
        titles = {t for (t,) in con.execute("SELECT DISTINCT title FROM results").fetchall()}
        assert "First A" not in titles and "Second A" in titles
        tables = dict(con.execute("SELECT table_name, table_type FROM information_schema.tables").fetchall())
        assert tables["benchmark_summary"] == "BASE TABLE" and tables["leaderboard"] == "BASE TABLE"
        assert {n for (n,) in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()} == {
            "papers_paper_id",
            "results_paper_id",
        }


def test_results_are_stored_by_benchmark_then_metric(seed_db: Path) -> None:
    with duckdb.connect(str(seed_db), read_only=True) as con:
        stored = con.execute("SELECT benchmark, metric FROM results").fetchall()
    assert len(stored) > 10
    key = [(b is None, b or "", m is None, m or "") for b, m in stored]
    assert key == sorted(key)


def test_bare_percentages_share_a_leaderboard_with_written_ones(tmp_path: Path) -> None:
    """ "an accuracy of 92.0" and "93.1% accuracy" are one leaderboard; a fraction and a bare FID keep no unit."""
    src = tmp_path / "papers.jsonl"
    src.write_text(
        "\n".join(
            [
                record("p1", "Alpha", "AlphaNet achieves an accuracy of 92.0 on CIFAR-10."),
                record("p2", "Beta", "BetaNet reaches 93.1% accuracy on CIFAR-10."),
                record("p3", "Gamma", "GammaNet obtains an accuracy of 0.91 on CIFAR-10 and an FID of 2.20 on CelebA."),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "db.duckdb"
    build(BuildOptions([src], db, workers=1, progress=False))
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT benchmark, metric, unit, value, value_text, position FROM leaderboard ORDER BY ALL"
        ).fetchall()
    assert rows == [
        ("CIFAR-10", "Accuracy", "%", 92.0, "92.0", 2),
        ("CIFAR-10", "Accuracy", "%", 93.1, "93.1%", 1),
        ("CIFAR-10", "Accuracy", None, 0.91, "0.91", 1),
        ("CelebA", "FID", None, 2.2, "2.20", 1),
    ]


def test_a_record_with_an_abstract_wins_over_a_later_one_without(tmp_path: Path) -> None:
    from leaderboard.models import Paper
    from leaderboard.store.arrow import papers_table
    from leaderboard.store.db import BuildWriter

    papers = [
        Paper("X", "X with abstract", "Text of X.", source_file="a.jsonl", source_line=1),
        Paper("Y", "Y first", "Text of Y.", source_file="a.jsonl", source_line=2),
        Paper("X", "X without abstract", "", source_file="b.csv", source_line=3),
        Paper("Y", "Y second", "Newer text of Y.", source_file="b.csv", source_line=4),
        Paper("Z", "Z only, empty abstract", "", source_file="b.csv", source_line=5),
    ]
    db = tmp_path / "w.duckdb"
    with BuildWriter(db) as writer:
        writer.add_tables(papers_table(papers), None, None)
        counts = writer.commit({})
    assert (counts["papers"], counts["rejected"]) == (3, 1)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT paper_id, title FROM papers").fetchall() == [
            ("X", "X with abstract"),
            ("Y", "Y second"),
            ("Z", "Z only, empty abstract"),
        ]
        assert con.execute("SELECT line, reason, raw FROM rejected").fetchall() == [
            (2, "superseded by a later record with the same id Y (b.csv:4)", "Y first")
        ]
        assert "has_abstract" not in [c[0] for c in con.execute("DESCRIBE papers").fetchall()]


def test_the_load_is_one_transaction_and_abstracts_are_stored_with_zstd(tmp_path: Path) -> None:
    """Rows of many INSERTs gather in one transaction until commit (DuckDB writes full row groups straight into
    the file instead of through the WAL); the abstracts column is compressed with zstd."""
    papers = [
        Paper(f"p{i}", f"Title {i}", f"Abstract {i} " * 40, source_file="a.jsonl", source_line=i) for i in range(9)
    ]
    db = tmp_path / "t.duckdb"
    with BuildWriter(db) as writer:
        assert writer.con is not None
        for i in range(0, 9, 3):
            writer.add_tables(papers_table(papers[i : i + 3]), None, None)
            writer.flush()
        assert writer.con.execute("SELECT count(*) FROM papers_raw").fetchone() == (9,)
        writer.con.execute("ROLLBACK")  # every INSERT so far was part of the open transaction
        assert writer.con.execute("SELECT count(*) FROM papers_raw").fetchone() == (0,)
        writer.con.execute("BEGIN TRANSACTION")
        writer.add_tables(papers_table(papers), None, None)
        counts = writer.commit({})
    assert counts["papers"] == 9
    with duckdb.connect(str(db), read_only=True) as con:
        compression = con.execute(
            "SELECT DISTINCT compression FROM pragma_storage_info('papers') WHERE column_name = 'abstract' "
            "AND segment_type = 'VARCHAR'"
        ).fetchall()
        assert compression == [("ZSTD",)]
        assert con.execute("SELECT abstract FROM papers WHERE paper_id = 'p4'").fetchone() == ("Abstract 4 " * 40,)
