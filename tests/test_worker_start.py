"""Worker start: workers of a build without extra vocabulary take the extractor their fork server built once;
with `--vocab` files they unpickle the main process's. Either way the database is the one a single process
builds with the same vocabulary."""

from __future__ import annotations

import gc
import signal
import sys
from multiprocessing import get_all_start_methods
from pathlib import Path
from types import SimpleNamespace

import duckdb
import pytest

from leaderboard import parallel, pipeline
from leaderboard import workers as workers_module
from leaderboard.pipeline import BuildOptions, build
from tests.helpers import write_jsonl

BENCHMARKS = "name,aliases,task,area,metric\nQuillotBench,QB-7,Question Answering,nlp,Accuracy\n"


@pytest.fixture
def worker_state(monkeypatch: pytest.MonkeyPatch):
    """_init_worker run in this process: restore what it changes for a worker (Ctrl-C, the import finders)."""
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    monkeypatch.setattr(parallel, "_HELD", parallel._Held())
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))  # not this test process's heap
    previous = signal.getsignal(signal.SIGINT)
    yield frozen
    signal.signal(signal.SIGINT, previous)


def test_a_worker_takes_the_prebuilt_extractor_of_that_name(monkeypatch, worker_state) -> None:
    prebuilt = SimpleNamespace(name="rules/0a1b2c")
    parallel._HELD.shipped = prebuilt
    parallel._init_worker("rules/0a1b2c")
    assert parallel._HELD.worker is prebuilt
    assert worker_state == [True]  # then out of the collector's way


def test_a_worker_builds_the_extractor_when_the_prebuilt_one_is_another(monkeypatch, worker_state) -> None:
    built = SimpleNamespace(name="rules/ffee99")
    parallel._HELD.shipped = SimpleNamespace(name="rules/0a1b2c")  # older rules or vocabulary
    monkeypatch.setattr(parallel, "load_vocabulary", lambda files: ("shipped", tuple(files)))
    monkeypatch.setattr(parallel, "Extractor", lambda vocab: built if vocab == ("shipped", ()) else None)
    parallel._init_worker("rules/ffee99")
    assert parallel._HELD.worker is built
    assert parallel._HELD.shipped is built


def test_a_worker_without_a_fork_server_builds_it(monkeypatch, worker_state) -> None:
    built = SimpleNamespace(name="rules/77aa01")
    monkeypatch.setattr(parallel, "load_vocabulary", lambda files: "shipped")
    monkeypatch.setattr(parallel, "Extractor", lambda vocab: built)
    parallel._init_worker("rules/77aa01")
    assert parallel._HELD.worker is built


def _initargs(monkeypatch, vocab_files: list[Path]) -> tuple:
    seen: list[tuple] = []

    class Recorder:
        def __init__(self, processes, initializer, initargs, context) -> None:
            seen.append((initializer, initargs, context.get_start_method()))

    monkeypatch.setattr(parallel, "_Pool", Recorder)
    extraction = parallel.Extraction(workers=2, vocab_files=vocab_files)
    extraction._start_pool()
    extraction.pool = None  # nothing to close
    return seen[0]


@pytest.mark.skipif("forkserver" not in get_all_start_methods(), reason="only a fork server prebuilds")
def test_the_main_process_sends_a_name_or_its_pickled_extractor(monkeypatch, tmp_path: Path) -> None:
    _, (arg,), method = _initargs(monkeypatch, [])
    assert method == "forkserver"
    assert isinstance(arg, str) and arg.startswith("rules/")
    extra = tmp_path / "b.csv"
    extra.write_text(BENCHMARKS, encoding="utf-8")
    _, (arg,), _ = _initargs(monkeypatch, [extra])
    assert isinstance(arg, bytes)  # a vocabulary the fork server does not have


def test_two_workers_with_extra_vocabulary_build_what_one_process_builds(monkeypatch, tmp_path: Path) -> None:
    extra = tmp_path / "b.csv"
    extra.write_text(BENCHMARKS, encoding="utf-8")
    records = [
        {"id": f"q{i}", "title": f"Sparse routing, part {i}", "abstract": f"Our router scores {70 + i}.5% on QB-7."}
        for i in range(40)
    ]
    write_jsonl(tmp_path / "papers.jsonl", records)
    monkeypatch.setattr(pipeline, "BLOCK_BYTES", 600)  # several units: the pool runs
    dumps = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        build(BuildOptions([tmp_path / "papers.jsonl"], db, workers=workers, vocab_files=[extra], progress=False))
        with duckdb.connect(str(db), read_only=True) as con:
            dumps.append(con.execute("SELECT paper_id, value, benchmark FROM results ORDER BY paper_id").fetchall())
    assert dumps[0] == dumps[1]
    assert len(dumps[1]) == 40 and {b for _, _, b in dumps[1]} == {"QuillotBench"}


def test_the_command_boots_the_fork_server_first_and_builds_what_one_process_builds(tmp_path: Path, cli) -> None:
    filler = "The ablation keeps the routing table fixed while the gate learns which expert to trust. " * 14
    records = [
        {
            "id": f"r{i}",
            "title": f"Gated experts, note {i}",
            "abstract": f"{filler}Our gate reaches {60 + i % 30}.25% on QB-7.",
        }
        for i in range(800)  # over 1 MB: two units, so the pool starts
    ]
    write_jsonl(tmp_path / "papers.jsonl", records)
    assert (tmp_path / "papers.jsonl").stat().st_size > pipeline.BLOCK_BYTES
    dumps = []
    for workers in ("1", "2"):
        proc = cli("build", "papers.jsonl", "--db", f"w{workers}.duckdb", "--quiet", "--workers", workers)
        assert proc.returncode == 0, proc.stderr
        with duckdb.connect(str(tmp_path / f"w{workers}.duckdb"), read_only=True) as con:
            dumps.append(con.execute("SELECT * FROM results ORDER BY result_id").fetchall())
    assert dumps[0] == dumps[1] and len(dumps[1]) == 800


def test_the_fork_server_boots_early_only_for_a_build_that_will_want_workers(tmp_path: Path, monkeypatch) -> None:
    booted = []
    monkeypatch.setattr(workers_module, "boot_fork_server", lambda: booted.append(True))
    small = tmp_path / "small.jsonl"
    small.write_bytes(b"x" * 1000)
    folder = tmp_path / "big"
    (folder / "part").mkdir(parents=True)
    (folder / "part" / "a.jsonl").write_bytes(b"x" * (workers_module.EARLY_BOOT_BYTES // 2 + 1))
    (folder / "b.csv").write_bytes(b"x" * (workers_module.EARLY_BOOT_BYTES // 2 + 1))
    assert workers_module.input_bytes([small, folder, tmp_path / "missing.jsonl"]) == 1000 + 2 * (
        workers_module.EARLY_BOOT_BYTES // 2 + 1
    )
    workers_module.boot_fork_server_for([small], 2)  # one small file: extracted in-process, no server
    workers_module.boot_fork_server_for([folder], 1)  # one process: no server
    assert booted == []
    workers_module.boot_fork_server_for([folder], 2)  # over one unit and two processes
    assert booted == [True]
