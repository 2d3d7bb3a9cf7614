"""Text normalisation for name matching: a text's separator-free, case-folded copy and the map back to offsets.

`norm_key` gives a name's matching key; `NormText` normalises a text once (or only some windows of it);
`hit_span` maps an automaton hit on the normalised copy back to the original text, on word boundaries.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress

# Length-preserving character folding applied before normalisation (so offsets survive).
_FOLD = str.maketrans({"\u00d7": "x", "\u2212": "-", "\u2019": "'", "\u2018": "'", "\u00a0": " "})
_FOLD_CHARS = "\u00d7\u2212\u2019\u2018\u00a0"
_LETTER_SPACE_LETTER = re.compile(r"[^\W\d_]\s+[^\W\d_]")


_DROP = re.compile(  # separators; a "to" between two words joins a pair: "English-to-French", "English to French"
    r"(?<=[^\s\-\u2010-\u2015_.'`\x00])-[Tt][Oo]-(?=[^\s\-\u2010-\u2015_.'`\x00])|[ ](?<=[a-z][ ])to[ ](?=[A-Z][a-z])"
    r"|[\s\-\u2010-\u2015_.'`\x00]+"
)


# The separators of _DROP's last alternative, all mapped to one space so that `str.split(" ")` cuts at each
# (C-level string operations, ~10x faster than iterating the regex's matches).
_SEP_NOT_SPACE = "-\u2010\u2011\u2012\u2013\u2014\u2015_.'`\x00"
# re's \s for str patterns (= str.isspace; tests/test_normtext.py checks every code point)
_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
    "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_SEPS = frozenset(_SEP_NOT_SPACE + _WHITESPACE)
_TO_SPACE = str.maketrans(dict.fromkeys(_SEP_NOT_SPACE + _WHITESPACE.replace(" ", ""), " "))
_ASCII_TO_SPACE = "".join(c for c in _SEP_NOT_SPACE + _WHITESPACE.replace(" ", "") if c.isascii())
# the same map for ASCII text as a bytes table: bytes.translate is a C table lookup per character, while
# str.translate looks each distinct character up in the dict again on every call
_TO_SPACE_ASCII = bytes.maketrans(_ASCII_TO_SPACE.encode("ascii"), b" " * len(_ASCII_TO_SPACE))
_JOINED_TO = ("-to-", "-To-", "-tO-", "-TO-", " to ")  # where _DROP's "to" alternatives can match
_ONE = (1).__add__


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
        # (all of them non-ASCII: an ASCII text, `isascii` being O(1), is not searched for them)
        t = text.translate(_FOLD) if not text.isascii() and any(c in text for c in _FOLD_CHARS) else text
        norm_starts: list[int] = []
        orig_starts: list[int] = []
        parts: list[str] = []
        n = 0
        for w0, w1 in windows if windows is not None else [(0, len(t))]:
            if not (w0 and w0 < w1 and t[w0] in "- " and t[w0 - 1] not in _SEPS):
                n = _split_window(t, w0, w1, n, parts, norm_starts, orig_starts)
                continue
            # a window that starts with a "to" alternative's separator right after a word: the regex's own way
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


def _split_window(t: str, w0: int, w1: int, n: int, parts: list, norm_starts: list, orig_starts: list) -> int:
    """What `_DROP.finditer` over t[w0:w1] gives, with str.translate + split: appends the window's normalised
    text, its chunk starts and a closing NUL; returns the normalised length so far.

    Chunks are the text between separator runs (a leading and a trailing run leave an empty chunk, as the regex
    does). A "to" token between two words ("English-to-French", "English to French") is one separator.
    """
    s = t[w0:w1]
    if s.isascii():
        tokens = s.encode("ascii").translate(_TO_SPACE_ASCII).decode("ascii").split(" ")
    else:
        tokens = s.translate(_TO_SPACE).split(" ")
    starts = list(accumulate(map(_ONE, map(len, tokens)), initial=w0))
    kept_starts = list(compress(starts, tokens))
    kept = list(filter(None, tokens))
    if not tokens[0]:  # a leading separator run: an empty first chunk
        kept_starts.insert(0, w0)
        kept.insert(0, "")
    if len(tokens) > 1 and not tokens[-1]:  # a trailing separator run: an empty last chunk
        kept_starts.append(w1)
        kept.append("")
    if ("o-" in s or "O-" in s or " to " in s) and any(j in s for j in _JOINED_TO):  # each holds one of the three
        _drop_joining_to(s, w0, kept_starts, kept)
    part = "".join(kept)
    parts.append(part)
    parts.append("\x00")
    norm_starts += accumulate(map(len, kept), initial=n)
    orig_starts += kept_starts
    orig_starts.append(w1)
    return n + len(part) + 1


def _drop_joining_to(s: str, w0: int, kept_starts: list[int], kept: list[str]) -> None:
    """Remove the "to" chunks _DROP's first two alternatives swallow: "-to-" (any case) between two non-separators,
    " to " between a lowercase letter and a capitalised word; a "to" right after a swallowed one stays."""
    size = len(s)
    last = -9
    for q in sorted({i + 1 for j in _JOINED_TO for i in _find_all(s, j)}):
        if q < 2 or q - 3 == last or s[q - 2] in _SEPS:
            continue
        if s[q - 1] == "-":
            ok = s[q : q + 2].lower() == "to" and s[q : q + 2].isascii() and q + 3 < size and s[q + 3] not in _SEPS
        else:
            ok = s[q : q + 2] == "to" and "a" <= s[q - 2] <= "z" and q + 4 < size
            ok = ok and "A" <= s[q + 3] <= "Z" and "a" <= s[q + 4] <= "z"
        if ok:
            i = bisect_left(kept_starts, w0 + q)
            del kept_starts[i], kept[i]
            last = q


def _find_all(s: str, sub: str) -> list[int]:
    out = []
    i = s.find(sub)
    while i >= 0:
        out.append(i)
        i = s.find(sub, i + 1)
    return out


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


def hit_span(
    raw: str, cn: list[int], co: list[int], end_idx: int, key: str, spaced: frozenset[str] = frozenset()
) -> tuple[int, int, str] | None:
    """The [start, end) and surface in the original text of an automaton hit on the normalised text, or None
    when the hit is glued to a word or spreads a short name over words (unless the vocabulary writes that name
    with a space itself: `spaced` holds such keys, "IU X-Ray", "AG News")."""
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
    if len(key) < 7 and _LETTER_SPACE_LETTER.search(surface) and key not in spaced:
        return None  # "in a" is not "IN-A": short names may not be spread over words ("F 1" may)
    return start, end, surface
