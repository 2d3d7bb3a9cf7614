"""LATEX-WRAPPED-NAME: a benchmark name written inside LaTeX markup, "$\\text{AlpacaEval}_{2.0}$".

The name index finds "AlpacaEval" inside the braces; the mention then covers the whole markup (so "on $\\text{X}$"
reads as "on X" and the subscript "2.0" is part of the name, not a number of its own), and a subscripted version
names the versioned entry when the vocabulary has one ("AlpacaEval 2.0").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leaderboard.extract.attribution import Span

_OPEN = re.compile(r"\$?\s*\\(?:text|mathrm|textbf|textit|texttt|textsc|mathbf|mathit|mathsf|operatorname)\s*\{\s*$")
_CLOSE = re.compile(r"\s*\}(?:\s*_\s*(?:\{(?P<sub>[^{}$]{1,12})\}|(?P<one>\w)))?\s*\$?")


def unwrap_latex(text: str, spans: list[Span], lookup: Callable, reach: int) -> list[Span]:
    """The spans with each LaTeX-wrapped mention widened to its markup (and its subscripted version); `reach`:
    window `latex_open_before`, how far before a mention its markup may open."""
    if "\\" not in text:
        return spans
    out = []
    for b in spans:
        opened = _OPEN.search(text, max(0, b.start - reach), b.start)
        closed = _CLOSE.match(text, b.end) if opened is not None else None
        if opened is None or closed is None or opened.end() != b.start:
            out.append(b)
            continue
        sub = closed.group("sub") or closed.group("one")
        entry = lookup(f"{b.raw} {sub.strip()}") if sub else None
        name, found = (entry.name, entry) if entry is not None else (b.name, b.entry)
        out.append(Span(opened.start(), closed.end(), name, text[opened.start() : closed.end()], found))
    return out


__all__ = ["unwrap_latex"]
