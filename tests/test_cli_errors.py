"""Every user error is one line starting with `error:` and exit code 2; internal errors are logged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import SRC, good_record, run_cli, write_jsonl
from tests.test_readers_mixed import write_mixed_csv, write_mixed_jsonl, write_mixed_listing


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A folder with a built database, shared by the error cases (none of which may change it)."""
    folder = tmp_path_factory.mktemp("project")
    write_jsonl(folder / "papers.jsonl", [good_record(i) for i in range(3)])
    assert run_cli("build", "papers.jsonl", "--db", "lb.duckdb", "--quiet", cwd=folder).returncode == 0
    (folder / "garbage.duckdb").write_bytes(b"this is not a database" * 100)
    return folder


CASES = {
    "missing file": (["build", "nope.jsonl", "--db", "new.duckdb"], "error: nope.jsonl: no such file or directory"),
    "unknown format": (
        ["build", "papers.jsonl", "--format", "xml", "--db", "new.duckdb"],
        "error: Invalid value for '--format': 'xml' is not one of 'listing', 'jsonl', 'arxiv'",
    ),
    "bad since": (["build", "papers.jsonl", "--since", "last week"], "error: --since 'last week': expected a date"),
    "bad SQL": (["query", "SELEC 1", "--db", "lb.duckdb"], "error: SQL error: Parser Error: syntax error at or near"),
    "unknown table": (["query", "SELECT * FROM nope", "--db", "lb.duckdb"], "error: SQL error: Catalog Error: Table"),
    "missing DB": (["query", "SELECT 1", "--db", "none.duckdb"], "error: none.duckdb: no database here"),
    "not a DB": (["query", "SELECT 1", "--db", "garbage.duckdb"], "error: garbage.duckdb: cannot open database ("),
    "missing DB folder": (["build", "papers.jsonl", "--db", "no/such/lb.duckdb"], "error: no/such: directory does not"),
    "unknown option": (["build", "--bogus"], "error: No such option '--bogus'."),
    "missing param": (["query", "SELECT $x", "--db", "lb.duckdb"], "error: query 'adhoc' needs a value for $x"),
    "curate unknown id": (["curate", "reject", "nope", "--db", "lb.duckdb"], "error: no result 'nope' in lb.duckdb"),
    "curate no key": (["curate", "reject", "--db", "lb.duckdb"], "error: reject needs a result_id, or a paper_id"),
    "curate bad number": (
        ["curate", "add", "--paper-id", "p00000", "--value", "x", "--benchmark", "B", "--metric", "M"],
        "error: add: value 'x' is not a number",
    ),
    "curate bad field": (["curate", "fix", "r", "--field", "colour", "--value", "1"], "error: Invalid value for"),
}


@pytest.mark.parametrize("case", CASES)
def test_user_errors_are_one_line(project: Path, case: str) -> None:
    args, start = CASES[case]
    proc = run_cli(*args, cwd=project, env={"LB_ERROR_LOG": str(project / "error.log")})
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith(start), lines[0]
    assert proc.stdout == ""
    assert not (project / "error.log").exists()
    assert sorted(p.name for p in project.iterdir()) == ["garbage.duckdb", "lb.duckdb", "papers.jsonl"]


def test_strict_build_fails_in_one_line_and_keeps_the_old_database(tmp_path: Path, cli) -> None:
    project = tmp_path
    write_jsonl(project / "papers.jsonl", [good_record(i) for i in range(3)])
    assert cli("build", "papers.jsonl", "--db", "lb.duckdb", "--quiet").returncode == 0
    write_mixed_jsonl(project / "mixed.jsonl")
    before = (project / "lb.duckdb").read_bytes()
    proc = cli("build", "mixed.jsonl", "--db", "lb.duckdb", "--strict", "--quiet")
    assert proc.returncode == 2
    assert proc.stderr.splitlines() == [
        "error: --strict: 15 rejected (first: mixed.jsonl:2: invalid JSON: Expecting value at column 42); "
        "database left unchanged"
    ]
    assert (project / "lb.duckdb").read_bytes() == before


def test_mixed_sources_build_exits_zero_with_one_summary_line(tmp_path: Path, cli) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_mixed_jsonl(folder / "a.jsonl")
    write_mixed_csv(folder / "b.csv")
    write_mixed_listing(folder / "c.txt")
    proc = cli("build", "in", "--db", "lb.duckdb", "--quiet", "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    # 3 + 3 + 3 papers read; the CSV repeats the JSONL's ids p00000..p00002, so those 3 are superseded
    assert proc.stdout.startswith(
        "built lb.duckdb: 6 papers, 12 results, 31 rejected (28 unreadable, 3 superseded), in "
    ), proc.stdout
    assert len(proc.stdout.splitlines()) == 1
    query = "SELECT stage, source_file, count(*) FROM rejected GROUP BY ALL ORDER BY ALL"
    out = cli("query", query, "--db", "lb.duckdb", "--format", "csv")
    assert out.stdout.splitlines() == [
        "stage,source_file,count_star()",
        "dedup,in/a.jsonl,3",
        "read,in/a.jsonl,15",
        "read,in/b.csv,8",
        "read,in/c.txt,5",
    ]


def test_internal_errors_point_to_the_log(tmp_path: Path) -> None:
    code = (
        "import leaderboard.pipeline as p\n"
        "def boom(opts): raise RuntimeError('boom')\n"
        "p.build = boom\n"
        "import sys; sys.argv = ['leaderboard', 'build', 'x.jsonl']\n"
        "from leaderboard.cli import main; main()\n"
    )
    log = tmp_path / "err.log"
    write_jsonl(tmp_path / "x.jsonl", [good_record(0)])
    env = {**os.environ, "PYTHONPATH": str(SRC), "LB_ERROR_LOG": str(log)}
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"internal error: RuntimeError: boom (a bug: please report it with the traceback in {log})"
    ]
    assert "Traceback (most recent call last)" in log.read_text(encoding="utf-8")
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")
