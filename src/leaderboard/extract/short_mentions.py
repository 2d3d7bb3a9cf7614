"""SHORT-MENTION: a benchmark first named in full and later by its first word takes the full name.

"We evaluate on the EgoGesture and NVIDIA Dynamic Hand Gesture datasets. ... 83.8% on the NVIDIA benchmark": the
later capture "NVIDIA" is not a new, unknown benchmark but the known one the abstract named in full. An unknown
one-word capture takes the known vocabulary benchmark whose mention elsewhere in the abstract starts with that
word, when exactly one such benchmark exists; otherwise it stays as it is (never a guess).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leaderboard.extract.attribution import Span


def expand_short_mentions(
    text: str, captures: list[list[Span]], known_at: Callable[[int, int], list[Span]]
) -> list[list[Span]]:
    """The captures of each sentence, with unknown one-word names replaced by the one known benchmark whose
    mention elsewhere starts with that word. `known_at(start, end)`: the known mentions in text[start:end]."""
    out = []
    for spans in captures:
        row = []
        for sp in spans:
            full = _full_name(text, sp, known_at) if sp.entry is None and sp.raw.isalnum() else None
            row.append(Span(sp.start, sp.end, full.name, sp.raw, full.entry, sp.bare) if full else sp)
        out.append(row)
    return out


def _full_name(text: str, sp: Span, known_at: Callable[[int, int], list[Span]]) -> Span | None:
    found: dict[str, Span] = {}
    for m in re.finditer(re.escape(sp.raw) + r"[\s\-]+[A-Z]", text):
        if m.start() == sp.start:
            continue
        for k in known_at(m.start(), min(len(text), m.start() + 80)):
            if k.start == m.start() and k.end > m.start() + len(sp.raw) + 1:
                found[k.name] = k
    return next(iter(found.values())) if len(found) == 1 else None


__all__ = ["expand_short_mentions"]
