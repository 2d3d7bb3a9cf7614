"""POSSESSIVE-MEMBER: "<known suite>'s <Name>" names a member of the suite, and the member is the benchmark.

"It lifts SuperGLUE's MultiRC F1 from 80.1 to 82.7", "on BEIR's TREC-COVID": the capitalised name right after a
known benchmark and a possessive "'s" is the dataset inside that suite the number was measured on; it is stored as
written (benchmark_known = false) and, standing closer to the number, it is the last name before it. Methods,
models, metrics and hardware after the possessive are not members (the `exclude` callable: "ImageNet's ResNet-50
baseline"), nor is a count ("ProteinGym's 217 assays": a name needs a capital letter).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leaderboard.extract.attribution import Span

_MEMBER = re.compile(
    r"['\u2019]s\s+(?P<name>(?:[A-Z][\w\-+.]*[\w+]|[A-Za-z]*\d[\w\-.]*\w)(?:[ \-][A-Z0-9][\w\-+.]*[\w+])?)"
)


def member_names(text: str, s0: int, s1: int, taken: list[Span], exclude: Callable[[str], bool], grammar) -> list[Span]:
    """The POSSESSIVE-MEMBER names of the sentence text[s0:s1] after the known names in `taken`."""
    out: list[Span] = []
    for t in taken:
        if t.entry is None or not (s0 <= t.start and t.end < s1):
            continue
        m = _MEMBER.match(text, t.end, s1)
        if m is None:
            continue
        name = m.group("name").rstrip(".")
        if not any(c.isupper() for c in name) or exclude(name) or grammar.hardware.search(name):
            continue
        if grammar.not_a_benchmark.fullmatch(name):
            continue
        out.append(Span(m.start("name"), m.start("name") + len(name), name, name))
    return out


__all__ = ["member_names"]
