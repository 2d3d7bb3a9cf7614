"""Shared fixtures: one extractor with the shipped vocabulary for the whole session (it compiles once)."""

from __future__ import annotations

import pytest

from leaderboard.extract import Extractor
from leaderboard.models import Paper


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor.default()


@pytest.fixture(scope="session")
def run(extractor):
    def _run(abstract: str, title: str = "Some Title"):
        return extractor.extract(Paper("p", title, abstract))

    return _run
