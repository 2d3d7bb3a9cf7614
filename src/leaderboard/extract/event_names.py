"""Benchmark names of competitions and shared tasks, written the way events name themselves.

- EVENT-ON-TITLE-ACRONYM: "the Competition on Legal Argument Mining (CLAM) 2019", "the Challenge on Marine Debris
  Detection (MDD)": a benchmark head (grammar kind `benchmark_head`, capitalised) + "on" + a capitalised title +
  its acronym in parentheses, with an optional year, is one benchmark, named as written.
- TASK-OF-EVENT: "Task 3 of PARSEME-2023", "subtask B of CLEF 2022": a numbered task of an event with a year (or an
  all-capital event name) is the benchmark "<event> Task <n>" (as the event writes it: "SemEval-2022 Task 4").
"""

from __future__ import annotations

import re

from leaderboard.extract.attribution import Span

_EVENT_ON = re.compile(
    r"(?P<head>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+on\s+(?P<title>(?:[A-Z][\w\-']*\s+(?:(?:of|and|for|in|the|with|&)\s+)?)"
    r"{1,8}?)\((?P<acr>[A-Z][A-Za-z0-9\-]{1,11})\)(?:[\s\-](?P<year>(?:19|20)\d\d)(?![\d.,]\d))?"
)
_TASK_OF = re.compile(
    r"(?<![\w\-])(?:[Ss]ub)?[Tt]ask\s+(?P<n>\d{1,2}|[A-H])\s+(?:of|at|in)\s+(?:the\s+)?"
    r"(?P<event>[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*(?:[\s\-]?(?:19|20)\d\d|\d\d)|[A-Z][A-Za-z]+[\s\-](?:19|20)\d\d)"
    r"(?![\w\-])"
)

# what every match of each pattern holds, found from a literal first character ("(", "ask"): cheap tests before the
# patterns, which open with a character set or a lookbehind and are tried at every position
_ACRONYM_IN_PARENS = re.compile(r"\([A-Z][A-Za-z0-9\-]{1,11}\)")
_TASK_NUMBERED = re.compile(r"ask\s+(?:\d|[A-H])")


def event_names(text: str, s0: int, s1: int, taken: list[Span], heads: re.Pattern) -> list[Span]:
    """The event names of text[s0:s1] (both rules), not overlapping a name already found."""
    out: list[Span] = []
    if text.find(" on ", s0, s1) >= 0 and _ACRONYM_IN_PARENS.search(text, s0, s1):  # the literal cues first
        for m in _EVENT_ON.finditer(text, s0, s1):
            if heads.fullmatch(m.group("head").lower()):
                end = m.end("year") if m.group("year") else m.end("acr") + 1
                out.append(Span(m.start(), end, text[m.start() : end], text[m.start() : end]))
    if _TASK_NUMBERED.search(text, s0, s1):
        for m in _TASK_OF.finditer(text, s0, s1):
            name = f"{m.group('event')} Task {m.group('n')}"
            out.append(Span(m.start(), m.end(), name, text[m.start() : m.end()]))
    return [f for f in out if not any(t.start < f.end and f.start < t.end and t.entry is not None for t in taken)]


__all__ = ["event_names"]
