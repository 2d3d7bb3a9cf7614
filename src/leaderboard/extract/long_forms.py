"""LONG-FORM-WITH-ACRONYM: "the extended Cohn-Kanade dataset (CK+)", "Street View House Numbers (SVHN)": a
benchmark written in full with its short form in parentheses right after it, both the same vocabulary entry, is one
mention. Its surface (`raw`) is the whole phrase, so the name as written keeps both forms (leaderboards name the
dataset either way); its canonical name is the entry's.
"""

from __future__ import annotations

import re

from leaderboard.extract.attribution import Span

_GAP = re.compile(r"\s*(?:(?:data\s?set|database|corpus|benchmark)\s*)?\(\s*")
_CLOSE = re.compile(r"\s*\)")


def join_long_forms(text: str, benches: list[Span]) -> list[Span]:
    """The benchmark mentions (in order) with each "Long Form (ACR)" pair of one entry joined into one mention."""
    if "(" not in text:
        return benches
    out: list[Span] = []
    for b in benches:
        prev = out[-1] if out else None
        if prev is not None and prev.entry is not None and b.entry is not None and prev.name == b.name:
            close = _CLOSE.match(text, b.end) if _GAP.fullmatch(text, prev.end, b.start) else None
            if close is not None:
                out[-1] = Span(prev.start, close.end(), prev.name, text[prev.start : close.end()], prev.entry)
                continue
        out.append(b)
    return out
