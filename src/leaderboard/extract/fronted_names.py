"""FRONTED-SLOT: an unknown name in a fronted "On X," phrase is the benchmark of the clause that follows.

"On Harbor Scenes segmentation, we reach 71.2 mIoU" or "On the QX-7 test set, the model scores 0.83": a sentence
(or a conjunct after "and"/";") that opens with "On", an optional "the", a capitalised or digit-bearing name of one
to four words, at most three lower-case task or split words and a comma, sets the benchmark slot of its clause. The
name is stored as written (benchmark_known = false). Numbers alone, methods, metrics, models, hardware, languages and
modalities are not names (the `exclude` callable and the grammar's hardware pattern).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leaderboard.extract.attribution import Span

_WORD = r"(?:[A-Z][\w\-'&+.]*[\w+]|[A-Za-z]*\d[\w\-.]*[\w]|[A-Z])"
_FRONTED = re.compile(
    rf"\b[Oo]n\s+(?:the\s+)?(?P<name>{_WORD}(?:[ \-]{_WORD}){{0,3}})"
    r"(?:\s+[a-z][a-z\-]*){0,3}\s*,\s"
)
_OPENERS = ("; ", " and ")  # a conjunct opens a clause too
_NUMERIC = re.compile(r"[\d.,\-]+")


def fronted_names(text: str, s0: int, s1: int, exclude: Callable[[str], bool], hardware: re.Pattern) -> list[Span]:
    """The FRONTED-SLOT names of one sentence (text[s0:s1]); the cheap test: an opening 'On' or a conjunct's 'on'."""
    if text.find("On ", s0, s1) < 0 and text.find("and on ", s0, s1) < 0 and text.find("; on ", s0, s1) < 0:
        return []
    out: list[Span] = []
    for m in _FRONTED.finditer(text[:s1], s0):
        name = m.group("name")
        if text[s0 : m.start()].strip() and not text[max(s0, m.start() - 5) : m.start()].endswith(_OPENERS):
            continue
        if _NUMERIC.fullmatch(name) or exclude(name) or hardware.search(name):
            continue
        out.append(Span(m.start("name"), m.end("name"), name, name))
    return out


__all__ = ["fronted_names"]
