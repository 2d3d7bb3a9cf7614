"""The cell value parser: what it reads, what it refuses and why, and that it never crashes."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaderboard.sources.cells import CellValue, NotANumber, parse_cell


@pytest.mark.parametrize(
    ("cell", "value", "unit", "spread", "qualifier", "note"),
    [
        ("76.1%", 76.1, "%", None, None, None),
        ("1,234", 1234.0, None, None, None, None),
        ("85.3 ± 0.2", 85.3, None, 0.2, None, None),
        ("90.0 +/- 0.5", 90.0, None, 0.5, None, None),
        ("23.5M", 23_500_000.0, None, None, None, None),
        ("3.0m", 3_000_000.0, None, None, None, None),
        ("220k", 220_000.0, None, None, None, None),
        ("0.46B", 460_000_000.0, None, None, None, None),
        ("~257M", 257_000_000.0, None, None, "about", None),
        ("63.7*", 63.7, None, None, None, "*"),
        ("60.7+", 60.7, None, None, None, "+"),
        ("\ufeff93.3", 93.3, None, None, None, None),
        ("−1.5", -1.5, None, None, None, None),
        ("1e-3", 0.001, None, None, None, None),
        ("0.000", 0.0, None, None, None, None),
        ("70.14 (measured by Ge et al., 2018)", 70.14, None, None, None, "(measured by Ge et al., 2018)"),
        ("17.1(16.1 with basic dynamic evaluation)", 17.1, None, None, None, "(16.1 with basic dynamic evaluation)"),
        (81.3, 81.3, None, None, None, None),
        (7, 7.0, None, None, None, None),
    ],
)
def test_reads_numbers(cell: object, value: float, unit, spread, qualifier, note) -> None:
    got = parse_cell(cell)
    assert isinstance(got, CellValue), got
    assert got.value == pytest.approx(value)
    assert (got.unit, got.spread, got.qualifier, got.note) == (unit, spread, qualifier, note)


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("", "empty cell"),
        (None, "empty cell"),
        ("-", "placeholder '-', no value"),
        ("--*", "placeholder '--*', no value"),
        ("\u2013", "placeholder '\u2013', no value"),
        ("?", "placeholder '?', no value"),
        ("Elsner", "not a number: 'Elsner'"),
        ("Yes", "not a number: 'Yes'"),
        ("93.0/90.7", "several numbers in one cell: '93.0/90.7'"),
        ("91.6/91.1*", "several numbers in one cell: '91.6/91.1*'"),
        ("43B?", "value marked uncertain: '43B?'"),
        ("12ms", "not a number as written: '12ms'"),
        ("5k%", "a magnitude suffix and a percent sign together"),
        (True, "a boolean (True), not a number"),
        (float("nan"), "not a finite number: nan"),
        ([1, 2], "a JSON list, not a number"),
    ],
)
def test_refuses_with_a_reason(cell: object, reason: str) -> None:
    got = parse_cell(cell)
    assert isinstance(got, NotANumber)
    assert got.reason == reason


@given(st.one_of(st.text(), st.none(), st.booleans(), st.integers(), st.floats(), st.lists(st.integers())))
def test_never_crashes(cell: object) -> None:
    got = parse_cell(cell)
    assert isinstance(got, CellValue | NotANumber)
    if isinstance(got, CellValue):
        assert math.isfinite(got.value)


@given(
    st.decimals(min_value=-1e9, max_value=1e9, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(["{}", "{}%", " {} ", "{} ± 0.5", "{}*", "~{}", "{} (dev set)"]),
)
def test_parses_what_it_should(number, template: str) -> None:
    text = template.format(number)
    got = parse_cell(text)
    assert isinstance(got, CellValue), (text, got)
    assert got.value == pytest.approx(float(number))
    assert got.unit == ("%" if "%" in template else None)


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_separators(n: int) -> None:
    got = parse_cell(f"{n:,}")
    assert isinstance(got, CellValue) and got.value == n
