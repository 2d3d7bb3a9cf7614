"""Shared fixtures: the project root, the shipped seed, and a database built from it once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaderboard.pipeline import BuildOptions, build

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database built from the shipped seeds (read-only for tests: copy it before changing it)."""
    path = tmp_path_factory.mktemp("seed") / "seed.duckdb"
    build(BuildOptions(sources=[SEEDS], db=path, progress=False, workers=1))
    return path
