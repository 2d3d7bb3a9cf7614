"""urls.url_spans tries the URL pattern only where a match can start: the same spans as scanning with it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract import urls
from leaderboard.extract.numbers import find_numbers
from leaderboard.extract.urls import url_spans


def scanned(text: str) -> list[tuple[int, int]]:
    """The reference: `_URL.finditer` from the start of the first hint's token to the end of the text."""
    if not urls.may_hint(text) or not urls.URL_HINT.search(text):
        return []
    first = urls.URL_START.search(text)
    if first is None:
        return []
    i = first.start()
    while i and not text[i - 1].isspace():
        i -= 1
    return [m.span() for m in urls.URL.finditer(text, i)]


def test_spans_of_links_in_prose() -> None:
    text = "Code: https://github.com/a/b and www.site.org/x, see \\url{http://x.io/y}. Data at hub.ai, 3 runs."
    assert url_spans(text) == scanned(text) == [(6, 28), (33, 48), (53, 73), (82, 89)]
    assert [n.value for n in find_numbers(text)] == [3.0]
    assert url_spans("a ratio of 0.5 on the .NET suite, http: no link") == []  # no "//", no name before ".NET"


_PIECES = st.sampled_from(
    ["http", "https", "HTTP", " ", "  ", ":", "/", "//", "www.", "WWW.", ".com", ".CoM", ".io", ".ai", ".net", ".org",
     "a", "b1", "x/y", "\n", "\\url{", "}", ".", "s", "w", "h", "ttp", "4.5", "\u0131"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_same_spans_as_scanning(text: str) -> None:
    assert url_spans(text) == scanned(text)


@settings(max_examples=800, deadline=None)
@given(st.lists(_PIECES, max_size=20).map("".join))
def test_may_hint_is_the_hint_in_ascii_and_true_wherever_it_matches(text: str) -> None:
    hint = urls.URL_HINT.search(text) is not None
    assert urls.may_hint(text) == hint if text.isascii() else urls.may_hint(text) or not hint


def test_may_hint_cases() -> None:
    assert urls.may_hint("see WwW.example") is True
    assert urls.may_hint("at site.Ai now") is True
    assert urls.may_hint("at http://x") is True
    assert urls.may_hint("a ratio: 0.5 on the .NE suite, ww.x, .coms. Done") is False
    assert urls.may_hint("ratio 0.5 \u00e9 .ne") is False  # non-ASCII text: the searches of a lower-cased copy
