"""Shared fixtures: the project root, the shipped seed, a database built from it once per session, a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaderboard.pipeline import BuildOptions, build
from tests.helpers import run_cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from the shipped seeds (read-only for tests: copy it before changing it)."""
    path = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    build(BuildOptions(sources=[SEEDS], db=path, progress=False, workers=1))
    return path


@pytest.fixture
def cli(tmp_path: Path):
    """A CLI runner working in tmp_path, logging internal errors there."""

    def run(*args: str, env: dict | None = None, timeout: float = 300):
        log = {"LB_ERROR_LOG": str(tmp_path / "error.log")}
        return run_cli(*args, cwd=tmp_path, env={**log, **(env or {})}, timeout=timeout)

    return run
