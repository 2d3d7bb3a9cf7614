"""Shared fixtures: databases built once per session (from the seeds, synthetic), one extractor with the shipped
vocabulary (it compiles once), a CLI runner and an AppTest factory. Plain helpers live in tests/helpers.py."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from leaderboard.extract import Extractor
from leaderboard.models import Paper
from leaderboard.pipeline import BuildOptions, build
from tests.helpers import APP, ROOT, SEEDS, run_cli

sys.path.insert(0, str(ROOT / "benchmarks"))

# timing is not what the property tests check: on a loaded 2-core CI machine an example can take over 200 ms
settings.register_profile("no_deadline", deadline=None)
settings.load_profile("no_deadline")


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


@pytest.fixture
def cli(tmp_path: Path):
    """A CLI runner working in tmp_path, logging internal errors there."""

    def run(*args: str, env: dict | None = None, timeout: float = 300):
        log = {"LB_ERROR_LOG": str(tmp_path / "error.log")}
        return run_cli(*args, cwd=tmp_path, env={**log, **(env or {})}, timeout=timeout)

    return run


@pytest.fixture(scope="session")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A deterministic synthetic database: 50 dated papers, 400 results, 16 benchmark/metric pairs."""
    from synthetic_db import make_synthetic_db

    path = tmp_path_factory.mktemp("synth") / "synth.duckdb"
    make_synthetic_db(path, n_results=400)
    return path


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> Callable[..., object]:
    """app(db, page, env=None, **query_params) -> an AppTest that has run the page with LB_DB=db."""
    from streamlit.testing.v1 import AppTest

    def make(db: Path, page: str = "overview", env: dict[str, str] | None = None, **params: str | list[str]):
        monkeypatch.setenv("LB_DB", str(db))
        monkeypatch.delenv("LB_CURATION", raising=False)
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        at = AppTest.from_file(str(APP), default_timeout=60)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        if page != "overview":
            at.switch_page(f"src/leaderboard/app/page_{page}.py").run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    return make


@pytest.fixture(scope="session")
def leaderboards_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds + the Papers with Code files squad.json and nlp-progress.json (tests/data/pwc, CC-BY-SA-4.0)."""
    path = tmp_path_factory.mktemp("pwc") / "pwc.duckdb"
    pwc = ROOT / "tests" / "data" / "pwc"
    build(BuildOptions(sources=[SEEDS, pwc / "squad.json", pwc / "nlp-progress.json"], db=path, progress=False,
                       workers=1))  # fmt: skip
    return path
