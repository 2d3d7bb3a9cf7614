"""Text normalisation for name matching: a text's separator-free, case-folded copy and the map back to offsets.

`norm_key` gives a name's matching key; `NormText` normalises a text once (or only some windows of it);
`hit_span` maps an automaton hit on the normalised copy back to the original text, on word boundaries.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

# Length-preserving character folding applied before normalisation (so offsets survive).
_FOLD = str.maketrans({"\u00d7": "x", "\u2212": "-", "\u2019": "'", "\u2018": "'", "\u00a0": " "})
_FOLD_CHARS = "\u00d7\u2212\u2019\u2018\u00a0"
_LETTER_SPACE_LETTER = re.compile(r"[^\W\d_]\s+[^\W\d_]")


_DROP = re.compile(  # separators; a "to" between two words joins a pair: "English-to-French", "English to French"
    r"(?<=[^\s\-\u2010-\u2015_.'`\x00])-[Tt][Oo]-(?=[^\s\-\u2010-\u2015_.'`\x00])|[ ](?<=[a-z][ ])to[ ](?=[A-Z][a-z])"
    r"|[\s\-\u2010-\u2015_.'`\x00]+"
)


@functools.lru_cache(maxsize=1 << 16)
def norm_key(name: str, fold_case: bool = True) -> str:
    """The matching key of a name: separators removed, case folded unless `fold_case` is False."""
    key = _DROP.sub("", name.translate(_FOLD))
    return key.lower() if fold_case else key


@dataclass(slots=True)
class NormText:
    """A text's normalised form with the map back to original offsets (built once per text)."""

    text: str
    folded: str  # case kept
    lowered: str
    _chunk_norm: list[int]
    _chunk_orig: list[int]

    @classmethod
    def of(cls, text: str, windows: list[tuple[int, int]] | None = None) -> NormText:
        """Normalise `text`, or only its `windows` (then no name can match across two windows)."""
        # translate with a dict is slow even when nothing changes: most abstracts hold none of the folded characters
        t = text.translate(_FOLD) if any(c in text for c in _FOLD_CHARS) else text
        norm_starts: list[int] = []
        orig_starts: list[int] = []
        parts: list[str] = []
        n = 0
        for w0, w1 in windows if windows is not None else [(0, len(t))]:
            seps = [m.span() for m in _DROP.finditer(t, w0, w1)]
            starts = [w0, *[e for _, e in seps]]
            ends = [*[s for s, _ in seps], w1]
            orig_starts += starts
            norm_starts += accumulate((e - s for s, e in zip(starts, ends, strict=True)), initial=n)
            norm_starts.pop()
            if seps and seps[0][0] == w0:  # the slice's first match may differ (its lookbehind sees no text)
                part = _DROP.sub("", t[w0:w1])
            else:  # the same separators as the slice: keep what lies between them
                part = "".join([t[s:e] for s, e in zip(starts, ends, strict=True)])
            parts.append(part)
            n += len(part)
            norm_starts.append(n)
            orig_starts.append(w1)
            parts.append("\x00")
            n += 1
        folded = "".join(parts)
        lowered = folded.lower()
        if len(lowered) != len(folded):  # a few Unicode letters lower to two characters
            lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)
        return cls(text, folded, lowered, norm_starts, orig_starts)


def _glued_before(text: str, start: int) -> bool:
    """True when the character before `start` joins the mention to a preceding word ("Re-TACRED", "xCOCO")."""
    if start == 0:
        return False
    c = text[start - 1]
    if c.isalnum():
        return True
    return c in "-_" and start >= 2 and text[start - 2].isalnum()


def _glued_after(text: str, end: int) -> bool:
    """True when the mention continues into a longer token ("CIFAR" in "CIFAR-100", "GPT-4" in "GPT-4o")."""
    if end >= len(text):
        return False
    c = text[end]
    if c.isalnum():
        return True
    return c in "-_." and end + 1 < len(text) and text[end + 1].isalnum() and not text[end + 1 : end + 2].isspace()


def hit_span(raw: str, cn: list[int], co: list[int], end_idx: int, key: str) -> tuple[int, int, str] | None:
    """The [start, end) and surface in the original text of an automaton hit on the normalised text, or None
    when the hit is glued to a word or spreads a short name over words."""
    i = end_idx - len(key) + 1
    j = bisect_right(cn, i) - 1
    start = co[j] + (i - cn[j])
    j = bisect_right(cn, end_idx) - 1
    end = co[j] + (end_idx - cn[j]) + 1
    if _glued_after(raw, end) and raw[end : end + 1] == "s" and not _glued_after(raw, end + 1):
        end += 1  # a plural: "Inception scores", "WERs"
    if _glued_before(raw, start) or _glued_after(raw, end):
        return None
    surface = raw[start:end]
    if len(key) < 7 and _LETTER_SPACE_LETTER.search(surface):
        return None  # "in a" is not "IN-A": short names may not be spread over words ("F 1" may)
    return start, end, surface
