"""OTHER-SYSTEM-SUBJECT: a number reported for another, unnamed system or for people, written in lower case as the
clause's subject right before a result or level verb ("prior systems peak at 68.0", "while finance professionals
reach 87.0%", "human experts achieving only 53.7%") or as the label of the number in parentheses ("(prior best
0.884)", "(baseline 238)"). The subject holds a word of grammar `other_system` ("prior", "baseline", "teacher"),
or its head is a word of grammar `human_performer` ("experts", "radiologists"): raters and judges who give a
score are not in it ("human raters scored adequacy at 3.8" is the rated system's result).

The words between the verb and the number that only qualify the number (grammar kind `number_filler`: "achieving
only 53.7%", "peak at 68.0") are passed over; a word of grammar kind `subject_opener` ends the subject on its left
("resulting in human experts achieving": "human experts")."""

from __future__ import annotations

import re

from leaderboard.extract.grammar import NO_WORDS
from leaderboard.extract.windows import Windows

_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[a-z][\w\-]*")
_LABEL = re.compile(r"\(\s*(?P<p>(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)\s*:?\s*$")


def other_subject(text: str, g, w: Windows, c0: int, pos: int) -> tuple[int, int] | None:
    """Offsets of the other system's phrase that the number at `pos` is reported for (module docstring), searched
    in its clause text[c0:pos] (at most `w.other_subject_before` characters of it); None when the clause's subject is
    not such a phrase."""
    lo, label = max(c0, pos - w.other_subject_before), w.other_label_before
    toks = [t for t in _TOKEN.finditer(text, lo, pos) if t.start() > lo or lo == 0 or text[lo - 1].isspace()][-8:]
    fillers, openers = g.words.get("number_filler", NO_WORDS), g.words.get("subject_opener", NO_WORDS)
    while toks and toks[-1].group(0) in fillers:
        toks.pop()
    words: list[re.Match] = []
    if toks and (g.result_verb.fullmatch(toks[-1].group(0)) or toks[-1].group(0) in g.words.get("level_verb", {})):
        for t in reversed(toks[:-1]):  # the subject: up to four lower-case words before the verb
            if len(words) == 4 or not _WORD.fullmatch(t.group(0)):
                break
            words.insert(0, t)
    elif "(" in text[max(lo, pos - label) : pos] and (m := _LABEL.search(text, lo, pos)) is not None:
        words = list(_WORD.finditer(text, *m.span("p")))
    cut = max((i + 1 for i, w in enumerate(words) if w.group(0) in openers), default=0)
    words = words[cut:]
    if not words:
        return None
    other, human = g.words.get("other_system", {}), g.words.get("human_performer", {})
    if not (any(w.group(0) in other for w in words) or words[-1].group(0) in human):
        return None
    return words[0].start(), words[-1].end()
