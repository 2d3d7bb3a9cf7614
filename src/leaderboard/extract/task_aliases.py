"""AMBIGUOUS-NAME-BY-TASK: a name two fields use for different data is the benchmark of the field whose task words the
abstract uses. "WSJ" is the Wall Street Journal speech corpus in speech recognition, but in parsing and tagging it is
the Penn Treebank's WSJ sections ("91.8 F1 on the WSJ benchmark" in a constituency parser's abstract).

Grammar kind `alias_by_task`: phrase = the name as the vocabulary matches it, value = "<benchmark>: <cue> <cue> ...",
cues being task words (a trailing `*` matches any ending). A mention of the name whose abstract holds one of the cues
takes that benchmark; without a cue it keeps the vocabulary's reading.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from leaderboard.extract.attribution import Span


def by_task(text: str, benches: list[Span], rows: dict[str, str], lookup: Callable) -> list[Span]:
    """The mentions, with each ambiguous name read as the benchmark its abstract's task words point to."""
    out = []
    for b in benches:
        rule = rows.get(b.raw.lower())
        target = _target(rule, text) if rule else None
        entry = lookup(target) if target else None
        out.append(Span(b.start, b.end, entry.name, b.raw, entry, b.bare) if entry is not None else b)
    return out


def _target(rule: str, text: str) -> str | None:
    name, _, cues = rule.partition(":")
    return name.strip() if _cue_pattern(cues).search(text) else None


@functools.lru_cache(maxsize=32)
def _cue_pattern(cues: str) -> re.Pattern:
    words = [re.escape(c.rstrip("*")) + (r"[\w\-]*" if c.endswith("*") else "") for c in cues.split()]
    return re.compile(rf"(?<![\w\-])(?:{'|'.join(words) or '(?!x)x'})(?![\w\-])", re.IGNORECASE)


__all__ = ["by_task"]
