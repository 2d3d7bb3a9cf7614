"""URLs in abstract text: their spans, so numbers inside a link ("github.com/x/v2.1") are not read as results."""

from __future__ import annotations

import re

URL = re.compile(r"(?:https?\s*:\s*/\s*/|www\.)\S+(?:\s+\S+/\S*)*|(?<!\S)\S+\.(?:com|org|io|net|ai)\S*", re.IGNORECASE)

# Both hint patterns open with a case-sensitive character set, which `re` skips to in C, and then dispatch on that
# character: `(?=[:.wW])(?:://|www\.|\.(?:com|...)\b)` in a form `re` scans ~2x faster (a leading lookahead gives
# it no set to skip to; tests/test_fast_paths.py compares the two).
URL_HINT = re.compile(r"(?-i:[:.wW])(?:(?<=:)//|(?<=[wW])ww\.|(?<=\.)(?:com|org|io|net|ai)\b)", re.IGNORECASE)


# Every URL match holds one of these; it starts at the hit ("http", "www.") or at the start of the hit's token
# (".com"), so no match starts before the token of the first hit: scanning from there gives the same matches.
URL_START = re.compile(
    r"(?-i:[hHwW.])(?:(?<=[hH])ttps?\s*:|(?<=[wW])ww\.|(?<=\.)(?:com|org|io|net|ai))", re.IGNORECASE
)  # = (?=[hHwW.])(?:https?\s*:|www\.|\.(?:com|org|io|net|ai))


# URL_HINT's literals that hold a period ("www.", ".com", ...) found from the period: a pattern that opens with one
# literal character is scanned for it like `memchr`, one that opens with a set tests the set at every character
_DOT_HINT = re.compile(r"\.(?:(?<=[wW][wW][wW]\.)|(?i:com|org|io|net|ai)\b)")


def may_hint(text: str) -> bool:
    """False only when URL_HINT cannot match: none of its literals occurs (dotless i also matches i in IGNORECASE).

    In ASCII text it is exact (whether URL_HINT matches): "://" or a period-bearing literal (_DOT_HINT)."""
    if text.isascii():
        return "://" in text or _DOT_HINT.search(text) is not None
    if "://" in text or "\u0131" in text:
        return True
    low = text.lower()
    return "www." in low or ".com" in low or ".org" in low or ".io" in low or ".net" in low or ".ai" in low


def url_spans(text: str) -> list[tuple[int, int]]:
    """The spans `URL.finditer(text)` gives, trying `URL` only where a match can start.

    A match starts at a URL_START hit or at the start of the hit's token, and holds the hit: so the next match
    after `pos` starts at the first hit after `pos` or at its token's start (clamped to `pos`), or after that hit.
    Scanning the whole rest of the text with `URL` instead costs ~10x a number search.
    """
    if not may_hint(text) or not (text.isascii() or URL_HINT.search(text)):  # ASCII: may_hint is exact
        return []
    out = []
    pos = 0
    while (hit := URL_START.search(text, pos)) is not None:
        start = i = hit.start()
        while i > pos and not text[i - 1].isspace():
            i -= 1
        m = URL.match(text, i) or (URL.match(text, start) if start != i else None)
        if m is None:
            pos = start + 1
            continue
        out.append(m.span())
        pos = m.end()
    return out
