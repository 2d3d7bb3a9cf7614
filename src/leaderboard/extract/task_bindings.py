"""TASK-BINDING: a sentence that binds datasets to tasks lets later per-task values take the bound dataset.

"Two corpora are used: A for relation extraction and B for entity typing. Relation extraction reaches 61.0% F1 and
entity typing 88.2%": the second sentence names no dataset, but each of its values sits next to a task the first
sentence bound to one. Bindings are read from the number-free sentences before the value's sentence, in two shapes:
"<name> for <task>" and "For <task>, we use <name>" (one name in that clause). They count only when the abstract
binds at least two different datasets this way, and never a task word that is a role of the data instead
("for training", "for evaluation": grammar kind `not_a_task`).

In the value's sentence a task phrase belongs to the number after it ("Relation extraction reaches 61.0%", "for
entity typing the F1 is 88.2"), unless it is a prepositional phrase right behind a number ("61.0 F1 in relation
extraction and ..."): then it is that number's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from leaderboard.extract.attribution import Span
from leaderboard.extract.vocab import norm_key

_STOP = r"(?=\s*(?:[,;:.()]|$)|\s+(?:and|or|while|whereas|but|as|with|which|respectively|we|our|is|are)\b)"
_TASK = r"(?P<task>[\w\-]+(?:\s+[\w\-]+){0,3}?)"
_NAME_FOR = re.compile(rf"\s+for\s+(?:the\s+)?(?:task\s+of\s+)?{_TASK}{_STOP}")
_FOR_FIRST = re.compile(rf"\s*[Ff]or\s+(?:the\s+)?{_TASK}\s*(?:,|(?=\s+we\b))")
_NAME_THEN_FOR = re.compile(r"[A-Z0-9][\w\-.]*\)?\s+for\s")  # a name (capitalised or digit-bearing) before "for"
_FOR_WORD = re.compile(r"\sfor\s")  # inside every match of _NAME_THEN_FOR: one pass, no backtracking over names
_OWN_PREP = re.compile(r"(?:\s*%)?(?:\s+[\w@\-]+){0,3}?\s+(?:in|for|on)\s+(?:the\s+)?")


@dataclass(frozen=True, slots=True)
class Binding:
    """One task phrase (lower-case, single-spaced) and the dataset a sentence bound it to."""

    task: str
    name: Span


def bindings(
    text: str, windows: list[tuple[int, int]], names_in: Callable[[tuple[int, int]], list[Span]], stop: Collection[str]
) -> list[Binding]:
    """The task bindings of the number-free sentences `windows` (empty unless two datasets are bound)."""
    hits = [(w, _names_then_for(text, *w) + _clauses_for(text, *w)) for w in windows]
    if sum(n for _, n in hits) < 2:
        return []  # cheap test first: two bindings need two "<Name> for" or "For <task>," in the sentences
    out: list[Binding] = []
    for window, n in hits:
        w0, w1 = window
        if not n:
            continue
        names = names_in(window)
        for b in names:  # "<name> for <task>"
            m = _NAME_FOR.match(text, b.end, w1)
            if m is not None:
                _add(out, m.group("task"), b, stop)
        for c0 in _clause_starts(text, w0, w1):  # "For <task>, we use <name>"
            m = _FOR_FIRST.match(text, c0, w1)
            if m is None:
                continue
            clause_end = text.find(";", m.end(), w1)
            after = [b for b in names if m.end() <= b.start < (w1 if clause_end < 0 else clause_end)]
            if len(after) == 1:
                _add(out, m.group("task"), after[0], stop)
    return out if len({norm_key(b.name.name) for b in out}) >= 2 else []


def _names_then_for(text: str, w0: int, w1: int) -> int:
    """How many "<Name> for" the sentence holds (none without a word "for": the cheap test first)."""
    return len(_NAME_THEN_FOR.findall(text, w0, w1)) if _FOR_WORD.search(text, w0, w1) else 0


def _clauses_for(text: str, w0: int, w1: int) -> int:
    """How many clauses of the sentence open with "For <task>," (a cheap count before the names are looked up)."""
    if text.find("or ", w0, w1) < 0:
        return 0
    return sum(1 for c0 in _clause_starts(text, w0, w1) if _FOR_FIRST.match(text, c0, w1))


def _clause_starts(text: str, w0: int, w1: int) -> list[int]:
    """The sentence start and every position after a semicolon."""
    out, at = [w0], text.find(";", w0, w1)
    while at >= 0:
        out.append(at + 1)
        at = text.find(";", at + 1, w1)
    return out


def _add(out: list[Binding], task: str, name: Span, stop: Collection[str]) -> None:
    words = task.lower().split()
    if words and not any(w in stop for w in words) and len(task) >= 3:
        out.append(Binding(" ".join(words), name))


def bound_per_number(
    text: str, s0: int, s1: int, starts: list[tuple[int, int]], found: list[Binding]
) -> dict[int, Span]:
    """Number start -> the dataset of the task phrase that belongs to it, in the sentence [s0, s1); `starts` holds
    the (start, end) of the sentence's numbers in order."""
    out: dict[int, Span] = {}
    if not found or not starts:
        return out
    low = text[s0:s1].lower()
    for bind in found:
        pattern = r"(?<![\w\-])" + r"\s+".join(map(re.escape, bind.task.split())) + r"(?![\w\-])"
        for m in re.finditer(pattern, low):
            at, end = s0 + m.start(), s0 + m.end()
            before = [n for n in starts if n[1] <= at]
            if before and _OWN_PREP.fullmatch(text, before[-1][1], at):
                owner = before[-1][0]  # "61.0 F1 in relation extraction": the number before
            else:
                owner = next((n[0] for n in starts if n[0] >= end), -1)
            if owner >= 0:
                out.setdefault(owner, bind.name)
    return out


__all__ = ["Binding", "bindings", "bound_per_number"]
