"""Shared fixtures: the project root, the shipped seed, a database built from it once per session, and one
extractor with the shipped vocabulary for the whole session (it compiles once)."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaderboard.extract import Extractor
from leaderboard.models import Paper
from leaderboard.pipeline import BuildOptions, build

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


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
