"""Shared fixtures and helpers: the project root, the shipped seed and a database built from it once per session,
one extractor with the shipped vocabulary (it compiles once), synthetic papers, and a CLI runner that uses this
checkout's package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from leaderboard.extract import Extractor
from leaderboard.models import Paper
from leaderboard.pipeline import BuildOptions, build

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SRC = ROOT / "src"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from the shipped seeds (read-only for tests: copy it before changing it)."""
    path = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    build(BuildOptions(sources=[SEEDS], db=path, progress=False, workers=1))
    return path


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor.default()


@pytest.fixture(scope="session")
def run(extractor):
    def _run(abstract: str, title: str = "Some Title"):
        return extractor.extract(Paper("p", title, abstract))

    return _run


ABSTRACT = (
    "We present a simple method for image classification. Our model reaches {acc}% top-1 accuracy on ImageNet "
    "and an FID of {fid} on CIFAR-10, which improves on prior work. Code is available."
)


def good_record(i: int) -> dict:
    """A valid paper whose abstract the extractor finds results in."""
    return {
        "id": f"p{i:05d}",
        "title": f"Net{i}: A Paper Number {i}",
        "abstract": ABSTRACT.format(acc=f"{70 + i % 30}.{i % 10}", fid=f"{2 + i % 7}.{i % 10}5"),
    }


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 300):
    """Run `python -m leaderboard ARGS` in a subprocess; returns the CompletedProcess."""
    base = {k: v for k, v in os.environ.items() if k not in ("LB_DB", "LB_CURATION")}
    full_env = {**base, "PYTHONPATH": str(SRC), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "leaderboard", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture
def cli(tmp_path: Path):
    """A CLI runner working in tmp_path, logging internal errors there."""

    def run(*args: str, env: dict | None = None, timeout: float = 300):
        log = {"LB_ERROR_LOG": str(tmp_path / "error.log")}
        return run_cli(*args, cwd=tmp_path, env={**log, **(env or {})}, timeout=timeout)

    return run
