"""ELLIPTIC-LANGUAGE-PAIR: a bare language pair after a name ending in one is that name's pair.
ELLIPTIC-PART-LABEL: a part label after a name ("ShanghaiTech Part A, Part B") names a part of that dataset.

"29.8 and 42.3 BLEU on WMT14 En-De, En-Fr", "28.1 on WMT19 De-En and 31.0 on Fr-En": translation benchmarks are
written once with their stem ("WMT14", "IWSLT17") and a language pair; the next pairs of the sentence drop the
stem. A bare pair (two capitalised two- or three-letter language codes joined by "-", "→" or "->") after such a
name, either already captured as an unknown name or coordinated right after it, takes the stem of the last such
name before it ("WMT14 En-Fr"; the vocabulary entry when there is one, else as written with the stem,
benchmark_known = false).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leaderboard.extract.attribution import Span
from leaderboard.extract.names import elliptic_names
from leaderboard.extract.vocab import NameIndex

_CODE = r"[A-Z][a-z]{1,2}"  # a language code: "En", "De", "Zho"
_PAIR = re.compile(rf"{_CODE}\s?(?:-|–|→|->)\s?{_CODE}")
_STEM_PAIR = re.compile(rf"(?P<stem>\S.*?)[\s\-_]+(?P<pair>{_CODE}\s?(?:-|–|→|->)\s?{_CODE})")
_ID = r"(?:[A-Z]|[IVX]{1,4}|\d{1,2})(?![\w\-])"  # a part's letter, Roman numeral or number
_LABEL = re.compile(rf"\s+(?P<label>(?P<head>[A-Z][a-z]{{2,8}})\s+{_ID})")
_NEXT_LABEL = re.compile(rf"\s*(?:,\s*and|,|and|&)\s+(?P<label>(?P<head>[A-Z][a-z]{{2,8}})\s+{_ID})")
_NEXT_PAIR = re.compile(rf"\s*(?:,\s*and|,|and|&)\s+(?P<pair>{_PAIR.pattern})(?![\w\-])")


def sentence_names(
    text: str, benchmarks: NameIndex, names: list[Span], s1: int, heads: dict | None = None
) -> list[Span]:
    """The sentence's names (sorted) with its elliptic ones: bare numbers after a name ending in one ("TREC DL 2019
    and 2020", names.py), bare language pairs after a name ending in one ("WMT14 En-De, En-Fr") and part labels
    (grammar `part_label` `heads`) after a name ("Foo Part A, Part B")."""
    names = sorted(names + elliptic_names(text, benchmarks, names, s1), key=lambda b: b.start)
    if heads and names:
        names = part_labels(text, benchmarks.lookup, names, s1, heads)
    return elliptic_pairs(text, benchmarks.lookup, names, s1)


def part_labels(text: str, lookup: Callable, names: list[Span], s1: int, heads: dict) -> list[Span]:
    """ELLIPTIC-PART-LABEL: a name written right before a part label (a grammar `part_label` head word and a letter,
    Roman numeral or number: "Harbor-Count Part A", "Dune Track 2") is the name of that part, and bare labels of the
    same head coordinated right after it ("..., Part B and Part C") are the same dataset's other parts (the
    vocabulary entry when there is one, else as written with the stem, benchmark_known = false)."""
    out: list[Span] = []
    done: set[int] = set()  # starts of the bare labels given their stem (an open-name capture of "Part B" too)
    for b in names:
        m = _LABEL.match(text, b.end, s1) if b.start >= 0 and b.start not in done else None
        if m is None or m.group("head").lower() not in heads or any(o.start == m.start("head") for o in names):
            if b.start not in done:
                out.append(b)
            continue
        stem, head = b.raw, m.group("head")
        out.append(_stemmed(lookup, stem, b.start, m.end(), text[b.start : m.end()]))
        pos = m.end()
        while (n := _NEXT_LABEL.match(text, pos, s1)) is not None and n.group("head") == head:
            at, end = n.span("label")
            if any(o.start < end and at < o.end and not (o.entry is None and o.raw == n.group("label")) for o in names):
                break  # already a name of its own
            done.add(at)
            out.append(_stemmed(lookup, stem, at, end, n.group("label")))
            pos = end
    return sorted(out, key=lambda b: b.start)


def elliptic_pairs(text: str, lookup: Callable, names: list[Span], s1: int) -> list[Span]:
    """The sentence's names (sorted by start) with bare pairs given the stem before them, and the coordinated bare
    pairs right after a stemmed name that no name covers yet."""
    if len(names) < 1 or not any(b.entry is not None and _STEM_PAIR.fullmatch(b.raw) for b in names):
        return names
    out: list[Span] = []
    stem = None
    for b in names:
        m = _STEM_PAIR.fullmatch(b.raw) if b.entry is not None else None
        if m is not None:
            stem = m.group("stem")
            out.append(b)
            out += _coordinated(text, lookup, stem, b.end, s1, names)
        elif stem is not None and b.entry is None and b.start >= 0 and _PAIR.fullmatch(b.raw):
            out.append(_stemmed(lookup, stem, b.start, b.end, b.raw))
        else:
            out.append(b)
    return sorted(out, key=lambda b: b.start)


def _coordinated(text: str, lookup: Callable, stem: str, pos: int, s1: int, names: list[Span]) -> list[Span]:
    """ "WMT14 En-De, En-Fr and En-Ro": the bare pairs coordinated right after the stemmed name."""
    out: list[Span] = []
    while (m := _NEXT_PAIR.match(text, pos, s1)) is not None:
        start, end = m.span("pair")
        if any(b.start < end and start < b.end for b in names):
            break  # already a name: the loop over the names gives it its stem
        out.append(_stemmed(lookup, stem, start, end, m.group("pair")))
        pos = end
    return out


def _stemmed(lookup: Callable, stem: str, start: int, end: int, pair: str) -> Span:
    name = pair if pair.startswith(stem) else f"{stem} {pair}"
    entry = lookup(name)
    return Span(start, end, entry.name if entry else name, pair, entry)


__all__ = ["elliptic_pairs", "part_labels", "sentence_names"]
