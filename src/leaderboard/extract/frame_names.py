"""FRAME-NAMES: the unknown benchmark a comma-closed fronted frame names in a slot the "On X" capture misses.

A sentence opening with a frame preposition (grammar kind `frame_preposition`, own_frame.py) and a phrase closed by
a comma may name its data:
- COLLECTION-AFTER-FROM: "On 3D Burgers flow from PDEBench-Lite, ...": the name after "from" that ends the frame is
  the collection the task was taken from, the benchmark.
- HEAD-OF-NAME: "In the cold-start split of TriviaDB, ...", "Under the strict protocol of Halden-7, ...": a grammar
  `slot_head` noun ("split", "protocol", "track"), "of" and a name ending the frame: the name.
- AUTHOR-NAMED-DATA: "On the Okafor et al. Ribo-seq data, ...": a name written with its authors ("<Name> et al.")
  and a data head (grammar kind `frame_name_head`) ending the frame is one name, stored as written.
Methods, models, hardware and languages are not names (the `exclude` callable); the name needs a capital letter.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from leaderboard.extract.attribution import Span
from leaderboard.extract.own_frame import frame_patterns
from leaderboard.extract.windows import Windows

_WORD = r"(?:[A-Z][\w\-'&+.]*[\w+]|[A-Za-z]*\d[\w\-.]*[\w]|[A-Z])"
_NAME = rf"(?P<name>{_WORD}(?:[ \-]{_WORD}){{0,3}})"
_FROM_OR_HEAD = re.compile(rf"(?:(?<![\w\-])from|(?<![\w\-])(?P<head>[a-z][a-z\-]+)\s+of)\s+(?:the\s+)?{_NAME}\s*$")
_ET_AL = re.compile(
    rf"(?P<name>[A-Z][\w\-]+(?:\s+and\s+[A-Z][\w\-]+)?\s+et\s+al\.(?:'s)?\s+{_WORD}(?:[ \-]{_WORD}){{0,2}})"
    r"\s+(?P<head>[a-z]+)\s*$"
)


def frame_names(text: str, s0: int, s1: int, exclude: Callable[[str], bool], grammar) -> list[Span]:
    """The name a fronted frame of the sentence text[s0:s1] ends with (none, or one)."""
    opener, _ = grammar.derived("own_frame", frame_patterns)
    m = opener.match(text, s0, s1)
    if m is None:
        return []
    comma = text.find(",", m.end(), min(s1, s0 + Windows.read(grammar, "fronted_frame")))
    if comma < 0:
        return []
    hit = _FROM_OR_HEAD.search(text, m.end(), comma)
    if hit is not None and hit.group("head") and hit.group("head") not in grammar.words.get("slot_head", {}):
        hit = None
    if hit is None:
        hit = _ET_AL.search(text, m.end(), comma)
        if hit is not None and hit.group("head") not in grammar.words.get("frame_name_head", {}):
            hit = None
    if hit is None:
        return []
    name = hit.group("name")
    if exclude(name) or grammar.hardware.search(name) or grammar.not_a_benchmark.fullmatch(name):
        return []
    return [Span(hit.start("name"), hit.end("name"), name, name)]


__all__ = ["frame_names"]
