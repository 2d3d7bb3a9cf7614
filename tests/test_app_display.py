"""One way to show a missing value: blank in the dashboard's grids and the CLI's tables (issue #17.8)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from leaderboard.display import blank_missing, cell_text

MISSING = [None, np.nan, pd.NA, pd.NaT, float("nan")]


def test_every_kind_of_missing_is_blank() -> None:
    df = pd.DataFrame(
        {
            "count": [3.0, np.nan],
            "value": [95.379, np.nan],
            "published": pd.to_datetime(["2019-12-11", None]),
            "own": pd.array([True, None], dtype="boolean"),
            "name": ["XLNET-123++", None],
            "full": [1, 2],
        }
    )
    out = blank_missing(df)
    assert out.to_dict("list") == {
        "count": [3, ""],
        "value": [95.379, ""],
        "published": ["2019-12-11", ""],
        "own": [True, ""],
        "name": ["XLNET-123++", ""],
        "full": [1, 2],
    }
    assert out["full"].dtype == np.int64  # a column without a gap keeps its type (sorts as numbers)
    text = blank_missing(df, text=True)
    assert text["count"].tolist() == ["3", ""] and text["own"].tolist() == ["True", ""]


@given(st.lists(st.one_of(st.sampled_from(MISSING), st.floats(allow_nan=False, allow_infinity=False)), max_size=8))
def test_no_missing_marker_survives(values: list) -> None:
    shown = blank_missing(pd.DataFrame({"x": pd.Series(values, dtype=object)}), text=True)
    assert not shown["x"].isin(["None", "nan", "NaN", "<NA>", "NaT"]).any()
    assert (shown["x"] == "").sum() == sum(v is None or v is pd.NA or v is pd.NaT or v != v for v in values)


def test_cells() -> None:
    assert cell_text(None, "—") == "—"
    assert cell_text(dt.date(2020, 4, 4)) == "2020-04-04"
    assert cell_text(pd.Timestamp("2020-04-04 10:30")) == "2020-04-04 10:30:00"
    assert cell_text(np.float64(2.0)) == 2 and cell_text(np.int64(7)) == 7
    assert cell_text("") == ""


def test_cli_table_has_one_blank(cli, seed_db) -> None:
    query = (
        "SELECT 'a' AS name, NULL::INTEGER AS n, NULL::DATE AS published, NULL::BOOLEAN AS own, NULL::DOUBLE AS v "
        "UNION ALL SELECT 'b', 2, DATE '2019-12-11', TRUE, 1.5"
    )
    done = cli("query", query, "--db", str(seed_db))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["name", "n", "published", "own", "v"]
    assert lines[1].split() == ["a"]
    assert lines[2].split() == ["b", "2", "2019-12-11", "True", "1.5"]
    for marker in ("None", "NaN", "nan", "<NA>", "NaT"):
        assert marker not in done.stdout
