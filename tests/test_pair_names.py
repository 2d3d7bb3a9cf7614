"""ELLIPTIC-LANGUAGE-PAIR (extract/pair_names.py): a bare language pair after a name ending in one takes its stem.
Sentences written for these tests; each row is (value, benchmark)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from leaderboard.extract import Extractor
from leaderboard.extract.attribution import Span
from leaderboard.extract.pair_names import elliptic_pairs
from leaderboard.models import Paper

CASES = [
    (
        "The system scores 29.8 and 42.3 BLEU on WMT14 En-De, En-Fr.",
        [(29.8, "WMT2014 English-German"), (42.3, "WMT2014 English-French")],
    ),
    (
        "On WMT16 En-Ro and Ro-En it reaches 35.1 and 34.0 BLEU, respectively.",
        [(35.1, "WMT2016 English-Romanian"), (34.0, "WMT2016 Romanian-English")],
    ),
    (  # a pair with no entry keeps the stem as written
        "BLEU is 28.1 on WMT19 De-En and 31.0 on Fr-En.",
        [(28.1, "WMT2019 German-English"), (31.0, "WMT19 Fr-En")],
    ),
    (  # no stemmed name before: the bare pair stays as it is
        "We reach 31.5 BLEU on En-Fr.",
        [(31.5, "En-Fr")],
    ),
]


def test_elliptic_pairs_take_the_stem(extractor: Extractor) -> None:
    for text, expected in CASES:
        rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
        assert sorted((r.value, r.benchmark) for r in rows) == sorted(expected), text


class _Entry:
    name = "WMT2014 English-German"


@given(
    st.lists(st.sampled_from(["En-De", "Fr-En", "Ro-En", "COCO", "X1"]), max_size=5),
    st.sampled_from([", ", " and ", ", and ", " on "]),
)
def test_elliptic_pairs_keep_every_name(tail: list[str], joiner: str) -> None:
    """Every name is kept at its place; only bare pairs after the stemmed name change, in order."""
    text = "on WMT14 En-De" + "".join(joiner + t for t in tail)
    names = [Span(3, 14, "WMT2014 English-German", "WMT14 En-De", _Entry())]  # type: ignore[arg-type]
    out = elliptic_pairs(text, lambda name: None, names, len(text))
    assert out[0] is names[0]
    assert [b.start for b in out] == sorted(b.start for b in out)
    assert all(b.name.startswith("WMT14 ") and b.raw in tail for b in out[1:])
