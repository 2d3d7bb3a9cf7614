"""The parallel build: the same database whatever the number of workers; filters and progress while streaming.

The corpus is the benchmark's synthetic arXiv snapshot (benchmarks/corpus.py), small.
"""

from __future__ import annotations

import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from leaderboard import pipeline
from leaderboard.pipeline import BuildOptions, build
from leaderboard.progress import Progress
from leaderboard.sources import ArxivFilter
from tests.conftest import ROOT

N = 120  # records in the synthetic corpus
BLOCK = 8192  # bytes per unit in these tests: ~5 records, so there are many units and the pool really runs


def _corpus_module():
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "benchmarks" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _corpus_module().write_corpus(tmp_path_factory.mktemp("corpus") / "arxiv.jsonl", N, seed=7)


@pytest.fixture(scope="module")
def one_worker_db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("one") / "one.duckdb"
    build(BuildOptions([corpus], db, workers=1, progress=False))
    return db


def _dump(db: Path) -> dict[str, list]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"SELECT * FROM {t}").fetchall() for t in ("papers", "results", "rejected")}


def test_corpus_is_deterministic_and_has_the_snapshot_quirks(corpus: Path) -> None:
    again = _corpus_module().iter_lines(N, seed=7)
    assert corpus.read_text(encoding="utf-8").splitlines() == list(again)
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    assert any("\n  " in r["title"] for r in records)
    assert all(r["abstract"].startswith("  ") and "\n" in r["abstract"] for r in records)
    assert any(len(r["versions"]) > 1 for r in records if "versions" in r)
    assert all({"update_date", "categories", "authors_parsed"} <= r.keys() for r in records)


def test_workers_do_not_change_the_database(
    corpus: Path, one_worker_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "BLOCK_BYTES", BLOCK)
    two = build(BuildOptions([corpus], tmp_path / "two.duckdb", workers=2, progress=False))
    assert (two.papers, two.rejected, two.records) == (N, 0, N)
    assert _dump(one_worker_db) == _dump(tmp_path / "two.duckdb")
    with duckdb.connect(str(tmp_path / "two.duckdb"), read_only=True) as con:
        lines = con.execute("SELECT source_line FROM papers ORDER BY source_line").fetchall()
        assert [s for (s,) in lines] == list(range(1, N + 1))  # every record once, in file order


def test_published_dates_come_from_versions_or_update_date(corpus: Path, one_worker_db: Path) -> None:
    db = one_worker_db
    records = {json.loads(x)["id"]: json.loads(x) for x in corpus.read_text(encoding="utf-8").splitlines()}
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("SELECT paper_id, CAST(published AS VARCHAR), title FROM papers").fetchall()
    assert len(rows) == N
    for paper_id, published, title in rows:
        record = records[paper_id]
        if "versions" in record:
            day, month, year = record["versions"][0]["created"].split()[1:4]
            assert published.startswith(year) and published.endswith(f"-{int(day):02d}")
        else:
            assert published == record["update_date"]
        assert "\n" not in title and "  " not in title


def test_category_and_since_filters_while_streaming(corpus: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "BLOCK_BYTES", BLOCK)
    records = [json.loads(x) for x in corpus.read_text(encoding="utf-8").splitlines()]

    def kept(r: dict) -> bool:
        return any(c.startswith("cs.CL") or c.startswith("stat.") for c in r["categories"].split())

    filt = ArxivFilter(("cs.CL", "stat"))
    summary = build(BuildOptions([corpus], tmp_path / "f.duckdb", workers=2, filt=filt, progress=False))
    expected = sum(kept(r) for r in records)
    assert 0 < expected < N
    assert (summary.papers, summary.skipped) == (expected, N - expected)
    assert "skipped by filters" in summary.line()
    since_filter = ArxivFilter(since="2007-04-20")
    since = build(BuildOptions([corpus], tmp_path / "s.duckdb", workers=1, filt=since_filter, progress=False))
    with duckdb.connect(str(tmp_path / "s.duckdb"), read_only=True) as con:
        assert con.execute("SELECT min(published) >= DATE '2007-04-20' FROM papers").fetchone()[0] is True
    assert since.papers + since.skipped == N and since.skipped > 0 and since.papers > 0


def test_progress_log_lines_show_share_rate_and_eta() -> None:
    out = io.StringIO()
    with Progress(stream=out, total_bytes=4 * 2**20, log_every=0.0, tty=False) as progress:
        progress.add(records=650, results=120, rejected=2, nbytes=2**20)
        progress.add(records=650, results=100, skipped=30, nbytes=2**20)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("… 50% of 4 MiB, records=1,300 (")
    assert "results=220 rejected=2 skipped=30, ETA " in lines[1]


def test_progress_bar_on_a_terminal() -> None:
    out = io.StringIO()
    with Progress(stream=out, total_bytes=2**20, tty=True) as progress:
        progress.add(records=650, results=120, nbytes=2**20)
    text = out.getvalue()
    assert "100%" in text and "records=650" in text and "results=120" in text


def test_quiet_progress_prints_nothing() -> None:
    out = io.StringIO()
    with Progress(enabled=False, stream=out, total_bytes=10, log_every=0.0, tty=False) as progress:
        progress.add(records=5, nbytes=10)
        progress.note("finalizing")
    assert out.getvalue() == ""


def test_the_callers_main_script_is_not_run_again_in_the_workers(corpus: Path, tmp_path: Path) -> None:
    """A build started from a script that does work at import (a Streamlit page, an unguarded user script)
    must not run that script again in the fork server: before, the server died and the pool broke its pipe."""
    script = tmp_path / "page.py"
    script.write_text("raise SystemExit('this script ran again inside a worker')\n", encoding="utf-8")
    db = tmp_path / "lb.duckdb"
    code = (
        "import sys, types\n"
        "from pathlib import Path\n"
        "from leaderboard import pipeline\n"
        "from leaderboard.pipeline import BuildOptions, build\n"
        f"page = types.ModuleType('__main__'); page.__file__ = {str(script)!r}\n"
        "sys.modules['__main__'] = page\n"
        f"pipeline.BLOCK_BYTES = {BLOCK}\n"
        f"s = build(BuildOptions([Path({str(corpus)!r})], Path({str(db)!r}), workers=2, progress=False))\n"
        "print(s.papers)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.split() == [str(N)]
