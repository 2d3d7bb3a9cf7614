"""The extractor's C-level fast paths give exactly what the regexes they replace give (same output, less work)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract import numbers

_NUMBERISH = st.lists(
    st.sampled_from(
        ["7", "0", "12.5", ".5", "-", "+", "$", "%", " ", "x", "a", "GPT-", "1,024", "\u0663", "\uff17", "\u00e9",
         "\u2212", "\u00b1", "e", ".", "/", "3"]
    ),
    max_size=14,
).map("".join)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(_NUMBERISH)
def test_has_digit_is_the_digit_regex(text: str) -> None:
    assert numbers.has_digit(text) == bool(re.search(r"\d", text))


@settings(max_examples=400, deadline=None)
@given(_NUMBERISH)
def test_number_matches_are_the_number_regex_matches(text: str) -> None:
    got = [m.span() for m in numbers._number_matches(text)]
    assert got == [m.span() for m in numbers._NUMBER.finditer(text)]


def test_digits_of_other_scripts_take_the_regex_path() -> None:
    assert numbers.has_digit("score \u0663") is True  # Arabic-Indic three: a digit for \d, not ASCII
    assert numbers.has_digit("no digits at all, only words") is False
    assert [m.group() for m in numbers._number_matches("up 4.5% and \uff17 then 12")] == ["4.5%", "\uff17", "12"]
