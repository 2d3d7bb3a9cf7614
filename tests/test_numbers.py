"""The number grammar: surface text, value, unit, spread; ranges and slash lists; digits inside names."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaderboard.extract import numbers
from leaderboard.extract.numbers import find_numbers, link_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("FID of 2.20 on CIFAR-10", [("2.20", 2.2, None)]),
        ("92.0% on Reward-Bench", [("92.0%", 92.0, "%")]),
        ("up to 5\\% improvement", [("5\\%", 5.0, "%")]),
        ("$92.1$ accuracy", [("$92.1$", 92.1, None)]),
        ("a cost of $0.32 per issue and $1.5.", [("$0.32", 0.32, "$"), ("$1.5", 1.5, "$")]),
        ("an accuracy of $85.2$ and $87.4 \\pm 0.3$", [("$85.2$", 85.2, None), ("$87.4 \\pm 0.3$", 87.4, None)]),
        ("1,024 images", [("1,024", 1024.0, None)]),
        ("2.5x faster and 2.5\u00d7 smaller", [("2.5x", 2.5, "x"), ("2.5\u00d7", 2.5, "x")]),
        ("a 12 percent gain", [("12 percent", 12.0, "%")]),
        ("drops by \u22123.2 points", [("\u22123.2", -3.2, None)]),
        ("2.5 times faster", [("2.5 times", 2.5, "x")]),
        ("GPT-4, ResNet-50, Llama-2-13B, P@1, WMT14, WMT'14, Hub5'00", []),
        ("1024 x 1024 images and 128\u00d7128 crops", []),
        ("see https://github.com/x/y2 for 3.5", [("3.5", 3.5, None)]),
        ("version 2.1.3 of the code", []),
    ],
)
def test_find_numbers(text, expected):
    got = [(text[n.start : n.end], n.value, n.unit) for n in find_numbers(text)]
    assert got == expected


def test_spread_and_suffix():
    (n,) = find_numbers("DSC = 0.5349\u00b10.2763")
    assert (n.value, n.spread) == (0.5349, 0.2763)
    (n,) = find_numbers("85.3 $\\pm$ 0.2%")
    assert (n.value, n.spread, n.unit) == (85.3, 0.2, "%")
    a, b, c = find_numbers("a 7B model, 120k pairs, 28.9mm")
    assert [(x.value, x.suffix) for x in (a, b, c)] == [(7.0, "B"), (120.0, "k"), (28.9, "mm")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("from 55.1 to 67.2", "range"),
        ("by 9%-19%", "range"),
        ("10x to 50x faster", "range"),
        ("0.7895 -> 0.8420", "range"),
        ("0.7895 \u2192 0.8420", "range"),
        ("$1.8\\times \\sim 2.6\\times$ faster", "range"),
        ("4.5x$\\sim$7.2x", "range"),
        ("31.4% \u223c 44.0%", "range"),
        ("WER of 1.9/3.9", "list"),
    ],
)
def test_link_numbers(text, kind):
    nums = find_numbers(text)
    (link,) = link_numbers(text, nums)
    assert (link.first, link.second, link.kind) == (0, 1, kind)


def test_signed_gain_after_value():
    a, b = find_numbers("(77.4+4.2)% mAP")
    assert (a.value, a.signed, b.value, b.signed) == (77.4, "", 4.2, "+")


_NUMBER_PIECES = st.sampled_from(
    ["1", "23", "4.5", ".7", "1,024", " ", "-", "+", "\u2212", "\u2013", "$", "%", "\\%", "x", "\u00d7", "\\pm",
     "\u00b1", "+/-", "percent", " times", "a", "B", ".", ",", "\u0663", "\\times", "(", "e"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(_NUMBER_PIECES, max_size=24).map("".join))
def test_number_matches_are_finditer(text: str) -> None:
    """Skipping to the next digit finds the same matches as letting the number pattern try every position."""
    want = [(m.span(), m.groups()) for m in numbers._NUMBER.finditer(text)]
    assert [(m.span(), m.groups()) for m in numbers._number_matches(text)] == want


def test_number_matches_skip_prose() -> None:
    text = "We gain +1.5 points, $3.2 per run and .75 recall (95.1 \u00b1 0.3%)."
    got = [text[m.start() : m.end()] for m in numbers._number_matches(text)]
    assert got == ["+1.5", "$3.2", ".75", "95.1 \u00b1 0.3%"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the two test sets-93.02% accuracy", [("93.02%", 93.02, "%")]),  # a PDF line join, not a name
        ("Llama-2 and gpt-4 and top-5", []),
        ("in 1/3 of its teacher's time", [("1/3", 0.3333, None)]),
        ("runs in 2/5 of the steps", [("2/5", 0.4, None)]),
        ("WER of 7/9 on the two sets", [("7", 7.0, None), ("9", 9.0, None)]),  # no "of" after it: a slash list
        ("ratio 3/2 of", [("3", 3.0, None), ("2", 2.0, None)]),  # not a proper fraction
        ("12+ times faster", [("12+ times", 12.0, "x")]),
        ("a 4+x gain", [("4+x", 4.0, "x")]),
    ],
)
def test_find_number_forms(text, expected):
    got = [(text[n.start : n.end], n.value, n.unit) for n in find_numbers(text)]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("drops by 12-30% on average", ["%", "%"]),
        ("between 41 and 58% of the cases", ["%", "%"]),
        ("is 3-6x faster", ["x", "x"]),
        ("from 120k to 1M tokens", [None, None]),
        ("2-4 layers", [None, None]),
    ],
)
def test_range_unit_written_once(text, units):
    from leaderboard.extract.numbers import share_range_units

    nums = find_numbers(text)
    shared = share_range_units(nums, link_numbers(text, nums))
    assert [n.unit for n in shared] == units
    assert shared[0].unit_from_range == (units[0] is not None)


def test_colon_labelled_value_pair_is_a_pair_not_a_range():
    text = "on SHHS: 84.1%-77.2 and on MASS: 80.9%-71.0"
    nums = find_numbers(text)
    assert [n.value for n in nums] == [84.1, 77.2, 80.9, 71.0]
    assert [(lk.first, lk.second, lk.kind) for lk in link_numbers(text, nums)] == [(0, 1, "list"), (2, 3, "list")]


@given(st.integers(1, 98), st.integers(2, 99), st.sampled_from(["the time", "its cost", "the steps"]))
def test_fraction_before_of(top, bottom, tail):
    text = f"it needs {top}/{bottom} of {tail}"
    got = [(text[n.start : n.end], n.value) for n in find_numbers(text)]
    if top < bottom:
        assert got == [(f"{top}/{bottom}", round(top / bottom, 4))]
    else:
        assert got == [(str(top), float(top)), (str(bottom), float(bottom))]
