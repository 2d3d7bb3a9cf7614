"""COMPARED-NUMBER-OF-NAMED-SYSTEM: a number that a comparison word introduces as another named system's own
result, in a sentence that names a metric: "compared with 26 meV for Uni-Mol", "versus 313 for GraphCast"
(the number right after the comparison word, then "for <Name>"), "below GraphCast (326) and IFS HRES (349)"
(each number alone in parentheses right after a capitalised name, a comparison word earlier in its clause). Whole
numbers and numbers in units outside the vocabulary are otherwise not read; these are results like the one they
are compared with.

COMPARED-RUN: "compared with 0.58 for A and 0.46 for B": each "<number> for <Name>" item of a run that a comparison
word opens is a named system's result. MIRRORED-VALUE: with no vocabulary metric in the sentence, the comparison
word must follow a number of its own after a metric phrase ("a mean return of 0.71, compared with 0.58 for A"): the
compared number mirrors it."""

from __future__ import annotations

import re

from leaderboard.extract.attribution import clause_start

_FOR_NAME_AFTER = re.compile(r"\s*(?:[A-Za-z\u00b2/]{1,8}\s+)?for\s+(?:the\s+)?[A-Z]")
# the earlier "<number> [unit] for <Name>" items of a run, each followed by "," or "and" (COMPARED-RUN)
_FOR_RUN_BEFORE = re.compile(
    r"(?:(?<![\w.])\d[\d.,]*\s*(?:%|[A-Za-z\u00b2/]{1,8})?\s+for\s+(?:the\s+)?[A-Z][^,;:()]{0,40}?"
    r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)){1,4}$"
)
# MIRRORED-VALUE: the number before the comparison word ("0.71, ", "4.3 out of 5, ")
_VALUE_BEFORE = re.compile(r"(?<![\w.])\d[\d.,]*?[^\s,;]{0,10}(?:\s+out\s+of\s+\d[\d.]*)?\s*,?\s*$")
_ARTICLE_BEFORE = re.compile(r"\s+(?:(?:the|that\s+of|those\s+of)\s+)?$")
# the name, "(" and the numbers of the run before this one ("NCNC (61.4 and 93.2 respectively)")
_NAME_PAREN_BEFORE = re.compile(
    r"(?<![\w\-])(?P<n>[A-Z][\w\-+.]*(?:\s+[A-Z0-9][\w\-+.]*)*)\s*\(\s*"
    r"(?:[+\-]?\d[\d.,]*\s*%?\s*(?:,\s*(?:and\s+)?|and\s+))*$"
)
_PAREN_CLOSE = re.compile(
    r"\s*(?:(?:,\s*(?:and\s+)?|and\s+)[+\-]?\d[\d.,]*\s*%?\s*)*(?:,?\s*respectively\s*)?\)"
)  # the rest of the run, then ")"


def compared_named_value(text: str, g, s0: int, start: int, end: int, metric: bool = True) -> bool:
    """Whether the number text[start:end] is a named compared system's own result (module docstring); `metric`:
    the sentence names a vocabulary metric."""
    c0 = clause_start(text, s0, start)
    if _FOR_NAME_AFTER.match(text, end):  # "compared with 26 meV for Uni-Mol"
        run = _FOR_RUN_BEFORE.search(text, max(s0, start - 160), start)
        first = run.start() if run is not None and run.start() >= c0 else start  # COMPARED-RUN
        before = _ARTICLE_BEFORE.search(text, c0, first)
        cut = before.start() if before else first
        cmp = next((m for m in g.compare.finditer(text, c0, cut) if m.end() == cut), None)
        if cmp is None or g.value_of("compare", cmp.group(0)) == "verb":
            return False
        return metric or _mirrors_measured_value(text, g, s0, cmp.start())
    if not metric:
        return False
    if text.startswith(")", end) or _PAREN_CLOSE.match(text, end):  # "below GraphCast (326)"
        name = _NAME_PAREN_BEFORE.search(text, max(c0, start - 40), start)
        return name is not None and g.compare.search(text, c0, name.start()) is not None
    return False


def _mirrors_measured_value(text: str, g, s0: int, cut: int) -> bool:
    """MIRRORED-VALUE: a number right before the comparison word at `cut`, itself after a metric phrase ("a mean
    return of 0.71, compared with ...")."""
    v = _VALUE_BEFORE.search(text, max(s0, cut - 32), cut)
    return v is not None and g.metric_phrase.search(text, max(s0, v.start() - 60), v.start()) is not None


def paren_name_before(text: str, c0: int, start: int, end: int) -> tuple[int, int] | None:
    """Offsets of the capitalised name whose number (or run of numbers) stands alone in parentheses right after
    it ("IFS HRES (349)", "NCNC (61.4 and 93.2 respectively)"), the number at text[start:end]."""
    if not _PAREN_CLOSE.match(text, end):
        return None
    name = _NAME_PAREN_BEFORE.search(text, max(c0, start - 60), start)
    return name.span("n") if name else None


def labels_closed_value(text: str, s0: int, m0: int, m1: int, pos: int) -> bool:
    """OWN-VALUE-LABEL: the name text[m0:m1] sits in a parenthesis that holds a number and closes before `pos`
    ("(MusicGen-Large: 4.50) and a CLAP score of 0.38"): the name labels that number, never a later one."""
    op = text.rfind("(", s0, m0)
    if op < 0 or text.find(")", op, m0) >= 0:
        return False
    cl = text.find(")", m1, pos)
    return cl >= 0 and any(ch.isdigit() for ch in text[m1:cl])
