"""`query` and `export` as a user meets them: clear errors for empty SQL, mistyped names and write attempts;
export formats from the file extension; saved queries shipped with the package plus ./queries."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from leaderboard.cli import INPUT_FORMATS
from leaderboard.sources import FORMATS
from tests.helpers import run_cli


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("", "error: empty query: give SQL, a .sql file or a saved query's name (see `leaderboard queries`)"),
        ("   ", "error: empty query: give SQL, a .sql file or a saved query's name (see `leaderboard queries`)"),
        ("sotaa", "error: no saved query named 'sotaa'; did you mean 'sota'?"),
        ("paper_result", "error: no saved query named 'paper_result'; did you mean 'paper_results'?"),
        ("zzzzqqq", "error: no saved query named 'zzzzqqq' (see `leaderboard queries`)"),
        ("DELETE FROM results", "error: the database is read-only here (DELETE statements cannot change it)"),
        ("DROP TABLE results", "error: the database is read-only here (DROP statements cannot change it)"),
        ("DROP VIEW comparable_results", "error: the database is read-only here (DROP statements cannot change it)"),
        ("INSERT INTO papers (paper_id) VALUES ('x')", "error: the database is read-only here (INSERT statements"),
        ("UPDATE results SET value = 0", "error: the database is read-only here (UPDATE statements cannot"),
        ("CREATE TABLE t AS SELECT 1", "error: the database is read-only here (CREATE statements cannot"),
        ("SELECT 1; DELETE FROM results", "error: the database is read-only here (DELETE statements cannot"),
        ("SELEC 1", 'error: SQL error: Parser Error: syntax error at or near "SELEC"'),
    ],
)
def test_query_errors_are_one_clear_line(seed_db: Path, sql: str, message: str) -> None:
    out = run_cli("query", sql, "--db", str(seed_db))
    assert out.returncode == 2, out.stderr
    assert out.stderr.splitlines()[0].startswith(message), out.stderr
    assert len(out.stderr.splitlines()) == 1
    assert "internal error" not in out.stderr


def test_information_schema_lists_each_table_once(seed_db: Path) -> None:
    sql = "SELECT table_name, count(*) AS n FROM information_schema.tables GROUP BY table_name ORDER BY table_name"
    out = run_cli("query", sql, "--db", str(seed_db), "--format", "json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    names = [r["table_name"] for r in rows]
    assert {"results", "papers", "rejected", "leaderboard"} <= set(names)
    assert {r["n"] for r in rows} == {1}
    with duckdb.connect(str(seed_db), read_only=True) as con:
        assert len(names) == con.execute("SELECT count(*) FROM information_schema.tables").fetchone()[0]


def test_a_single_word_statement_still_runs(seed_db: Path) -> None:
    out = run_cli("query", "checkpoint", "--db", str(seed_db))
    assert out.returncode == 0, out.stderr


@pytest.mark.parametrize("suffix", [".json", ".parquet", ".csv"])
def test_export_takes_the_format_from_the_extension(seed_db: Path, tmp_path: Path, suffix: str) -> None:
    target = tmp_path / f"results{suffix}"
    out = run_cli("export", "--db", str(seed_db), "--out", str(target))
    assert out.returncode == 0, out.stderr
    with duckdb.connect(str(seed_db), read_only=True) as con:
        n = con.execute("SELECT count(*) FROM results").fetchone()[0]
    assert out.stderr.strip() == f"wrote {n:,} rows to {target} ({suffix[1:]})"
    if suffix == ".json":
        rows = json.loads(target.read_text(encoding="utf-8"))
        assert len(rows) == n and "result_id" in rows[0]
    elif suffix == ".parquet":
        table = pq.read_table(target)
        assert table.num_rows == n and "result_id" in table.column_names
    else:
        lines = target.read_text(encoding="utf-8").splitlines()
        assert lines[0].startswith("paper_id,value,value_text,")


def test_export_refuses_an_unknown_extension_and_parquet_on_stdout(seed_db: Path, tmp_path: Path) -> None:
    out = run_cli("export", "--db", str(seed_db), "--out", str(tmp_path / "x.txt"))
    assert (out.returncode, out.stderr.strip()) == (
        2,
        f"error: {tmp_path / 'x.txt'}: cannot tell the format from the extension (use .csv, .json, .parquet, "
        "or --format)",
    )
    out = run_cli("export", "--db", str(seed_db), "--format", "parquet")
    assert (out.returncode, out.stderr.strip()) == (2, "error: Parquet is written to a file: give --out FILE.parquet")
    out = run_cli("export", "--db", str(seed_db), "--out", str(tmp_path / "x.txt"), "--format", "json")
    assert out.returncode == 0 and json.loads((tmp_path / "x.txt").read_text())


def test_build_help_lists_the_formats() -> None:
    assert INPUT_FORMATS == FORMATS
    out = run_cli("build", "--help")
    assert "[listing|jsonl|arxiv|json|csv|pwc|results-csv|latex]" in out.stdout


def test_saved_queries_are_shipped_and_a_local_folder_adds_to_them(seed_db: Path, tmp_path: Path) -> None:
    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "my_count.sql").write_text(
        "-- title: How many results\nSELECT count(*) AS n FROM results\n"
    )
    out = run_cli("queries", cwd=tmp_path)
    names = [line.split()[0] for line in out.stdout.splitlines()]
    assert {"sota", "benchmark_leaderboard", "conflicts", "my_count"} <= set(names)
    assert names == sorted(names)
    out = run_cli("query", "my_count", "--db", str(seed_db), "--format", "json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)[0]["n"] > 0
    out = run_cli("query", "sota", "--db", str(seed_db), "--format", "csv", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0].startswith("benchmark,")
