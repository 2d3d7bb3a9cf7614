"""The Rankings page says how long a bootstrap will take before it runs one (page_rankings.bootstrap_estimate):
the estimate must be within a factor of 1.5 of the run, per rating model, on the seeds and on the Papers with
Code SQuAD1.1 F1 table the page opens on. Timing ratios, measured in one process one after the other; the
per-model figures behind ROUND_COST are in benchmarks/bench_round_cost.py."""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from leaderboard.app.page_rankings import ESTIMATORS, ROUND_COST, bootstrap_estimate, rank_options
from leaderboard.pipeline import BuildOptions, build
from leaderboard.rank.api import rank_results

FACTOR = 1.5
REPEAT = 2
PWC = Path(__file__).parent / "data" / "pwc"


def _sql(name: str) -> str:
    return (resources.files("leaderboard.app") / "sql" / f"{name}.sql").read_text(encoding="utf-8")


def _timed_runs(db: Path, model: str, benchmarks: list[str], metrics: list[str]) -> tuple[float, float]:
    """(the page's estimate, the bootstrap run's seconds), measured as the page measures them; the least of
    REPEAT runs each, so a burst of other load on the machine does not decide the test."""
    params = {"benchmarks": benchmarks, "metrics": metrics}

    def fetch() -> pd.DataFrame:
        with duckdb.connect(str(db), read_only=True) as con:
            return con.execute(_sql("rank_input"), params).df()

    rows = fetch()
    seconds, fits, runs = [], [], []
    for _ in range(REPEAT):
        start = time.perf_counter()
        point = rank_results(fetch(), **rank_options(model, "hessian", True))
        seconds.append(time.perf_counter() - start)
        fits.append(point.fit_seconds)
        start = time.perf_counter()
        rank_results(rows, **rank_options(model, "bootstrap", True))
        runs.append(time.perf_counter() - start)
    return bootstrap_estimate(min(seconds), min(fits), model), min(runs)


def _shown(seconds: float) -> float:
    """Seconds as the page states them: never less than "about 1 s" (a run that short needs no precise figure)."""
    return max(1.0, seconds)


@pytest.fixture(scope="module")
def squad_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The SQuAD leaderboards of tests/data/pwc/squad.json (CC-BY-SA-4.0, see its NOTICE) alone."""
    path = tmp_path_factory.mktemp("squad") / "squad.duckdb"
    build(BuildOptions(sources=[PWC / "squad.json"], db=path, progress=False, workers=1))
    return path


def test_every_page_model_has_a_round_cost() -> None:
    assert set(ESTIMATORS) <= set(ROUND_COST)
    assert all(0 < c <= 2 for c in ROUND_COST.values())


@pytest.mark.parametrize("model", list(ESTIMATORS))
def test_estimate_matches_the_bootstrap_on_squad_f1(squad_db: Path, model: str) -> None:
    scope = ([], []) if model == "index" else (["SQuAD1.1"], ["F1"])  # the page's index ranks all benchmarks
    estimate, actual = _timed_runs(squad_db, model, *scope)
    assert 1 / FACTOR <= _shown(estimate) / _shown(actual) <= FACTOR, (model, round(estimate, 2), round(actual, 2))


@pytest.mark.parametrize("model", list(ESTIMATORS))
def test_estimate_matches_the_bootstrap_on_the_seeds(seed_db: Path, model: str) -> None:
    """On the seeds every bootstrap takes about a second or less: the page says "about 1 s" (its floor)."""
    estimate, actual = _timed_runs(seed_db, model, [], [])
    assert 1 / FACTOR <= _shown(estimate) / _shown(actual) <= FACTOR, (model, round(estimate, 2), round(actual, 2))
