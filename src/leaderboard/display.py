"""How a table shows a missing value: one blank, whatever the column's type (never None, nan, <NA> or NaT).

Shared by the CLI's aligned tables and the dashboard's grids. Columns without a missing value keep their type
(so a grid still sorts them as numbers or dates); a column with one becomes text: dates as YYYY-MM-DD, whole
floats as integers, other numbers as written by `repr`, missing values as `blank`.
"""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd

BLANK = ""


def is_missing(value: object) -> bool:
    """True for None, NaN, pandas NA and NaT (not for empty strings or zero)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def cell_text(value: object, blank: str = BLANK) -> object:
    """One cell as a table shows it: `blank` when missing, a date as YYYY-MM-DD, a whole float as an integer."""
    if is_missing(value):
        return blank
    if isinstance(value, pd.Timestamp | dt.datetime):
        stamp = pd.Timestamp(value)
        return stamp.date().isoformat() if stamp == stamp.normalize() else stamp.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return cell_text(value.item(), blank)
    return value


def blank_missing(df: pd.DataFrame, blank: str = BLANK, *, text: bool = False) -> pd.DataFrame:
    """A copy of `df` where every column holding a missing value shows it as `blank` (see the module doc).

    With `text`, such a column holds only strings (what a grid needs: one type per column).
    """
    out = df.copy()
    for name in out.columns:
        column = out[name]
        if not column.isna().any():
            continue
        whole = pd.api.types.is_float_dtype(column.dtype) and bool((column.dropna() % 1 == 0).all())
        out[name] = pd.Series(
            [_cell(v, blank, whole, text) for v in column.tolist()],
            index=out.index,
            dtype=object,
        )
    return out


def _cell(value: object, blank: str, whole: bool, text: bool) -> object:
    shown = blank if is_missing(value) else int(value) if whole else cell_text(value, blank)  # type: ignore[arg-type]
    return str(shown) if text else shown
