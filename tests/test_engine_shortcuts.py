"""The per-number reading's shortcuts skip work whose outcome is already known: each gives what the full path
gives (same output, less work)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract import Extractor
from leaderboard.extract.filters import non_result_reason
from leaderboard.extract.numbers import find_numbers


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.default()


_NUMBER_TEXT = st.lists(
    st.sampled_from(["In ", "2019", "1.", " (2) ", "[3]", "12", "3 datasets", "7B", "0.5", "of ", "= ", "Table ",
                     "v2 ", "GPT-", "5-shot", "40%", " of the data", " epochs", " points", "May ", "BLEU ", " ",
                     ", ", "x"]),
    max_size=8,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_NUMBER_TEXT)
def test_a_reason_with_a_bound_metric_is_a_reason_without(extractor: Extractor, text: str) -> None:
    """result.rejected_even_if_bound: a number rejected with a metric bound is rejected without one, so the engine
    may drop it before binding its metric."""
    lookup = extractor.vocab.metrics.lookup
    for num in find_numbers(text):
        if non_result_reason(text, num, 0, extractor.grammar, True, lookup):
            assert non_result_reason(text, num, 0, extractor.grammar, False, lookup)
