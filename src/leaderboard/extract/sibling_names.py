"""Open-vocabulary benchmark names as members of a list whose other members are known benchmarks.

Rules:
- LIST-SIBLING: in a coordinated list of name-value items ("A (v1), B (v2) and C (v3)", "A to v1, B to v2 and C to
  v3", "v1 on A, v2 on B and v3 on C", "to v1 on A, to v2 on B", "v1 (A), v2 (B) and v3 (C)", "A (Dice v1), ...",
  and bare "A v1, B v2 and C v3" with measured values) where another item is a known benchmark, an unknown item
  with a capitalised or digit-bearing head is a benchmark too (benchmark_known = false; never mapped to a nearby
  known name).
- NAME-LIST-SIBLING: "on UrbanSound8K, ESC-50 and FSD-Kaggle": in a coordinated list of names after "on", "across",
  "using" or "including" where one member is a known benchmark, the unknown members with a capitalised or
  digit-bearing head are benchmarks too.
- MODIFIED-MEMBER: a member of either list may carry an article and up to two lower-case modifiers ("74.5% on the
  in-house X set", "A and the held-out B"): they are not part of its name.
Hardware, methods, metrics, task names and the paper's own method are not benchmarks (the `exclude` callable).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leaderboard.extract.attribution import Span

# `*+`: a digit follows the letters, so giving letters back never helps (same matches, no backtracking)
_WORD = r"(?:[A-Z][\w\-'&+.]*[\w+]|[A-Za-z]*+\d[\w\-.]*[\w]|[A-Z])"
_NAME = rf"(?P<name>{_WORD}(?:[ \-]{_WORD}){{0,4}})"
_NUM = r"[+\-]?\d[\d,]*(?:\.\d+)?\s*%?"
# MODIFIED-MEMBER: "the in-house", "a private", "the held-out" before a member's name (never a function word)
_FN = r"(?:of|and|or|to|in|on|for|with|by|at|from|than|as)(?![\w\-])"
_MODS = rf"(?:(?:the|a|an)\s+(?:(?!{_FN})[a-z][a-z\-]+\s+){{0,2}})"
_ITEM_PAREN = re.compile(rf"{_NAME}\s*\(\s*(?:[A-Za-z\-@ ]{{0,12}}[:=]?\s*)?{_NUM}[^()]{{0,12}}\)")
_ITEM_NUM_PAREN = re.compile(rf"{_NUM}\s*\(\s*(?:on\s+|the\s+)?{_NAME}\s*\)")
_ITEM_TO = re.compile(rf"{_NAME}(?:\s+(?:to|at|of|with)|\s*:)\s+{_NUM}")  # "A to 0.81", "A: 0.81"
_SPREAD = r"(?:\s*(?:±|\+/-)\s*\d[\d,]*(?:\.\d+)?\s*%?)?"  # "71.8 ± 1.2 on A": the spread is the value's
_ITEM_ON = re.compile(rf"{_NUM}{_SPREAD}(?:\s+[A-Za-z@\-]+){{0,2}}?\s+(?:on|for|in)\s+{_MODS}?{_NAME}")
# a bare "Name 92.4" item: the value is measured (decimals or %), so "ResNet 50" or "Task 3" is none
_ITEM_BARE = re.compile(rf"{_NAME}\s+(?:\d[\d,]*\.\d+\s*%?|\d+\s*%)(?![\w.]?\d)")
_PAREN_NUM = re.compile(r"\(\s*(?:[A-Za-z\-@ ]{0,12}[:=]?\s*)?[+\-]?\d")
_NUM_PAREN = re.compile(r"\d\s*%?\s*\(\s*(?:on\s+|the\s+)?[A-Z0-9]")
_TO_NUM = re.compile(r"(?:\s(?:to|at|of|with)|:)\s+[+\-]?\d")
_NUM_ON = re.compile(r"\d\s*%?(?:\s+[A-Za-z@\-]+){0,2}?\s+(?:on|for|in)\s")
_BARE_NUM = re.compile(r"[A-Z][\w\-]*\s+\d+(?:\.\d+|\s*%)")  # a capitalised word right before a measured value
_JOIN = re.compile(  # a member's lower-case head word may end it ("on the X graph and 88.1% on Y")
    r"(?:\s+[a-z][a-z\-]*)?\s*(?:,\s*(?:and|or|as well as)?|;|\band\b|\bor\b|\bas well as\b)\s*(?:(?:to|by|at)\s+)?"
    rf"(?:(?:on|for|in)\s+)?{_MODS}?$"
)
_LIST_WORD = rf"(?:{_WORD}|[a-z]+[A-Z][\w\-]*)"  # "iSAID", "nuScenes" too
_LIST_ITEM = rf"{_MODS}?{_LIST_WORD}(?:[ \-]{_LIST_WORD}){{0,3}}"
_NAME_LIST = re.compile(
    rf"\b(?i:on|across|using|including|over)\s+(?P<list>{_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*"
    rf"\s*,?\s+(?:and|or|as well as)\s+{_LIST_ITEM})"
)
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+|as\s+well\s+as\s+)?|\s+(?:and|or|as\s+well\s+as)\s+")
_LEADING_MODS = re.compile(rf"{_MODS}")
_MEASURE = re.compile(rf"{_NUM}(?:\s|$)")  # "63.2 AP": a measured number, not a list member
# "X Part A, ...": a part label after a name (pair_names.py ELLIPTIC-PART-LABEL) may stand before the coordinator
_JOINED_AFTER = re.compile(
    r"(?:\s+[A-Z][a-z]{2,8}\s+(?:[A-Z]|[IVX]{1,4}|\d{1,2})(?![\w\-]))?\s*(?:,|\band\b|\bor\b|\bas well as\b)"
)
_JOINED_BEFORE = re.compile(r"(?:,|\band|\bor|\bas well as)\s+(?:the\s+)?$")
# "Transformer-based", "Adam-trained", "CNNs": a hyphenated modifier or a plural acronym is no dataset name
_MODIFIER = re.compile(r"\S*-[a-z]+|[A-Z][A-Z\d]+s")
_VERSION = re.compile(r"(?:[vV](?:er\.?|ersion)?\s?)?\d[\d.]*|[A-Z]")  # "V2": a version of the name before
_STOP = frozenset({"The", "A", "An", "On", "In", "For", "Our", "We", "This", "It", "Its", "With", "And", "Both"})
_ITEMS_OF = (
    (_ITEM_PAREN, _PAREN_NUM),
    (_ITEM_TO, _TO_NUM),
    (_ITEM_ON, _NUM_ON),
    (_ITEM_NUM_PAREN, _NUM_PAREN),
    (_ITEM_BARE, _BARE_NUM),
)


def siblings(text: str, s0: int, s1: int, known: list[Span], exclude: Callable, hardware: re.Pattern) -> list[Span]:
    """LIST-SIBLING, then NAME-LIST-SIBLING when a known name of the sentence stands in a list."""
    found = list_siblings(text, s0, s1, known, exclude, hardware)
    if any(_in_list(text, t, s0, s1) for t in (*known, *found) if s0 <= t.start < s1 and t.entry is not None):
        found += name_list_siblings(text, s0, s1, [*known, *found], exclude, hardware)
    return found


def _in_list(text: str, k: Span, s0: int, s1: int) -> bool:
    """A cheap test: a name joined to a neighbour by a comma or a coordinator."""
    return bool(_JOINED_AFTER.match(text, k.end, s1) or _JOINED_BEFORE.search(text, max(s0, k.start - 16), k.start))


def name_list_siblings(
    text: str, s0: int, s1: int, known: list[Span], exclude: Callable, hardware: re.Pattern
) -> list[Span]:
    """NAME-LIST-SIBLING: the unknown members of a coordinated name list that has a known benchmark member."""
    out: list[Span] = []
    for m in _NAME_LIST.finditer(text, s0, s1):
        items, pos = [], m.start("list")
        for part in _LIST_SPLIT.split(m.group("list")):
            at = text.find(part, pos)
            items.append((at, part))
            pos = at + len(part)
        has = [any(k.entry is not None and k.start < at + len(p) and at < k.end for k in known) for at, p in items]
        if not any(has):
            continue
        for (at, part), is_known in zip(items, has, strict=True):
            start, name = trim_name(at, part)
            if is_known or name is None or any(k.start < start + len(name) and start < k.end for k in known):
                continue
            if _VERSION.fullmatch(name) or _MEASURE.match(name) or _MODIFIER.fullmatch(name):
                continue
            if exclude(name) or hardware.search(name):
                continue
            out.append(Span(start, start + len(name), name, name))
    return out


def list_siblings(
    text: str, s0: int, s1: int, known: list[Span], exclude: Callable, hardware: re.Pattern
) -> list[Span]:
    """LIST-SIBLING: unknown members of a coordinated name-value list whose other members are known benchmarks."""
    out: list[Span] = []
    sentence = text[s0:s1]
    for pattern, anchor in _ITEMS_OF:
        if len(anchor.findall(sentence)) < 2:  # cheap test first: a list needs two items
            continue
        items = list(pattern.finditer(text, s0, s1))
        groups: list[list[re.Match]] = []
        for m in items:
            if groups and _JOIN.match(text, groups[-1][-1].end(), m.start()):
                groups[-1].append(m)
            else:
                groups.append([m])
        for group in groups:
            if len(group) < 2:
                continue
            spans = [(trim_name(m.start("name"), m.group("name")), m) for m in group]
            is_known = [any(k.start < st + len(nm) and st < k.end for k in known) for (st, nm), _ in spans if nm]
            if not any(is_known):
                continue
            for (st, nm), _m in spans:
                if nm is None or any(k.start < st + len(nm) and st < k.end for k in known):
                    continue
                if _VERSION.fullmatch(nm) or exclude(nm) or hardware.search(nm):
                    continue
                out.append(Span(st, st + len(nm), nm, nm))
    return dedupe_spans(out)


def trim_name(start: int, name: str, modifiers: bool = True) -> tuple[int, str | None]:
    """Drop lower-case modifiers (with `modifiers`) and sentence-opening function words ("On", "The") from a captured
    name; None when what is left is no name."""
    mods = _LEADING_MODS.match(name) if modifiers else None
    if mods is not None:
        start, name = start + mods.end(), name[mods.end() :]
    words = name.split(" ")
    while words and words[0] in _STOP:
        start += len(words[0]) + 1
        words = words[1:]
    rest = " ".join(words)
    return start, (rest if len(rest) >= 2 and any(c.isalpha() for c in rest) else None)


def dedupe_spans(spans: list[Span]) -> list[Span]:
    """The spans in order, each dropped that starts inside one kept before it (the longest at a start wins)."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not any(o.start <= s.start < o.end for o in out):
            out.append(s)
    return out


__all__ = ["dedupe_spans", "list_siblings", "name_list_siblings", "siblings", "trim_name"]
