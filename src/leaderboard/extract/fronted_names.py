"""FRONTED-SLOT: an unknown name in a fronted "On X" phrase is the benchmark of the clause that follows.

"On Harbor Scenes segmentation, we reach 71.2 mIoU", "On the QX-7 test set, the model scores 0.83", and without a
comma "and on Tallow-500 it scores 55.0", "; on the external Corrib Heart cohort its AUROC is 0.86", "while on Ashby
Legal Recall@100 climbs to 0.70": a sentence (or a conjunct opened by a grammar `slot_opener`: "and", "while", ";")
that opens with "On", an optional "the" and at most two lower-case modifiers ("held-out", "in-house"), a capitalised
or digit-bearing name of one to four words and at most three lower-case task or split words, then either a comma
or the start of the clause: a grammar `clause_subject` word ("it", "our", "the") or a metric, method or model name
(the `exclude` callable). The name is stored as written (benchmark_known = false). Numbers alone, methods, metrics,
models, hardware, languages and modalities are not names (the `exclude` callable and the grammar's hardware
pattern); a name needs a capital letter ("10k", "5-shot" are not names).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leaderboard.extract.attribution import Span
from leaderboard.extract.names import MODIFIER_FORM

# `*+`: a digit follows the letters, so giving letters back never helps (same matches, no backtracking)
_WORD = r"(?:[A-Z][\w\-'&+.]*[\w+]|[A-Za-z]*+\d[\w\-.]*[\w]|[A-Z])"
# the slot up to its name: "on", "the", lower-case modifiers (never a function word), then the name's words
_MODIFIERS = r"(?:(?!(?:of|and|or|to|in|on|for|with|by|at|from)(?![\w\-]))[a-z][a-z\-]+\s+){0,2}"
# SLOT-HEAD-OF: "On the clothes-changing setting of X,": a grammar `slot_head` noun and "of" may stand before the name
_HEAD_OF = r"(?:(?P<head>[a-z][a-z\-]+)\s+of\s+(?:the\s+)?)?"
_SLOT = re.compile(
    r"[Oo](?<![\w\-].)n\s+(?:the\s+)?" + _MODIFIERS + _HEAD_OF + rf"(?P<name>{_WORD}(?:[ \-]{_WORD}){{0,3}})"
)
_NAME_WORD = re.compile(rf"{_WORD}")
_TAIL_WORD = re.compile(r"[a-z][a-z\-]*")
_NUMERIC = re.compile(r"[\d.,\-]+")
_TOKENS = re.compile(r"\S+")


def fronted_names(text: str, s0: int, s1: int, exclude: Callable[[str], bool], grammar) -> list[Span]:
    """The FRONTED-SLOT names of one sentence (text[s0:s1])."""
    openers = grammar.words.get("slot_opener", {})
    out: list[Span] = []
    for at in _slot_starts(text, s0, s1, openers):
        m = _SLOT.match(text, at, s1)
        if m is None or (m.group("head") and m.group("head") not in grammar.words.get("slot_head", {})):
            continue
        for end in _name_ends(text, m.start("name"), m.end("name")):
            name = text[m.start("name") : end]
            if _NUMERIC.fullmatch(name) or not any(c.isupper() for c in name):
                continue
            if exclude(name) or grammar.hardware.search(name) or MODIFIER_FORM.fullmatch(name):
                continue  # MODIFIER-FORM: "On GLUE-style tasks" names no benchmark
            if _opens_clause(text, end, s1, exclude, grammar):
                out.append(Span(m.start("name"), end, name, name))
                break
    return out


def _slot_starts(text: str, s0: int, s1: int, openers: dict) -> list[int]:
    """Where an "On"/"on" opens the sentence or a conjunct (after a `slot_opener`): a cheap scan before the slot
    pattern runs."""
    out = [s0] if text.startswith("On ", s0) else []
    at = text.find(" on ", s0, s1)
    while at >= 0:
        before = text[max(s0, at - 10) : at].rstrip()
        if before and (before[-1] in openers or before.rsplit(None, 1)[-1].lower() in openers):
            out.append(at + 1)
        at = text.find(" on ", at + 4, s1)
    return out


_SLOT_BEFORE = re.compile(r"(?<![\w\-])[Oo]n\s+(?:the\s+)?" + _MODIFIERS + _HEAD_OF + "$")


def in_fronted_slot(text: str, s0: int, s1: int, name: Span, exclude: Callable[[str], bool], grammar) -> bool:
    """The name (known or not) sits in a FRONTED-SLOT: it opens its sentence or a conjunct and its clause follows."""
    lo = max(s0, name.start - 40)
    if text.find("on ", lo, name.start) < 0 and text.find("On ", lo, name.start) < 0:
        return False  # a cheap test before the pattern
    m = _SLOT_BEFORE.search(text, lo, name.start)
    if m is None or (m.group("head") and m.group("head") not in grammar.words.get("slot_head", {})):
        return False
    before = text[max(s0, m.start() - 10) : m.start()].rstrip()
    openers = grammar.words.get("slot_opener", {})
    if before and not (before[-1] in openers or before.rsplit(None, 1)[-1].lower() in openers):
        return False
    return _opens_clause(text, name.end, s1, exclude, grammar)


def sentence_fronted(a, s) -> dict[int, Span]:
    """The names of sentence `s` of abstract `a` in a fronted slot ("On X it reaches", "; on the held-out X set,
    ..."): start -> name, kept in the sentence's memo."""
    found = s.memo.get("fronted")
    if found is None:
        text, exclude = a.text, a.context.exclude
        found = s.memo["fronted"] = {
            b.start: b for b in s.benches if b.start >= 0 and in_fronted_slot(text, s.s0, s.s1, b, exclude, a.g)
        }
    return found


def _name_ends(text: str, start: int, end: int) -> list[int]:
    """The ends of the name's one to four words, longest first."""
    ends, pos = [], start
    while pos < end:
        w = _NAME_WORD.match(text, pos, end)
        if w is None:
            break
        ends.append(w.end())
        pos = w.end() + 1
    return ends[::-1]


def _opens_clause(text: str, end: int, s1: int, exclude: Callable[[str], bool], grammar) -> bool:
    """After the name: at most three lower-case words, none naming hardware ("On Android phones it runs"), then a
    comma or a word that opens the clause (a grammar `clause_subject`, or a metric, method or model name)."""
    if text.startswith(",", end):
        return True
    subjects = grammar.words.get("clause_subject", {})
    for k, t in enumerate(_TOKENS.finditer(text, end, min(s1, end + 80))):
        word = t.group().rstrip(",;:.")
        if word.lower() in subjects or (word and exclude(word)):
            return not grammar.hardware.search(text, end, t.start())
        if k >= 3 or not _TAIL_WORD.fullmatch(word):
            return False
        if t.group().endswith(","):  # "On Harbor Scenes segmentation, we ..."
            return not grammar.hardware.search(text, end, t.end())
    return False


__all__ = ["fronted_names", "in_fronted_slot", "sentence_fronted"]
