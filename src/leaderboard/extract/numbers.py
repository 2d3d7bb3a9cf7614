"""The number grammar: find numbers as written in abstracts, with their offsets and unit."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(
    r"""
    (?<![\w.\-/])                           # not inside a name like CIFAR-10 or GPT-4
    (?P<sign>[-\u2212+])?
    \$?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\$?
    (?P<unit>\s?(?:\\?%|percent\b|pp\b|points?\b)|\s?[x\u00d7](?![\w]))?
    """,
    re.VERBOSE,
)


_DIMENSION = re.compile(r"\s?[x\u00d7]\s?\d")
_DIMENSION_BEFORE = re.compile(r"\d\s?[x\u00d7]\s?$")


@dataclass(frozen=True, slots=True)
class Number:
    """A number in text: [start, end) covers its surface including an attached unit."""

    start: int
    end: int
    value: float
    unit: str | None

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _unit(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.strip().lstrip("\\")
    if raw in {"%", "percent"}:
        return "%"
    if raw in {"x", "\u00d7"}:
        return "x"
    if raw == "pp":
        return "pp"
    return "points"


def find_numbers(text: str) -> list[Number]:
    """Every number token in `text` that is not glued to a word (names like ResNet-50 are skipped)."""
    out = []
    for m in _NUMBER.finditer(text):
        end = m.end()
        if m.group("unit") and m.group("unit").strip() in {"x", "\u00d7"} and _DIMENSION.match(text, m.start("unit")):
            continue
        if m.end() < len(text) and (text[m.end()].isalpha() and not m.group("unit")):
            continue  # 7B, 120k, 3rd: a size or ordinal, not a measurement
        if _DIMENSION.match(text, m.end()) or _DIMENSION_BEFORE.search(text, 0, m.start()):
            continue  # 1024 x 1024: a resolution or shape
        try:
            value = float(m.group("num").replace(",", ""))
        except ValueError:
            continue
        if m.group("sign") in {"-", "\u2212"}:
            value = -value
        out.append(Number(m.start(), end, value, _unit(m.group("unit"))))
    return out
