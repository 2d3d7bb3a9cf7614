"""LATEX-WRAPPED-NAME (extract/latex_names.py): sentences written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leaderboard.extract import Extractor
from leaderboard.extract.attribution import Span
from leaderboard.extract.latex_names import unwrap_latex
from leaderboard.models import Paper


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The model reaches 19.8% on $\\text{AlpacaEval}_{2.0}$ and 62.0% on $\\text{IFEval}$.",
            [(19.8, "AlpacaEval 2.0"), (62.0, "IFEval")],
        ),
        ("Our tagger obtains 91.4 F1 on $\\mathrm{OntoNotes}$ after pre-training.", [(91.4, "OntoNotes 5.0")]),
        (
            "After alignment the win rate is 33.5% on \\textbf{Arena-Hard}, up from 21.0%.",
            [(21.0, "Arena-Hard"), (33.5, "Arena-Hard")],
        ),
    ],
)
def test_latex_wrapped_name(extractor: Extractor, text: str, expected: list[tuple]) -> None:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract=text))
    assert sorted({(r.value, r.benchmark) for r in rows}) == expected


def test_subscript_is_not_a_number(extractor: Extractor) -> None:
    rows = extractor.extract(Paper(paper_id="p", title="", abstract="It scores 40.2% on $\\text{AlpacaEval}_{2.0}$."))
    assert [r.value for r in rows] == [40.2]


@given(st.text(alphabet=st.characters(blacklist_characters="\\"), max_size=60), st.integers(0, 30))
def test_text_without_markup_is_unchanged(text: str, start: int) -> None:
    spans = [Span(start, start + 3, "X", "X")]
    assert unwrap_latex(text, spans, lambda name: None, 24) == spans
