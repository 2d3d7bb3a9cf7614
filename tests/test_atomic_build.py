"""A build killed at any moment leaves the previous database whole; the next build cleans up after it."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from leaderboard.pipeline import BuildOptions, build
from leaderboard.store.db import temp_path
from tests.helpers import SRC, good_record, write_jsonl

HERE = Path(__file__).resolve().parent
N_OLD, N_NEW = 50, 2_000


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts(db: Path) -> tuple[int, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT (SELECT count(*) FROM papers), (SELECT count(*) FROM results)").fetchone()


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


@pytest.fixture
def setup(tmp_path: Path):
    """An existing database of N_OLD papers and a bigger source to rebuild it from."""
    old_src = write_jsonl(tmp_path / "old.jsonl", [good_record(i) for i in range(N_OLD)])
    new_src = write_jsonl(tmp_path / "new.jsonl", [good_record(i) for i in range(N_NEW)])
    db = tmp_path / "lb.duckdb"
    build(BuildOptions(sources=[old_src], db=db, workers=1, progress=False))
    assert counts(db) == (N_OLD, 2 * N_OLD)
    return db, new_src


def start_build(point: str, db: Path, src: Path, workers: int = 1) -> subprocess.Popen:
    args = [sys.executable, str(HERE / "pausing_build.py"), point, "build", str(src), "--db", str(db), "--quiet"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(HERE)])}
    return subprocess.Popen([*args, "--workers", str(workers)], stdout=subprocess.PIPE, text=True, env=env)


@pytest.mark.parametrize("point", ["enter", "loading", "finalize", "views", "rename"])
def test_killed_build_keeps_the_old_database(setup, point: str) -> None:
    db, new_src = setup
    before = digest(db)
    proc = start_build(point, db, new_src)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == f"PAUSED {point}"
        assert len(temp_files(db.parent)) >= 1  # the new database is being written beside the old one
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    assert digest(db) == before
    assert counts(db) == (N_OLD, 2 * N_OLD)
    assert temp_files(db.parent) != []  # a killed build cannot clean up after itself
    summary = build(BuildOptions(sources=[new_src], db=db, workers=1, progress=False))
    assert (summary.papers, summary.results) == (N_NEW, 2 * N_NEW)
    assert counts(db) == (N_NEW, 2 * N_NEW)
    assert temp_files(db.parent) == []  # ... so the next one does


def test_killed_with_a_process_pool(setup) -> None:
    db, new_src = setup
    before = digest(db)
    proc = start_build("loading", db, new_src, workers=2)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "PAUSED loading"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.kill()
        proc.wait(timeout=30)
    assert digest(db) == before
    assert counts(db) == (N_OLD, 2 * N_OLD)


@pytest.mark.parametrize("delay", [0.2, 0.6, 1.0, 1.5])
def test_killed_at_an_arbitrary_moment(setup, delay: float) -> None:
    """Whenever the kill lands, the database is the old one or the new one, whole; never a mix or nothing."""
    db, new_src = setup
    proc = subprocess.Popen(
        [sys.executable, "-m", "leaderboard", "build", str(new_src), "--db", str(db), "--quiet", "--workers", "1"],
        env={**os.environ, "PYTHONPATH": str(SRC)},
        stdout=subprocess.DEVNULL,
    )
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert counts(db) in {(N_OLD, 2 * N_OLD), (N_NEW, 2 * N_NEW)}


def test_temp_files_of_live_builds_are_left_alone(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [good_record(0)])
    db = tmp_path / "lb.duckdb"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    here = temp_path(db).name.rsplit("-", 1)[0]  # lb.duckdb.tmp-<this host>
    stale = tmp_path / f"{here}-{int(dead.stdout)}"
    legacy = tmp_path / f"lb.duckdb.tmp-{int(dead.stdout)}"  # an older build's name, without the host
    live = tmp_path / f"{here}-{os.getppid()}"  # the pytest runner's parent: alive
    elsewhere = tmp_path / f"lb.duckdb.tmp-other-machine-{int(dead.stdout)}"  # a pid of another machine
    for p in (stale, stale.with_name(stale.name + ".wal"), legacy, live, elsewhere):
        p.write_bytes(b"partial")
    build(BuildOptions(sources=[src], db=db, workers=1, progress=False))
    assert temp_files(tmp_path) == sorted([elsewhere.name, live.name])
