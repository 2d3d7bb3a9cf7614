"""Written precision: how exactly a number is known from the way it is written.

"92.0" is 92.0 +- 0.05, "92" is 92 +- 0.5, "24M" is 24,000,000 +- 500,000, "1.5e-3" is 0.0015 +- 0.00005,
"85.3 ± 0.2" is 85.3 +- 0.05 (the spread is the paper's uncertainty, not the writing's). This is the one
implementation: a result's `value_half_ulp` is computed from its `value_text` when the row is made
(extraction, import, curation), and the conflict view (store/views.sql), the ranking's ties
(rank/comparisons.py) and the gold matcher (extract/matching.py) read it.

`half_ulp(text, value)` is half a unit in the last written digit of the first number in `text`. Given the
row's `value`, it is on the scale of that value: the written number's half unit times value / written number,
so a suffix or sign that scaled the value (k, M, B, T, %, an exponent; "24M" stored as 24 or as 24e6, "92.0%"
stored as 92.0 or 0.92, "3/4" stored as 0.75) scales the precision the same way. Without a value (or when the
written number is 0), the half unit is on the written scale: magnitude suffixes and exponents applied,
"%" left as percentage points. A text with no number has precision 0 (such values agree only when equal).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import numpy as np

# The first number: digits with thousands commas, decimals, an exponent, and a glued magnitude suffix.
_LEAD = re.compile(
    r"(?P<int>\d[\d,]*)?(?:\.(?P<dec>\d*))?(?<=\d)(?:[eE](?P<exp>[-+]?\d+))?(?P<mag>[kKmMbBT](?![A-Za-z]))?"
)
_START = re.compile(r"\.?\d")
MAGNITUDE = {"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9, "T": 1e12}


@lru_cache(maxsize=4096)
def written_precision(text: str) -> tuple[float, float]:
    """(half a unit in the last written digit, the written number), both on the written scale; (0, 0) when
    `text` holds no number. "24M" -> (500000.0, 24000000.0), "92.0%" -> (0.05, 92.0), "2e-3" -> (0.0005, 0.002)."""
    start = _START.search(text)
    if start is None:
        return 0.0, 0.0
    m = _LEAD.match(text, start.start())
    if m is None:  # pragma: no cover - _START guarantees a digit, which _LEAD always matches
        return 0.0, 0.0
    digits = (m.group("int") or "0").replace(",", "")
    decimals = m.group("dec") or ""
    exponent = max(-300, min(300, int(m.group("exp") or 0)))  # no overflow on "1e999"
    scale = MAGNITUDE.get(m.group("mag") or "", 1.0) * 10.0**exponent
    number = float(f"{digits}.{decimals or 0}") * scale
    return 0.5 * 10.0 ** -len(decimals) * scale, number


def half_ulp(text: str | None, value: float | None = None) -> float:
    """Half a unit in the last written digit of the first number in `text`, on the scale of `value` if given.

    half_ulp("92.0") == 0.05, half_ulp("24M") == 5e5, half_ulp("24M", 24.0) == 0.5, half_ulp("3/4", 0.75) == 0.125.
    """
    half, number = written_precision(text or "")
    if value is None or number == 0 or value != value:
        return half
    return half * (abs(value) / number)


def half_ulps(texts: Iterable[str | None], values: Sequence[float] | np.ndarray | None = None) -> np.ndarray:
    """`half_ulp` of many rows at once (each distinct text is read once)."""
    found = [written_precision(t if isinstance(t, str) else "") for t in texts]
    half = np.array([h for h, _ in found], dtype=float)
    if values is None:
        return half
    number = np.array([n for _, n in found], dtype=float)
    value = np.abs(np.asarray(values, dtype=float))
    return half * np.divide(value, number, out=np.ones_like(half), where=(number != 0) & ~np.isnan(value))
