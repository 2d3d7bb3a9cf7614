"""OTHER-SYSTEM-SUBJECT: a number reported for another, unnamed system or for people, written in lower case as the
clause's subject right before a result or level verb ("prior systems peak at 68.0", "while finance professionals
reach 87.0%", "human experts achieving only 53.7%") or as the label of the number in parentheses ("(prior best
0.884)", "(baseline 238)"). The subject holds a word of grammar `other_system` ("prior", "baseline", "teacher"),
or its head is a word of grammar `human_performer` ("experts", "radiologists"): raters and judges who give a
score are not in it ("human raters scored adequacy at 3.8" is the rated system's result)."""

from __future__ import annotations

import re

# the subject's lower-case words (up to four), the verb, then words that only qualify the number
_FILLER = r"(?:only|just|at|about|around|roughly|approximately|nearly|merely)"
_SUBJECT_VERB = re.compile(
    r"(?<![\w\-])(?P<p>(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*)\s+(?P<v>(?!" + _FILLER + r"\b)[a-z]+)\s+"
    r"(?:" + _FILLER + r"\s+)*$"
)
_WORD = re.compile(r"[a-z][\w\-]*")
_LABEL = re.compile(r"\(\s*(?P<p>(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)\s*:?\s*$")
# words that end the subject on their left ("resulting in human experts achieving": "human experts")
_OPENERS = frozenset(
    {"in", "of", "on", "for", "with", "while", "whereas", "and", "but", "that", "which", "than", "to", "by", "from",
     "the", "a", "an", "when", "where", "as", "resulting"}
)  # fmt: skip


def other_subject(text: str, g, c0: int, pos: int) -> tuple[int, int] | None:
    """Offsets of the other system's phrase that the number at `pos` is reported for (module docstring), searched
    in its clause text[c0:pos]; None when the clause's subject is not such a phrase."""
    window = text[max(c0, pos - 80) : pos]
    base = pos - len(window)
    m = _SUBJECT_VERB.search(window)
    if m is not None:
        verb = m.group("v")
        if not (g.result_verb.fullmatch(verb) or verb in g.words.get("level_verb", {})):
            m = None
    if m is None:
        m = _LABEL.search(window)
    if m is None:
        return None
    words = list(_WORD.finditer(window, *m.span("p")))
    cut = max((i + 1 for i, w in enumerate(words) if w.group(0) in _OPENERS), default=0)
    words = words[cut:]
    if not words:
        return None
    other, human = g.words.get("other_system", {}), g.words.get("human_performer", {})
    if not (any(w.group(0) in other for w in words) or words[-1].group(0) in human):
        return None
    return base + words[0].start(), base + words[-1].end()
