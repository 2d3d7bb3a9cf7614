"""The per-number reading's shortcuts skip work whose outcome is already known: each gives what the full path
gives (same output, less work)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract import Extractor, context, task_bindings
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


_HINT_TEXT = st.lists(
    st.sampled_from(["on", "using", "uses", "used", "use", "with", "from", "in", "of", "the", " ", "  ", "\t", "X",
                     "7", "a", "-", "ion", "ofx", "\u00e9", "_", "We", "For", "for", "(B)", "CIFAR-10", "."]),
    max_size=10,
).map("".join)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(_HINT_TEXT, st.integers(0, 4))
def test_evaluation_hint_is_the_word_boundary_pattern(text: str, pos: int) -> None:
    plain = re.compile(r"\b(?:on|using|use[sd]?|with|from|in|of)\s+(?:the\s+)?[A-Z0-9]")
    assert (context._EVAL_HINT.search(text, pos) is None) == (plain.search(text, pos) is None)


@settings(max_examples=500, deadline=None)
@given(_HINT_TEXT, st.integers(0, 4))
def test_names_then_for_counts_what_the_name_pattern_finds(text: str, w0: int) -> None:
    want = len(task_bindings._NAME_THEN_FOR.findall(text, w0, len(text)))
    assert task_bindings._names_then_for(text, w0, len(text)) == want


def test_names_then_for_examples() -> None:
    text = "We use CoNLL-03 for tagging and PTB for\tparsing; no name for this."
    assert task_bindings._names_then_for(text, 0, len(text)) == 2
    assert task_bindings._names_then_for("results for ImageNet", 0, 20) == 0
    assert task_bindings._names_then_for("Results for ImageNet", 0, 20) == 1
