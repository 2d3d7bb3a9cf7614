"""Subset: the split or setting a number was measured on ("test-clean", "5-shot", "the hard subset")."""

from __future__ import annotations

import functools
import re

from leaderboard.extract.grammar import NO_WORDS
from leaderboard.extract.rules import rule
from leaderboard.extract.sentence import Abstract, Reading, Sentence

_SHOT_AFTER = re.compile(
    r"\s*(?:%|\))?\s*(?:in|on|for|under)\s+(?:the\s+)?(\d+-shot|zero-shot|few-shot|one-shot|v\d+(?:\.\d+)?\b)",
    re.IGNORECASE,
)
_LABEL_END = re.compile(r"([\w\-]+)\s*[:=]\s*$")
_SUBSET_AFTER = re.compile(r"^\s*(?:\(\s*)?(?:dataset\s+|benchmark\s+)?(?P<s>[\w\-+]+(?:\s*/\s*[\w\-+]+)*)")
_SHOT_WORD = re.compile(r"\d+-shot", re.IGNORECASE)
_VERSION_WORD = re.compile(r"[Vv]\d+(?:\.\d+)?|\d+x\d+|\d+\u00d7\d+")
_SPLIT_OF_END = re.compile(
    r"(?:the\s+)?(?P<s>[\w\-]+(?:\s+[\w\-]+)?)\s+(?:set|split|subset|track)?\s*of\s+(?:the\s+)?$", re.IGNORECASE
)


@functools.lru_cache(maxsize=16)
def _subset_in(subset_head: str) -> re.Pattern:
    """'in the hard subset', compiled once per grammar (keyed by the subset-head alternation)."""
    return re.compile(
        rf"\b(?:in|under|on)\s+(?:the\s+)?(?P<s>\d+-shot|zero-shot|few-shot|one-shot|[\w\-]+)\s+(?:{subset_head})",
        re.IGNORECASE,
    )


_SUBSET_STOP = frozenset(
    [
        "same",
        "different",
        "all",
        "both",
        "these",
        "this",
        "those",
        "our",
        "other",
        "various",
        "several",
        "many",
        "most",
        "some",
        "such",
        "the",
        "a",
        "an",
    ]
)


def _split(a: Abstract, word: str) -> str:
    return a.g.value_of("subset", word) or word


@rule("subset.setting_after_number")
def setting_after_number(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A setting right after the number ("57.0% in 5-shot", "on v2")."""
    m = _SHOT_AFTER.match(a.text, r.num.end, min(s.s1, r.num.end + a.w.setting_after_number))
    if m is None:
        return None
    bench = r.benchmark  # "68.7% on V1" read as "Something-Something V1": the version is in the name
    named = bench is not None and bench.name.lower().endswith(" " + m.group(1).lower())
    return None if named else m.group(1)


@rule("subset.label_before_number")
def label_before_number(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A split word as a label right before the number ("val: 62.6", "test = 81.0")."""
    head = a.text[max(s.s0, r.num.start - a.w.label_before_number) : r.num.start]
    # the label pattern ends in "[:=]\s*$": only a window ending in ':' or '=' (before blanks) can match
    label = _LABEL_END.search(head) if head.rstrip()[-1:] in (":", "=") else None
    return _split(a, label.group(1)) if label and a.g.subset.fullmatch(label.group(1)) else None


@rule("subset.word_after_benchmark")
def word_after_benchmark(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A split, shot setting or version word right after the benchmark's name ("LibriSpeech test-clean")."""
    bench = r.benchmark
    if bench is None or bench.start < 0:  # a carried name has no words around it here
        return None
    m = _SUBSET_AFTER.match(a.text[bench.end : min(s.s1, bench.end + a.w.split_after_benchmark)])
    if m is None:
        return None
    word = m.group("s")
    if _SHOT_WORD.fullmatch(word):
        return word
    if a.g.subset.fullmatch(word):
        return _split(a, word)
    return word if _VERSION_WORD.fullmatch(word) else None


@rule("subset.split_of_benchmark")
def split_of_benchmark(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A split phrase "of" the benchmark before its name ("the hard test set of X"); of several subset words, a
    generic split word (grammar kind `generic_split_word`: "test", "dev") is taken last."""
    bench = r.benchmark
    if bench is None or bench.start < 0:
        return None
    head = a.text[max(s.s0, bench.start - a.w.split_before_benchmark) : bench.start]
    # the pattern ends in "of\s+(?:the\s+)?$": only a head ending in blanks after "of" or "the" can match
    ends = head.rstrip()
    if len(ends) == len(head) or (ends[-2:].lower() != "of" and ends[-3:].lower() != "the"):
        return None
    # a match spans at most six blank-separated words ("the hard test set of the"): searched from the sixth last
    # (the same leftmost match; from the head's start, each earlier position failed after scanning to the end)
    parts = head.rsplit(None, 6)
    m = _SPLIT_OF_END.search(head, len(parts[0]) if len(parts) == 7 else 0)
    if m is None:
        return None
    words = [w for w in m.group("s").split() if a.g.subset.fullmatch(w)]
    generic = a.g.words.get("generic_split_word", NO_WORDS)
    words.sort(key=lambda w: w.lower() in generic)  # "the hard test set": "hard" says more
    return _split(a, words[0]) if words else None


@rule("subset.in_subset_phrase")
def in_subset_phrase(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """ "in/under/on the <word> subset/split/setting" anywhere in the sentence."""
    if "in_subset_phrase" not in s.memo:  # the same for every number of the sentence
        m = None
        if a.g.may_hold("subset_head", a.text, s.s0, s.s1):  # the pattern ends in a subset head: the cheap test first
            m = _subset_in(a.g.subset_head.pattern).search(a.text[s.s0 : s.s1])
        s.memo["in_subset_phrase"] = m.group("s") if m and m.group("s").lower() not in _SUBSET_STOP else None
    return s.memo["in_subset_phrase"]  # type: ignore[return-value]


_PAREN_WORD = re.compile(r"\s*(?:[\w@\-]+\s*)?\(\s*([\w\-]+)\s*\)")


@rule("subset.split_in_parentheses")
def split_in_parentheses(a: Abstract, s: Sentence, r: Reading) -> str | None:
    """A split word in parentheses right after the number or its metric ("81.2% (test)", "93.1 LAS (dev)")."""
    m = _PAREN_WORD.match(a.text, r.span_end, s.s1)
    if m is None or not a.g.subset.fullmatch(m.group(1)):
        return None
    return a.g.value_of("subset", m.group(1)) or m.group(1)
