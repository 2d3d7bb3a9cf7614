"""Sentence boundaries with offsets (abbreviation- and decimal-aware, no model).

A boundary is [.!?] followed by space and an upper-case letter, digit-free opener or bracket, unless the word
before is an abbreviation ("e.g.", "et al.", "Fig."). PDF-extracted text often glues sentences
("accuracy.The model"): a period between a lower-case word and a capitalised word also ends a sentence.
"""

from __future__ import annotations

import re

# a sentence-ending mark and what follows it: the boundary is right after the mark, the next sentence starts at
# the match's end (one pass in C instead of trying each mark from Python)
_BOUNDARY = re.compile(r"[.!?](?:\s+(?=[A-Z(\[\"'\u201c])|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z]{2,}\b))")
_ABBREVIATIONS = (
    *("e.g", "i.e", "et al", "etc", "vs", "cf", "Fig", "Figs", "Eq", "Eqs", "Sec", "Tab", "approx", "resp", "No"),
    *("Dr", "Mr", "Ms", "Prof", "St", "al", "viz", "incl"),
)
_ABBREV = re.compile(r"(?:\b(?:" + "|".join(a.replace(".", r"\.") for a in _ABBREVIATIONS) + r")\.)$", re.IGNORECASE)
# what an _ABBREV match ends with, lower-cased: a C-level `endswith` test before the search (in ASCII text, where
# lower-casing is IGNORECASE's folding; other text is searched)
_ABBREV_ENDS = tuple(a.lower() + "." for a in _ABBREVIATIONS)
# _BOUNDARY once per mark: a pattern that opens with one literal character is scanned for it like `memchr`
# (a few instructions a character), one that opens with a set calls the set test at every character (~40)
_MARK_BOUNDARY = tuple((c, re.compile(re.escape(c) + _BOUNDARY.pattern[len("[.!?]") :])) for c in ".!?")


def _boundaries(text: str) -> list[re.Match[str]]:
    """The matches of `_BOUNDARY.finditer(text)`: each holds one mark, at its start, and only spaces after it, so
    the matches of the three one-mark patterns, merged by position, are the same."""
    found = [m for c, pattern in _MARK_BOUNDARY if c in text for m in pattern.finditer(text)]
    if "!" in text or "?" in text:
        found.sort(key=_start)
    return found


def _start(m: re.Match[str]) -> int:
    return m.start()


def _abbreviation(text: str, pos: int, end: int) -> bool:
    """`_ABBREV.search(text, pos, end)`: whether text[pos:end] ends with an abbreviation and its period."""
    tail = text[pos:end]
    if tail.isascii() and not tail.lower().endswith(_ABBREV_ENDS):
        return False
    return _ABBREV.search(text, pos, end) is not None


def split_sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of the sentences of `text`, covering every non-space character."""
    spans, start = [], 0
    for m in _boundaries(text):
        end = m.start() + 1
        # _ABBREV ends in a period: "!" and "?" end a sentence without the look-up
        if end <= start or (text[end - 1] == "." and _abbreviation(text, max(start, end - 8), end)):
            continue
        spans.append((start, end))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text.rstrip())))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
