"""Written precision (knowledge/precision.py): one implementation, stored per row as `value_half_ulp`."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaderboard.curation import Curation, append_curation
from leaderboard.extract.matching import value_matches
from leaderboard.knowledge.precision import half_ulp, half_ulps, written_precision
from leaderboard.models import Result
from leaderboard.pipeline import BuildOptions, build
from leaderboard.rank.comparisons import value_resolution
from tests.helpers import good_record, write_jsonl


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("92.0", None, 0.05),
        ("92", None, 0.5),
        ("92.04", 92.04, 0.005),
        ("92.0%", 92.0, 0.05),
        ("92.0%", 0.92, 0.0005),  # the percentage stored as a fraction: its precision scales with it
        ("24M", None, 0.5e6),
        ("24M", 24e6, 0.5e6),
        ("24M", 24.0, 0.5),  # stored in millions: the precision is in millions too
        ("1.5B", 1.5e9, 0.05e9),
        ("120k", None, 500.0),
        ("1e-3", None, 0.0005),
        ("1.5e-3", 0.0015, 0.00005),
        ("85.3 ± 0.2", 85.3, 0.05),  # the spread is the paper's uncertainty, not the writing's
        ("3/4", 0.75, 0.125),  # the numerator is known to +-0.5, so the fraction to +-0.5/4
        ("1,234", 1234.0, 0.5),
        ("$2.20$", 2.2, 0.005),
        (".5", 0.5, 0.05),
        ("-0.25", -0.25, 0.005),
        ("0.0", 0.0, 0.05),
        ("n/a", None, 0.0),
        ("", 3.0, 0.0),
        (None, None, 0.0),
        ("1e999", None, 0.5e300),  # an absurd exponent is clamped, not an overflow
    ],
)
def test_half_ulp(text: str | None, value: float | None, expected: float) -> None:
    assert half_ulp(text, value) == pytest.approx(expected, rel=1e-12)


def test_written_precision_keeps_the_written_scale() -> None:
    assert written_precision("24M") == (500000.0, 24000000.0)
    assert written_precision("7.25 BLEU") == (0.005, 7.25)
    assert written_precision("no digits") == (0.0, 0.0)


def test_half_ulps_is_half_ulp_row_by_row() -> None:
    texts = ["92.0", "24M", None, "85.3", "0"]
    values = [92.0, 24e6, float("nan"), 85.3, 0.0]
    assert half_ulps(texts, values).tolist() == pytest.approx([0.05, 0.5e6, 0.0, 0.05, 0.5])
    assert half_ulps(texts).tolist() == pytest.approx([0.05, 0.5e6, 0.0, 0.05, 0.5])


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=6),
    st.sampled_from(["", "%", "k", "M", "B"]),
)
def test_half_ulp_of_any_written_number(digits: int, decimals: int, suffix: str) -> None:
    text = f"{digits / 10**decimals:.{decimals}f}{suffix}"
    scale = {"": 1.0, "%": 1.0, "k": 1e3, "M": 1e6, "B": 1e9}[suffix]
    assert half_ulp(text) == pytest.approx(0.5 * 10.0**-decimals * scale, rel=1e-9)
    value = digits / 10**decimals
    if digits:  # on the stored value's scale: the written number's relative precision is kept
        assert half_ulp(text, value) == pytest.approx(0.5 * 10.0**-decimals, rel=1e-9)
        assert half_ulp(text, -value) == half_ulp(text, value)


@given(st.text(max_size=30), st.one_of(st.none(), st.floats(allow_nan=True, allow_infinity=False)))
def test_half_ulp_never_fails_and_is_never_negative(text: str, value: float | None) -> None:
    got = half_ulp(text, value)
    assert got >= 0 or got != got


def test_every_result_carries_its_precision_from_creation() -> None:
    r = Result(paper_id="p", value=24.0, value_text="24M")
    assert r.value_half_ulp == 0.5
    assert Result(paper_id="p", value=0.9, value_text="0.9", value_half_ulp=0.01).value_half_ulp == 0.01


def test_ranking_ties_read_the_stored_precision() -> None:
    texts = pd.Series(["92.0%", "24M", "24M", "7"])
    values = pd.Series([92.0, 24e6, 24.0, 7.0])
    assert value_resolution(texts, values).tolist() == pytest.approx([0.1, 1e6, 1.0, 1.0])
    stored = pd.Series([0.005, None, None, np.nan])
    assert value_resolution(texts, values, stored).tolist() == pytest.approx([0.01, 1e6, 1.0, 1.0])


def test_gold_matching_uses_the_same_precision() -> None:
    r = Result(paper_id="p", value=2.5, value_text="2.5M")
    assert value_matches(2.54, r) and not value_matches(2.56, r)
    coarse = Result(paper_id="p", value=0.001, value_text="1e-3")
    assert value_matches(0.0012, coarse) and not value_matches(0.0016, coarse)


def test_the_database_stores_one_precision_per_row(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "papers.jsonl", [good_record(1)])
    csv = tmp_path / "params.csv"
    csv.write_text("method,benchmark,metric,value\nNet1,ImageNet,Parameters,24M\nNet1,CIFAR-10,Accuracy,92.40\n")
    db = tmp_path / "lb.duckdb"
    build(BuildOptions(sources=[src, csv], db=db, workers=1, progress=False))
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "SELECT source, value_text, value_half_ulp FROM results ORDER BY source, value_text"
        ).fetchall()
        fixed_id = con.execute("SELECT result_id FROM results WHERE value_text = '92.40'").fetchone()[0]
    assert ("csv:params.csv", "24M", 500000.0) in rows
    assert ("csv:params.csv", "92.40", pytest.approx(0.005)) in rows
    assert all(h > 0 for s, _, h in rows if s == "abstract")
    append_curation(tmp_path / "curation.csv", Curation.fix(fixed_id, "value", "92.5"))
    build(BuildOptions(sources=[src, csv], db=db, workers=1, progress=False))
    with duckdb.connect(str(db), read_only=True) as con:
        got = con.execute("SELECT value, value_half_ulp FROM results WHERE result_id = ?", [fixed_id]).fetchone()
        half = con.execute("SELECT half_ulp FROM comparable_results WHERE result_id = ?", [fixed_id]).fetchone()
    assert got == (92.5, pytest.approx(0.05))  # the fixed value is known to the precision the curator wrote
    assert half == (pytest.approx(0.05),)
