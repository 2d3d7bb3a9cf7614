"""The CLI's contract: commands and columns users rely on, one-line errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import run_cli


def test_build_with_no_arguments_uses_seeds_and_lb_db(tmp_path: Path) -> None:
    env = {**os.environ, "LB_DB": str(tmp_path / "env.duckdb")}
    out = run_cli("build", "--quiet", cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"built {tmp_path / 'env.duckdb'}: 72 papers, ")
    q = run_cli("query", "SELECT count(*) AS n FROM papers", "--format", "json", cwd=tmp_path, env=env)
    assert json.loads(q.stdout) == [{"n": 72}]


def test_query_param_and_formats(seed_db: Path) -> None:
    out = run_cli("query", "paper_results", "--db", str(seed_db), "--param", "title=Score-Based Generative%",
                  "--format", "csv")  # fmt: skip
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("title,value_text,kind,")
    assert any(",2.20," in line for line in lines[1:])


def test_export_writes_csv_with_stable_columns(seed_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "results.csv"
    out = run_cli("export", "--db", str(seed_db), "--out", str(target))
    assert out.returncode == 0, out.stderr
    header = target.read_text().splitlines()[0].split(",")
    for column in ("result_id", "paper_id", "title", "method", "benchmark", "metric", "value", "unit", "kind",
                   "baseline", "higher_is_better", "evidence", "value_start", "value_end", "extractor"):  # fmt: skip
        assert column in header


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("build", "no/such/file.jsonl", "--db", "x.duckdb"), "error: no/such/file.jsonl: no such file or directory"),
        (("build", "--format", "yaml", "--db", "x.duckdb"), "error: Invalid value for '--format': 'yaml' is not"),
        (("query", "SELEC 1", "--db", "{db}"), "error: SQL error: Parser Error"),
        (("query", "SELECT 1", "--db", "missing.duckdb"), "error: missing.duckdb: no database here"),
        (("query", "sota", "--db", "{db}", "--param", "nope=1"), "error: query 'sota' has no parameter named nope"),
        (("build", "--since", "yesterday", "--db", "x.duckdb"), "error: --since 'yesterday': expected a date"),
    ],
)
def test_user_errors_are_one_line(args: tuple[str, ...], message: str, seed_db: Path, tmp_path: Path) -> None:
    out = run_cli(*(a.replace("{db}", str(seed_db)) for a in args), cwd=tmp_path)
    assert out.returncode == 2
    assert out.stderr.startswith(message), out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "x.duckdb").exists()


def test_cli_start_does_not_import_the_heavy_stages():
    """`leaderboard query/build` start fast: scipy (rank) and pandas load only when a command needs them."""
    code = "import sys, leaderboard.cli; print(sorted(m for m in ('scipy', 'pandas', 'streamlit') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
