"""Attribution: the spans, phrases and clause bounds the rules use to find a number's benchmark and metric.

All functions work on the abstract with absolute offsets and a sentence window [s0, s1). Names come from the
vocabulary (known) or from the grammar ("on the FooBar dataset": unknown, `known=False`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from leaderboard.extract.grammar import NO_WORDS, Grammar
from leaderboard.extract.numbers import Number
from leaderboard.extract.vocab import Entry, Mention
from leaderboard.extract.windows import Windows

_FILLER_BEFORE = re.compile(
    r"^\s*(?:\([^()]{1,30}\)\s*)?(?:(?:score|scores|value|rate|measure|metric)\s*)?"
    r"(?:(?:of|=|:|is|was|are|were|at|reaches|reached|achieves|achieved|to|by|from|around|about|of\s+about|"
    r"improved\s+to|increased\s+to|reduced\s+to|up\s+to|as\s+high\s+as|as\s+low\s+as|only)\s*){0,2}"
    r"(?:an?\s+|~|\u223c|\u2248)?\s*[(\[]?\s*\$?\s*$",
    re.IGNORECASE,
)
_FILLER_AFTER = re.compile(
    r"^\s*(?:\(?\s*[+\u00b1]\s*\d+(?:\.\d+)?\s*%?\s*(?=\)))?(?:\)\s*)?(?:%\s*)?(?:(?:absolute|relative|mean|average|avg\.?|overall|higher|lower|in|of|better|improvement|"
    r"gains?|increase|reduction|boost|points?|pts|pp)\s+){0,2}$",
    re.IGNORECASE,
)
_IN_TERMS_OF = re.compile(r"\s*\)?\s*in\s+terms\s+of\s+(?:the\s+)?", re.IGNORECASE)
_BEFORE_ON = re.compile(
    r"\b(?:on|in|for|at|of|over|across|using|from|under|with)\s+(?:the\s+)?(?:[a-z][\w\-/]*\s+){0,2}$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class Span:
    """A benchmark, metric or method mention: offsets, canonical name, surface text, and whether it is known."""

    start: int
    end: int
    name: str
    raw: str
    entry: Entry | None = None
    bare: bool = False  # an unknown name only a preposition marks ("on FooBar"), no head word ("the FooBar dataset")

    @property
    def known(self) -> bool:
        return self.entry is not None


_JOIN_GAP = re.compile(r"\s*\(?\s*")  # compiled at import: the loop never compiles
_OF_GAP = re.compile(r"\s+of\s+")


def spans_from_mentions(text: str, mentions: list[Mention]) -> list[Span]:
    return [Span(m.start, m.end, m.entry.name, text[m.start : m.end], m.entry) for m in mentions]


def merge_adjacent(text: str, spans: list[Span], w: Windows) -> list[Span]:
    """Join metric mentions written side by side ("mIoU accuracy", "average precision (AP)"): first one names it."""
    out: list[Span] = []
    for sp in spans:
        if out:
            gap = text[out[-1].end : sp.start]
            if _JOIN_GAP.fullmatch(gap) and (sp.start - out[-1].end) <= w.metric_join_gap:
                prev = out[-1]
                end = sp.end + (1 if text[sp.end : sp.end + 1] == ")" and "(" in gap else 0)
                out[-1] = Span(prev.start, end, prev.name, text[prev.start : end], prev.entry)
                continue
        out.append(sp)
    return out


# r"(?:\bof|=|:|\bis|\bwas|\breaches)\s*...", opening with the set of first characters (which `re` skips to) and
# the word-start guard after the letter
_LINK_END = re.compile(
    r"[o=:iwr](?:(?<=o)(?<!\w.)f|(?<=[=:])|(?<=i)(?<!\w.)s|(?<=w)(?<!\w.)as|(?<=r)(?<!\w.)eaches)"
    r"\s*(?:\w+\s+){0,2}?[(\[]?\$?\s*$"
)
_PHRASE_STOP = frozenset(
    [
        "of",
        "and",
        "the",
        "for",
        "with",
        "to",
        "on",
        "in",
        "at",
        "by",
        "or",
        "a",
        "an",
        "is",
        "are",
        "was",
        "were",
        "than",
        "this",
        "that",
        "our",
        "its",
        "having",
        "being",
    ]
)


def generic_head(grammar: Grammar, phrase: str) -> bool:
    """Whether the phrase is a lone generic measure noun (grammar kind `generic_metric_head`: "score", "value"):
    it names no metric of its own."""
    return phrase.lower() in grammar.words.get("generic_metric_head", NO_WORDS)


def capture_metric(text: str, num: Number, s0: int, grammar: Grammar, generic: bool = False) -> Span | None:
    """A metric phrase outside the vocabulary right before the number: "an R-precision of 0.22"; a lone generic
    head ("score") only with `generic`."""
    reach = max(s0, num.start - Windows.read(grammar, "metric_phrase_before"))
    before = text[reach : num.start]
    if not _LINK_END.search(before[-Windows.read(grammar, "metric_link_before") :]):
        return None  # cheap test first: the phrase must end in "of", "=", ":", "is", ...
    m = grammar.metric_phrase.search(before) if grammar.metric_phrase_end.search(before) else None
    if not m:
        return None
    words = m.group("m").split()
    cut = max((i + 1 for i, w in enumerate(words) if w.lower() in _PHRASE_STOP or w.lower().endswith("ed")), default=0)
    words = words[cut:]  # "the main track achieved an R-precision" -> "R-precision"
    verb = max((i + 1 for i, w in enumerate(words[:-1]) if grammar.result_verb.fullmatch(w)), default=0)
    words = words[verb:]  # "UI-TARS achieves scores of": a result verb ends the subject, not the measure's name
    if not words:
        return None
    if len(words) == 1 and not generic and generic_head(grammar, words[0]):
        return None
    if any(grammar.delta_noun_after.match(" " + w) for w in words) or grammar.setting_before.search(" ".join(words)):
        return None
    name = " ".join(words)
    start = reach + m.start("m") + m.group("m").find(words[0])
    return Span(start, start + len(text[start:].split(words[-1], 1)[0]) + len(words[-1]), name, name, None)


def unnamed(metric: Span | None, grammar: Grammar) -> bool:
    """No metric, or only a lone generic head outside the vocabulary ("achieves a score of 812")."""
    return metric is None or (metric.entry is None and generic_head(grammar, metric.raw))


def bind_metric(text: str, num: Number, metrics: list[Span], span_end: int, w: Windows) -> tuple[Span | None, str]:
    """The metric written right after the number ("92.1% AP") or right before it ("FID of 2.20").

    Returns (span, "after"|"before"|""). `span_end` is the end of the number's own text (after a range).
    """
    after = before = None
    terms = False  # "an accuracy of 97.4% in terms of the ADD(-S) metric": the named measure wins
    for sp in metrics:
        if sp.start >= span_end and sp.start - span_end <= w.metric_bind_after:
            if after is None and _FILLER_AFTER.match(text[span_end : sp.start]):
                after = sp
            elif after is None and _IN_TERMS_OF.fullmatch(text, span_end, sp.start):
                after, terms = sp, True
        elif (
            sp.end <= num.start
            and num.start - sp.end <= w.metric_bind_before
            and _FILLER_BEFORE.match(text[sp.end : num.start])
        ):
            before = sp
    if after is not None and (before is None or terms or after.start - span_end <= num.start - before.end):
        return after, "after"
    if before is not None:
        return before, "before"
    return None, ""


def nearest(spans: list[Span], pos: int, end: int, text: str, s0: int, s1: int, limit: int, w: Windows) -> Span | None:
    """The mention closest to [pos, end) within the sentence; mentions before are slightly preferred.

    A mention that only modifies the one before it ("mAP of IoU thresholds") is skipped.
    """
    best, best_d = None, limit
    modifiers = {b.start for a, b in zip(spans, spans[1:], strict=False) if _OF_GAP.fullmatch(text[a.end : b.start])}
    for sp in spans:
        if sp.start in modifiers:
            continue
        if sp.end <= pos:
            d = pos - sp.end
            if ";" in text[sp.end : pos]:
                d += w.nearest_clause_penalty
        elif sp.start >= end:
            d = sp.start - end + w.nearest_after_penalty
            # "x and y, respectively, while the recalls are ...": a mention in a later clause is farther
            if ";" in text[end : sp.start] or _CONTRAST.search(text, end, sp.start):
                d += w.nearest_clause_penalty
        else:
            continue
        if s0 <= sp.start < s1 and d < best_d:
            best, best_d = sp, d
    return best


_CONTRAST = re.compile(r"\b(?:while|whereas)\b")


def following_on(text: str, spans: list[Span], num_end: int, s1: int, nums_between, w: Windows) -> Span | None:
    """The benchmark in an "on/in/for X" phrase after the number, before any later number with its own phrase."""
    for sp in spans:
        if sp.start < num_end or sp.start >= s1:
            continue
        gap = text[num_end : sp.start]
        if len(gap) > w.on_phrase_gap or ";" in gap or _CLAUSE_BREAK.search(gap):
            return None
        if (
            not _BEFORE_ON.search(text[max(num_end, sp.start - w.on_phrase_before) : sp.start])
            and len(gap) > w.name_right_after
        ):
            continue
        if nums_between(num_end, sp.start):
            return None
        return sp
    return None


def scored_on(text: str, grammar: Grammar, num: Number, num_end: int, spans: list[Span], s0: int) -> bool:
    """ "scores 1820 on MME": a whole number right after a result verb and right before "on <benchmark>"."""
    on = _ON_NAME.match(text, num_end)
    if on is None or not any(sp.start == on.end() for sp in spans):
        return False
    head = text[max(s0, num.start - Windows.read(grammar, "scored_verb_before")) : num.start]
    if not head[-1:].isspace():
        return False
    verbs = [m for m in grammar.result_verb.finditer(head) if not head[m.end() :].strip()]
    return bool(verbs)


_ON_NAME = re.compile(r"\s+on\s+(?:the\s+)?")


def preceding(spans: list[Span], pos: int, s0: int) -> Span | None:
    best = None
    for sp in spans:
        if s0 <= sp.start and sp.end <= pos:
            best = sp
    return best


# `[;:]|,\s+(?:and\s+|but\s+|while\s+|whereas\s+|which\s+)|\bwhile\b|\bwhereas\b`, opening with a character set
# that `re` skips to in C (a branch opening with `\b` made it try every position)
_CLAUSE_BREAK = re.compile(
    r"[;:,w](?:(?<=[;:])|(?<=,)\s+(?:and\s+|but\s+|while\s+|whereas\s+|which\s+)|(?<=w)(?<!\w.)(?:hile|hereas)\b)"
)


@functools.lru_cache(maxsize=512)  # asked up to three times per number (reading, method, delta details)
def clause_start(text: str, s0: int, pos: int) -> int:
    """Start of the clause holding `pos` (after the last ';', ':' or ', and/while ...' before it)."""
    last = s0
    for m in _CLAUSE_BREAK.finditer(text, s0, pos):
        last = m.end()
    return last


def word_before_of_an(before: str) -> str | None:
    r"""Group 1 of `re.search(r"(\S+)\s+(?:of\s+)?(?:an?\s+)?\s*$", before)` without scanning every start: the
    word before a trailing "of", "a"/"an" or "of a"/"of an" (or else the last word), when `before` ends in a blank."""
    if not before[-1:].isspace():
        return None
    toks = before.rsplit(None, 3)[-3:]
    if len(toks) == 3 and toks[1] == "of" and toks[2] in ("a", "an"):
        return toks[0]
    if len(toks) >= 2 and toks[-1] in ("of", "a", "an"):
        return toks[-2]
    return toks[-1] if toks else None
