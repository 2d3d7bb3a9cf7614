"""Shared fixtures and helpers: the project root, the shipped seed and a database built from it once per session,
one extractor with the shipped vocabulary (it compiles once), synthetic papers, and a CLI runner that uses this
checkout's package, and dashboard fixtures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
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


# --- dashboard tests: a seed-built database, a synthetic one, and an AppTest factory ---------------------------------

sys.path.insert(0, str(ROOT / "benchmarks"))

APP = ROOT / "app.py"


@pytest.fixture(scope="session")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A deterministic synthetic database: 50 dated papers, 400 results, 16 benchmark/metric pairs."""
    from synthetic_db import make_synthetic_db

    path = tmp_path_factory.mktemp("synth") / "synth.duckdb"
    make_synthetic_db(path, n_results=400)
    return path


def sql(db: Path, text: str, params: dict | None = None) -> pd.DataFrame:
    """An independent look at the database (the oracle tests compare the app with)."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(text, params or {}).df()


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


def charts(at) -> list[dict]:
    """The Vega-Lite specs of the page's Altair charts."""
    return [json.loads(e.proto.spec) for e in at.get("vega_lite_chart")]


def chart_data(at, index: int = 0) -> dict[str, pd.DataFrame]:
    """The named datasets of one chart, as DataFrames."""
    from streamlit import dataframe_util

    element = at.get("vega_lite_chart")[index]
    return {d.name: dataframe_util.convert_arrow_bytes_to_pandas_df(d.data.data) for d in element.proto.datasets}


def layer_data(at, spec: dict, mark: str, index: int = 0) -> pd.DataFrame:
    """The data of the first layer with the given mark type."""
    data = chart_data(at, index)
    for layer in spec["layer"]:
        if layer["mark"]["type"] == mark:
            return data[(layer.get("data") or spec["data"])["name"]]
    raise AssertionError(f"no {mark} layer")
