"""The number grammar: numbers as written in abstracts, with offsets, unit, sign, spread and suffix.

Handles `92.0%`, `5\\%`, `$92.1$`, `1,024`, `85.3 ± 0.2` / `85.3 $\\pm$ 0.2`, `2.5x` / `2.5×`, unicode minus,
`percent`, glued suffixes (`120k`, `7B`, `28.9mm`, `54.3AP`) and skips digits inside names (CIFAR-10, GPT-4,
ResNet-50, P@1, Llama-2-13B, WMT'14) and URLs. `link_numbers` then groups numbers into ranges/transitions
("from 55.1 to 67.2", "9%-19%", "0.7895 -> 0.8420") and slash lists ("1.9/3.9").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from leaderboard.extract.urls import url_spans

_NUMBER = re.compile(
    r"""
    (?=[-\u2212\u2013+$.\d])  # every match opens with one of these: lets `re` skip other positions quickly
    (?P<sign>[-\u2212\u2013+](?=\$?\.?\d))?
    (?P<dollar>\$)?
    (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
    (?P<dollar2>\$)?
    (?P<plus>\+(?=\s?(?:[x\u00d7]|times)\b))?  # "10+ times": at least ten times
    (?P<spread>\s*(?:\u00b1|\+/-|\+-|\$?\\pm\$?)\s*\$?(?P<spreadnum>\d+(?:\.\d+)?)\$?)?
    (?P<unit>\s?(?:\\?%|percent(?:age)?\b(?!\s+(?:points?|pts)\b))
            |\s?(?:[x\u00d7]|X(?=\s))(?![\w\u00d7])
            |\s(?:times)\b(?!\s+(?:more|as)\s+(?:data|parameters|compute))
            |\$?\\times\$?(?![A-Za-z]))?
    (?P<spreadpct>(?(spread)\s?\\?%|(?!x)x))?
    """,
    re.VERBOSE,
)
_GLUED = re.compile(r"[A-Za-z]+")
_DIMENSION_AFTER = re.compile(r"\s?[x\u00d7]\s?\$?\d|\s?\$?\\times\$?\s?\d")
_CURRENCY_AFTER = re.compile(
    r"(?:\s+(?:per|for|a|an|each|USD|dollars?)\b|\s*[,;.)]\s|\s*[,;.)]?$)(?![^$]{0,40}\$(?![\d.]))"
)
_DIMENSION_BEFORE = re.compile(r"\d\s?(?:[x\u00d7]|\$?\\times\$?)\s?\$?$")
# "two test sets-93.02% accuracy": a percentage glued by a hyphen to a lower-case word (a PDF line join) is a
# number, not part of a name ("CIFAR-10", "gpt-4" have no percent sign)
_WORD_HYPHEN_BEFORE = re.compile(r"(?<![\w\-])[a-z]{3,}[-\u2010\u2011]$")
# "1/3 of the time": a fraction of small whole numbers before "of" is one number
_FRACTION = re.compile(r"(?<![\d./])(\d{1,2})/(\d{1,2})(?![\d./])(?=\s+of\b)")


@dataclass(frozen=True, slots=True)
class Number:
    """A number in text: [start, end) covers its surface including an attached unit (and a ± spread)."""

    start: int
    end: int
    value: float
    unit: str | None  # "%", "x", or a glued/following unit word ("mm", "pp", "points"); None when bare
    signed: str = ""  # "+", "-" when written with a sign
    spread: float | None = None
    suffix: str = ""  # glued letters that are not a unit: "k", "B", "AP", "th", "D"
    suffix_start: int = -1
    decimals: int = 0
    unit_from_range: bool = False  # the unit is written once, after the range's second number ("12-30%")

    def text(self, source: str) -> str:
        return source[self.start : self.end]


def _glued_to_name(text: str, start: int) -> bool:
    """True when the number at `start` is part of a name token (CIFAR-10, GPT-4, P@1, WMT'14, v2, x86)."""
    if start == 0:
        return False
    c = text[start - 1]
    if c.isalpha() or c in "@^_'\u2019#&":
        return True
    if c in "-\u2010\u2011" and start >= 2 and (text[start - 2].isalpha() or text[start - 2] in ")]"):
        return True
    return c == "." and start >= 2 and text[start - 2].isalnum()  # "v1.2.3", "GPT-3.5"


def _times_before(text: str, start: int) -> bool:
    """Whether the 12 characters before `start` hold a multiplication sign, a cheap test before _DIMENSION_BEFORE."""
    w = text[max(0, start - 12) : start]
    return "x" in w or "\u00d7" in w or "\\times" in w


def _unit(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.strip().strip("$").lstrip("\\")
    if raw in {"%", "percent", "percentage"}:
        return "%"
    if raw in {"x", "\u00d7", "X", "times"}:
        return "x"
    return raw or None


_ANY_DIGIT = re.compile(r"\d")
_ASCII_DIGIT_TO_ZERO = bytes.maketrans(b"123456789", b"000000000")


def has_digit(text: str) -> bool:
    """Whether `text` holds a digit (`\\d`): for ASCII text ten C-level substring tests, ~15x cheaper than the
    regex, which looks up every character's Unicode category."""
    if text.isascii():
        return (
            "0" in text or "1" in text or "2" in text or "3" in text or "4" in text
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text
        )  # fmt: skip
    return _ANY_DIGIT.search(text) is not None


def _number_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_NUMBER.finditer(text)`, searching only from 3 characters before the next digit.

    A match holds a digit at most 3 characters after its start (sign, `$`, `.`), so no match starts earlier:
    skipping to the next digit in C is ~2x cheaper than letting `_NUMBER` try every position. In ASCII text the
    next digit is a `bytes.find` of "0" in a copy whose digits are all "0" (`\\d` is [0-9] there).
    """
    pos = 0
    number = _NUMBER.search
    if text.isascii():
        find = text.encode("ascii").translate(_ASCII_DIGIT_TO_ZERO).find
        while (d := find(b"0", pos)) >= 0:
            m = number(text, max(pos, d - 3))
            if m is None:
                return
            yield m
            pos = m.end()
        return
    digit = _ANY_DIGIT.search
    while (dm := digit(text, pos)) is not None:
        m = number(text, max(pos, dm.start() - 3))
        if m is None:
            return
        yield m
        pos = m.end()


def find_numbers(text: str) -> list[Number]:
    """Every number token in `text` that is not part of a name, a URL or a resolution ("1024 x 1024")."""
    out: list[Number] = []
    urls = url_spans(text)
    prev_name_end = -2
    skip_to = -1
    for m in _number_matches(text):
        m_start = m.start()
        num_start, num_end = m.span("num")
        if num_start < skip_to:
            continue
        if text[num_end : num_end + 1] == "/" and (frac := _fraction(text, num_start)) is not None:
            out.append(frac)
            skip_to = frac.end
            continue
        sign, dollar = m.group("sign", "dollar")
        start = num_start - (1 if dollar else 0)
        if sign:
            # a sign only when it does not join the number to a word before it ("LLaMA-2" is a name)
            before = text[m_start - 1] if m_start > 0 else " "
            if (before.isalnum() and not (sign == "+" and before.isdigit())) or before in ")]%":
                sign = ""  # "77.4+4.2": the second number is a signed gain
            else:
                start = m_start
        else:
            sign = ""
        if text[num_end : num_end + 1] == "." and text[num_end + 1 : num_end + 2].isdecimal():  # "\.\d" after it
            prev_name_end = num_end
            continue  # 2.1.3: a version
        if _glued_to_name(text, num_start if not sign else m_start) and not (
            _unit(m.group("unit")) == "%" and _WORD_HYPHEN_BEFORE.search(text, max(0, num_start - 24), num_start)
        ):
            prev_name_end = num_end
            continue
        if num_start > 0 and text[num_start - 1] in "-." and prev_name_end == num_start - 1:
            prev_name_end = num_end  # "Llama-2-13B": a digit run chained to a name
            continue
        if urls and any(s <= num_start < e for s, e in urls):
            continue
        if num_start > 0 and (text[num_start - 1].isdigit()):
            continue
        end = m.end()
        dollar2, spread_raw, spreadnum, unit_raw, spreadpct = m.group(
            "dollar2", "spread", "spreadnum", "unit", "spreadpct"
        )
        unit = _unit(unit_raw)
        if spreadpct:
            unit = "%"
        if unit == "x" and _DIMENSION_AFTER.match(text, num_end + (1 if dollar2 else 0)):
            continue  # 1024 x 1024: a resolution or shape
        # "1024 x 1024", but not "4x -9x smaller": a range of factors (every match holds "x", "\u00d7" or "\\times")
        if not sign and _times_before(text, start) and _DIMENSION_BEFORE.search(text, max(0, start - 12), start):
            continue
        if unit is None and _DIMENSION_AFTER.match(text, end):
            continue
        suffix, suffix_start = "", -1
        if unit is None and spread_raw is None:
            g = _GLUED.match(text, end)
            if g:
                suffix, suffix_start = g.group(), g.start()
        num = text[num_start:num_end]
        try:
            value = float(num.replace(",", ""))
        except ValueError:
            continue
        if sign in {"-", "\u2212", "\u2013"}:
            value, sign = -value, "-"
        spread = float(spreadnum) if spread_raw else None
        decimals = len(num.split(".")[1]) if "." in num else 0
        if unit is None and dollar2 and not dollar:
            end = num_end
        if dollar and not dollar2 and unit is None and spread_raw is None and _CURRENCY_AFTER.match(text, num_end):
            unit = "$"  # "a cost of $0.32 per issue": an amount of money, no LaTeX
        if unit is None and spread_raw is None:
            end = num_end + (1 if (dollar and dollar2) else 0)
        out.append(Number(start, end, value, unit, sign, spread, suffix, suffix_start, decimals))
    return out


def _fraction(text: str, start: int) -> Number | None:
    """ "1/3 of": a proper fraction of small whole numbers before "of", as one number (value to 4 decimals)."""
    m = _FRACTION.match(text, start)
    if m is None:
        return None
    top, bottom = int(m.group(1)), int(m.group(2))
    if not 0 < top < bottom:
        return None
    return Number(start, m.end(), round(top / bottom, 4), None, decimals=4)


_RANGE_JOIN = re.compile(
    r"^\s*(?:(?:-|\u2013|\u2014|~|\u223c|\uff5e|\$?\\sim\$?)|(?:to|up\s+to|and)|->|\u2192|=>|\u21d2|\\rightarrow|\$\\rightarrow\$|\$\\to\$)\s*$"
)
_DASHES = frozenset({"-", "\u2013", "\u2014", "~", "\u223c", "\uff5e", "\\sim", "$\\sim$"})
_UNIT_GAP = re.compile(r"^\s?([A-Za-z]{1,5})\b")
_METRIC_GAP = re.compile(r"\s?(?!up\s)[A-Za-z][\w@\-]{0,11}\s+to\s+")
_BY_BEFORE = re.compile(r"(?<![\w-])by\s+$", re.IGNORECASE)
_FROM = re.compile(r"(?:from|between|range[sd]?\s+(?:from\s+)?|ranging\s+(?:from\s+)?)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Link:
    """How two consecutive numbers are joined: a range/transition (first -> second) or a slash list."""

    first: int  # index in the numbers list
    second: int
    kind: str  # "range" | "list"


def link_numbers(text: str, nums: list[Number]) -> list[Link]:
    """Ranges ("from 55.1 to 67.2", "9%-19%", "2-4x", "0.79 -> 0.84") and slash lists ("1.9/3.9")."""
    links: list[Link] = []
    for i in range(len(nums) - 1):
        a, b = nums[i], nums[i + 1]
        gap = text[a.end : b.start]
        if len(gap) > 12:
            continue
        if gap.strip() == "/" or gap == "/":
            links.append(Link(i, i + 1, "list"))
            continue
        if a.signed == "-" and not gap.strip():
            continue
        joined = _RANGE_JOIN.match(gap)
        unit_word = _UNIT_GAP.match(gap)
        if not joined and unit_word and _FROM.search(text, max(0, a.start - 24), a.start):
            same = re.match(r"\s?" + re.escape(unit_word.group(1)) + r"\b", text[b.end : b.end + 8])
            if same and re.fullmatch(r"\s*to\s*", gap[unit_word.end(1) :]):
                joined = True  # "from 120 ms to 45 ms"
        if not joined and _METRIC_GAP.fullmatch(gap) and a.unit == b.unit:  # the metric once, after the first:
            joined = bool(_FROM.search(text, max(0, a.start - 24), a.start))  # "from 71.0% F1 to 75.9%"
        if not joined and b.signed == "-" and not gap.strip():
            joined = True  # "9%-19%" tokenised as 9% and -19%
        if not joined:
            continue
        word = gap.strip().lower()
        if (word in _DASHES or not word) and a.unit is not None and b.unit is None and not b.suffix:
            links.append(Link(i, i + 1, "list"))  # "SHHS: 84.1%-77.2": a pair of values of two metrics; a range
            continue  # writes its unit last or twice
        has_from = bool(_FROM.search(text, max(0, a.start - 24), a.start))
        if word == "and" and not text[max(0, a.start - 9) : a.start].lower().rstrip().endswith("between"):
            continue
        if word in {"to", "up to"} or word in _DASHES or not word:
            if a.unit != b.unit and a.unit is not None and b.unit is not None:
                continue
            by = _BY_BEFORE.search(text, max(0, a.start - 4), a.start)
            if word == "to" and not has_from and a.unit is b.unit is None and by:
                continue  # CHANGE-THEN-LEVEL: "rises by 3.0 to 77.5", a change and its level ("by 16% to 33%": spread)
        links.append(Link(i, i + 1, "range"))
    return links


def share_range_units(nums: list[Number], links: list[Link]) -> list[Number]:
    """`nums` where the first number of a range that writes its unit once ("12-30%", "between 41 and 58%", "2-4x")
    has the unit of the second; the same list (same indexes) otherwise."""
    out = nums
    for lk in links:
        a, b = nums[lk.first], nums[lk.second]
        if lk.kind == "range" and a.unit is None and not a.suffix and a.spread is None and b.unit in {"%", "x"}:
            if out is nums:
                out = list(nums)
            out[lk.first] = replace(a, unit=b.unit, unit_from_range=True)
    return out
