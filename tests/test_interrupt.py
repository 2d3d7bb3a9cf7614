"""Ctrl-C during a build prints one line, `aborted; <db> unchanged`, exits 130 and leaves the old database."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from leaderboard.pipeline import BuildOptions, build
from leaderboard.store.db import BuildWriter
from tests.helpers import SRC, good_record, write_jsonl

HERE = Path(__file__).resolve().parent


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # a terminal's Ctrl-C reaches a foreground process


@pytest.mark.parametrize(("point", "workers"), [("loading", 2), ("views", 2), ("loading", 1)])
def test_ctrl_c_prints_one_line(tmp_path: Path, point: str, workers: int) -> None:
    db = tmp_path / "lb.duckdb"
    build(BuildOptions(sources=[write_jsonl(tmp_path / "old.jsonl", [good_record(0)])], db=db, progress=False))
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    src = write_jsonl(tmp_path / "new.jsonl", [good_record(i) for i in range(2_000)])
    args = [sys.executable, str(HERE / "pausing_build.py"), point, "build", str(src), "--db", str(db), "--quiet",
            "--workers", str(workers)]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(HERE)])}
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True, preexec_fn=_default_sigint)  # fmt: skip
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == f"PAUSED {point}"
        os.killpg(proc.pid, signal.SIGINT)  # the whole process group, workers included, as a terminal does
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert (proc.returncode, err) == (130, f"aborted; {db} unchanged\n")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert [p.name for p in tmp_path.iterdir() if ".tmp-" in p.name] == []


@pytest.mark.parametrize("exc", [duckdb.InterruptException("INTERRUPT Error"), RuntimeError("Query interrupted")])
def test_an_interrupted_query_is_a_keyboard_interrupt(tmp_path: Path, exc: Exception) -> None:
    target = tmp_path / "lb.duckdb"
    with pytest.raises(KeyboardInterrupt), BuildWriter(target):
        raise exc
    assert list(tmp_path.iterdir()) == []
