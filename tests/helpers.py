"""Test helpers (plain functions, no fixtures): paths, synthetic papers, a CLI runner that uses this checkout's
package, and independent looks at a database and at a page's Altair charts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SRC = ROOT / "src"
APP = ROOT / "app.py"

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


def sql(db: Path, text: str, params: dict | None = None) -> pd.DataFrame:
    """An independent look at the database (the oracle tests compare the app with)."""
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(text, params or {}).df()


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


def rule_cases(cases: dict[str, list[tuple]]):
    """Parametrize a test over {rule: [(sentence, expected), ...]} as (rule, sentence, expected), ids rule-i."""
    return pytest.mark.parametrize(
        ("rule", "sentence", "expected"),
        [(rule, s, e) for rule, items in cases.items() for s, e in items],
        ids=[f"{rule}-{i}" for rule, items in cases.items() for i in range(len(items))],
    )
