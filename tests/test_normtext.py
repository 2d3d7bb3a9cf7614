"""NormText.of's string-operation normalisation gives exactly what the separator regex gives."""

from __future__ import annotations

import re
import sys
from itertools import accumulate

from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract.normtext import _DROP, _FOLD, _FOLD_CHARS, _WHITESPACE, NormText


def regex_of(text: str, windows: list[tuple[int, int]] | None = None) -> tuple[str, list[int], list[int]]:
    """The reference: NormText.of as it was written with `_DROP.finditer` (folded text, chunk maps)."""
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
        if seps and seps[0][0] == w0:
            part = _DROP.sub("", t[w0:w1])
        else:
            part = "".join([t[s:e] for s, e in zip(starts, ends, strict=True)])
        parts.append(part)
        n += len(part)
        norm_starts.append(n)
        orig_starts.append(w1)
        parts.append("\x00")
        n += 1
    return "".join(parts), norm_starts, orig_starts


def check(text: str, windows: list[tuple[int, int]] | None = None) -> None:
    nt = NormText.of(text, windows)
    assert (nt.folded, nt._chunk_norm, nt._chunk_orig) == regex_of(text, windows)


def test_whitespace_is_the_regex_whitespace() -> None:
    assert "".join(c for c in map(chr, range(sys.maxunicode + 1)) if re.match(r"\s", c)) == _WHITESPACE


def test_joined_pairs_and_separators() -> None:
    nt = NormText.of("Fr-to-De and Spanish to German, a to Bc; x-TO-y")
    assert nt.folded == "FrDeandSpanishGerman,aBc;xy\x00"
    check("Fr-to-De and Spanish to German, a to Bc; x-TO-y")
    check("x-to-to-y, ab to to Cd, ab to To Cd, to Ab, a- to Bc, a -to- b")
    check("  leading and trailing.  ", [(0, 25), (2, 9), (10, 23), (5, 5)])
    check("Name-to-name, 12.5\u00d7 \u2212 x\u2019s \u00a0 to Fr", [(0, 10), (4, 30), (5, 12)])


_ALPHABET = st.sampled_from(
    ["to", "To", "TO", "tO", " ", "-", "\u2013", ".", "'", "`", "_", "\x00", "\t", "\n", "\u00a0", "\u2009", "\u2212",
     "\u2019", "\u00d7", "a", "b", "Bc", "X", "5", "\u00e9", "\u0130", "%"]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(_ALPHABET, max_size=24).map("".join), st.data())
def test_same_as_separator_regex(text: str, data: st.DataObject) -> None:
    check(text)
    bound = st.integers(0, len(text))
    windows = data.draw(st.lists(st.tuples(bound, bound).map(sorted).map(tuple), max_size=4))
    check(text, windows)
