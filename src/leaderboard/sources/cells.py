"""Reading one table cell as a number: "76.1%", "1,234", "85.3 ± 0.2", "23.5M", "~257M", "63.7*".

`parse_cell` returns a CellValue, or a NotANumber with the reason the cell cannot be read as one value.
Accepted around the number: a leading "~" or "≈" (qualifier "about"), a sign (also "−"), thousands commas,
an exponent, a magnitude suffix glued to the number (k, M/m, B/b, T: 23.5M = 23,500,000), a "%", a spread
("± 0.2", "+/- 0.2"), footnote marks (* † ‡ +) and a trailing parenthesised remark ("70.14 (measured by
...)"), kept as `note`. Refused: empty cells and placeholders ("-", "--", "?"), words ("Yes", "Elsner"),
several numbers in one cell ("93.0/90.7"), values marked uncertain ("43B?"), NaN and infinities.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_MAGNITUDE = {"k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "b": 1e9, "B": 1e9, "T": 1e12}
_CELL = re.compile(
    r"""
    ^(?P<approx>[~\u2248]\s*)?
    (?P<sign>[-\u2212+])?\s*
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+(?:\.\d*)?|\.\d+)
    (?P<exp>[eE][-+]?\d{1,3})?
    (?P<mag>[kKmMbBT](?![A-Za-z]))?
    \s*(?P<pct>%)?
    (?:\s*(?:\u00b1|\+/-|\+-)\s*(?P<spread>\d+(?:\.\d*)?|\.\d+)\s*%?)?
    \s*(?P<marks>[*\u2020\u2021+]+)?
    \s*(?:\((?P<note>[^()]*)\))?
    \s*$
    """,
    re.VERBOSE,
)
_PLAIN = re.compile(r"-?\d+(?:\.\d+)?")
_PLACEHOLDER = re.compile(r"^[-\u2212\u2013\u2014?*.\s/]*$")
_NUMBER_ANYWHERE = re.compile(r"\d+(?:[.,]\d+)?")


@dataclass(frozen=True, slots=True)
class CellValue:
    """A cell read as one number, with what was written around it."""

    value: float
    text: str  # the cell as written (stripped)
    unit: str | None = None  # "%" when written with a percent sign
    spread: float | None = None
    qualifier: str | None = None  # "about" for "~"
    note: str | None = None  # footnote marks and a parenthesised remark, as written


@dataclass(frozen=True, slots=True)
class NotANumber:
    """Why a cell is not one number."""

    reason: str
    text: str


def parse_cell(raw: object) -> CellValue | NotANumber:
    """Read a JSON/CSV cell (a string or a JSON number) as one number, or say why it is not one."""
    if isinstance(raw, bool) or raw is None:
        return NotANumber("empty cell" if raw is None else f"a boolean ({raw}), not a number", str(raw))
    if isinstance(raw, int | float):
        if not math.isfinite(raw):
            return NotANumber(f"not a finite number: {raw}", str(raw))
        return CellValue(float(raw), str(raw))
    if not isinstance(raw, str):
        return NotANumber(f"a JSON {type(raw).__name__}, not a number", str(raw)[:200])
    if _PLAIN.fullmatch(raw):  # the common case, "90.871"
        return CellValue(float(raw), raw)
    text = " ".join(raw.replace("\ufeff", "").replace("\u00a0", " ").split())
    m = _CELL.match(text)
    if m is None:
        return NotANumber(_why_not(text), text)
    value = float(m.group("num").replace(",", "") + (m.group("exp") or ""))
    if m.group("mag"):
        if m.group("pct"):
            return NotANumber("a magnitude suffix and a percent sign together", text)
        value *= _MAGNITUDE[m.group("mag")]
    if m.group("sign") in {"-", "\u2212"}:
        value = -value
    if not math.isfinite(value):
        return NotANumber("number out of range", text)
    spread = float(m.group("spread")) if m.group("spread") else None
    note_parts = [m.group("marks"), f"({m.group('note')})" if m.group("note") is not None else None]
    note = " ".join(p for p in note_parts if p) or None
    return CellValue(value, text, "%" if m.group("pct") else None, spread, "about" if m.group("approx") else None, note)


def _why_not(text: str) -> str:
    if not text:
        return "empty cell"
    if _PLACEHOLDER.match(text):
        return f"placeholder {text!r}, no value"
    if text.endswith("?") and _NUMBER_ANYWHERE.search(text):
        return f"value marked uncertain: {text!r}"
    if len(_NUMBER_ANYWHERE.findall(text)) > 1:
        return f"several numbers in one cell: {text!r}"
    if not _NUMBER_ANYWHERE.search(text):
        return f"not a number: {text!r}"
    return f"not a number as written: {text!r}"
