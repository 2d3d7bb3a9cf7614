"""Non-result rules: which number tokens are years, sizes, counts, settings, list markers or citations.

`non_result_reason` looks only at the number and the few words around it; it returns why a number is not a
reported outcome, or None. Whether a surviving number *is* a result is decided in extractor.py from the
evidence around it (a unit, a bound metric, a change word, a benchmark).
"""

from __future__ import annotations

import re

from leaderboard.extract.grammar import Grammar
from leaderboard.extract.numbers import Number
from leaderboard.extract.windows import Windows

_LIST_MARKER_AFTER = re.compile(r"^\s*[).\]]")
_LIST_MARKER_BEFORE = re.compile(r"(?:^|[\s:;,(\[])[(\[]?\s*$")
_CITATION = re.compile(r"\[[\d,;\s\-\u2013]*$")
_CITATION_END = re.compile(r"^[\d,;\s\-\u2013]*\]")
_HYPHEN_WORD = re.compile(r"^[-\u2010\u2011](?!(?:points?|pts?|percentage)\b)[A-Za-z]")  # not "a 12.4-point gain"
# "1024-point patches", "a 7-point scale": a whole number joined to "point" before a noun names a size or a scale;
# before a change noun it is a change ("a 12-point gain")
_POINT_COMPOUND = re.compile(r"^[-\u2010\u2011]points?\s+([A-Za-z][\w\-]*)")
# SPREAD-OF-VALUE: "83.4% ± 0.3", "83.4 (±0.3)", "0.834 (SD = 0.012)", "64.7 EM (std 0.4)": the value before's spread
_PLUS_MINUS_BEFORE = re.compile(r"(?:\u00b1|\+/-|\+-|\\pm\$?)\s*\$?$")
_LABEL_IN_PARENTHESIS = re.compile(r"\d\s*%?(?:\s*[A-Za-z][\w@\-]*){0,2}\s*[(\[]\s*([^\d()\[\]:=]{1,24}?)\s*[:=]?\s*$")
# SHARED-OF-PHRASE: "10% or 20% of the training data": the percentages before the last share its "of" phrase
_PERCENT_TAIL = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+)\d+(?:\.\d+)?\s?%")
_CAPITALISED_BEFORE = re.compile(r"(?:^|\s)([A-Z][\w\-.+]*)\s$")
_LINKED_BEFORE = re.compile(r"(?:\bof|[=:])\s*$")
_VERSION_AFTER = re.compile(r"^\.\d")
_GLUED = re.compile(r"[a-z]{3,}\.(?:\d+[.,]\d|$)")  # "Corresponding author.10.7% better": a footnote or broken text
_DATE_WORDS = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$|^\s*(?:st|nd|rd|th)?,?\s*"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b",
    re.IGNORECASE,
)

_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _may_name_month(near: str) -> bool:
    """False only when `_DATE_WORDS` cannot match `near`: ASCII text (lowering keeps every case-insensitive match)
    without a month's stem; a few C-level `in` tests where `re` tries twelve stems at every position."""
    if not near.isascii():
        return True
    low = near.lower()
    return any(m in low for m in _MONTH_STEMS)


_NEXT_WORDS = re.compile(r"[ \t]+([\w@\-]+)(?:[ \t]+([\w@\-]+))?(?:[ \t]+([\w@\-]+))?")


def is_year(num: Number) -> bool:
    return num.unit is None and num.decimals == 0 and not num.suffix and 1900 <= num.value <= 2100 and not num.signed


def rate_or_duration(words: dict[str, dict[str, str]], before: str, after: str) -> bool:
    """ "112 tokens per second", "in under 2 minutes": a rate or a time taken (efficiency.py's cue words), not a
    count of things."""
    low = " ".join(after.lower().split())
    rates = [p for p in words.get("speed_after", {}) if "per " in p or "/" in p]
    heads = low.split(" ", 2)  # "140 utterances per second", "410 person crops per second": items, then the rate
    if any(t.startswith(p) for t in (low, *(" ".join(heads[k:]) for k in (1, 2))) for p in rates):
        return True
    tail = " ".join(before.lower().split())
    unit = low.split(" ", 1)[0] if low else ""
    return unit in words.get("time_unit", {}) and any(tail.endswith(p) for p in words.get("time_before", {}))


def metric_follows(rest: str, metric_lookup) -> bool:
    """COUNT-NOUN-MODIFIER: a metric name right after the count noun ("58.7 answer F1", "91.2 token accuracy",
    "71.0 image R@1"): the noun qualifies the metric, the number is no count."""
    m = _NEXT_WORDS.match(rest)
    words = [w for w in m.groups() if w] if m else []
    return any(metric_lookup(" ".join(words[:n])) is not None for n in range(1, len(words) + 1))


def quick_non_result(text: str, num: Number, sent_start: int, grammar: Grammar) -> bool:
    """A vocabulary-free first pass: True for numbers that no metric next to them could make a result
    (years, sizes, ordinals, list markers, citations, "N-word" settings, bare counts of things)."""
    settings = grammar.words.get("setting_after", {})
    if num.suffix and (num.suffix in grammar.exact.get("magnitude", ()) or num.suffix.lower() in settings):
        return True
    bare = num.unit is None and not num.suffix
    if not bare or num.decimals or num.signed:
        return False
    link = Windows.read(grammar, "year_link_before")
    if 1900 <= num.value <= 2100 and not _LINKED_BEFORE.search(text, max(sent_start, num.start - link), num.start):
        return True  # a year, unless a phrase binds it ("an Elo of 2010": non_result_reason decides)
    after = text[num.end : num.end + Windows.read(grammar, "non_result_after")]
    before = text[max(sent_start, num.start - Windows.read(grammar, "non_result_before")) : num.start]
    if _HYPHEN_WORD.match(after):
        return True
    if grammar.count_after.match(after) and not rate_or_duration(grammar.words, before, after):
        return True
    return bool("[" in before and _CITATION.search(before) and _CITATION_END.match(after))


def dropped_in_any_sentence(text: str, num: Number, grammar: Grammar) -> bool:
    """True only when `quick_non_result` is True whatever sentence start holds the number: its tests that read no
    text before the number, and the two that read it only to keep one (a year's link, a rate's time word), on the
    widest window (a narrower one, starting later, finds no link or time word that this one misses)."""
    settings = grammar.words.get("setting_after", {})
    if num.suffix and (num.suffix in grammar.exact.get("magnitude", ()) or num.suffix.lower() in settings):
        return True
    if num.unit is not None or num.suffix or num.decimals or num.signed:
        return False
    link = Windows.read(grammar, "year_link_before")
    if 1900 <= num.value <= 2100 and not _LINKED_BEFORE.search(text, max(0, num.start - link), num.start):
        return True
    after = text[num.end : num.end + Windows.read(grammar, "non_result_after")]
    if _HYPHEN_WORD.match(after):
        return True
    before = text[max(0, num.start - Windows.read(grammar, "non_result_before")) : num.start]
    return bool(grammar.count_after.match(after) and not rate_or_duration(grammar.words, before, after))


def non_result_reason(
    text: str,
    num: Number,
    sent_start: int,
    grammar: Grammar,
    bound_metric: bool,
    metric_lookup,
) -> str | None:
    """Why `num` (a token of `text`) is not a reported result, or None when it may be one."""
    before = text[max(sent_start, num.start - Windows.read(grammar, "non_result_before")) : num.start]
    after = text[num.end : num.end + Windows.read(grammar, "non_result_after")]
    bare = num.unit is None
    if num.suffix:
        low = num.suffix.lower()
        if low == "s" and num.decimals == 0 and 1900 <= num.value <= 2100 and num.value % 10 == 0:
            return "decade"  # "the early 2020s": a year with a plural "s", not seconds
        if low in grammar.words.get("setting_after", {}):
            return "ordinal or setting"
        if num.suffix in grammar.exact.get("magnitude", ()):
            return "size (magnitude suffix)"
        if low not in grammar.words.get("unit_result", {}) and metric_lookup(num.suffix) is None:
            return "digits inside a name"
    if _VERSION_AFTER.match(after):
        return "version number"
    if _spread_of_value(before, grammar):
        return "spread of the value before (±, SD)"
    if "." in before and _GLUED.search(before):  # the pattern holds a period: the cheap test first
        return "footnote or broken text (glued to a word and a period)"
    if is_year(num) and not bound_metric:
        return "year"
    if bare and num.decimals == 0 and num.value <= 31:
        near = before[-Windows.read(grammar, "date_before") :] + "|" + after[: Windows.read(grammar, "date_after")]
        if _may_name_month(near) and _DATE_WORDS.search(near):
            return "date"
    if bare and num.decimals == 0 and not num.signed:
        if "[" in before and _CITATION.search(before) and _CITATION_END.match(after):
            return "citation"
        if num.value < 20 and _LIST_MARKER_AFTER.match(after) and _LIST_MARKER_BEFORE.search(before):
            return "list marker"
        if num.start == sent_start and re.match(r"^\s*\.", after):
            return "list marker"
    if bare and _HYPHEN_WORD.match(after):
        return "setting (N-word compound)"
    pc = _POINT_COMPOUND.match(after) if bare and num.decimals == 0 else None
    if pc is not None and not grammar.delta_noun_after.match(" " + pc.group(1)) and not grammar.change.fullmatch(pc[1]):
        return "setting (N-point compound before a noun)"
    if bare and not bound_metric and grammar.setting_before.search(before):
        return "setting or reference"
    count = grammar.count_after.match(after) if num.unit != "%" and not bound_metric else None
    nouns = grammar.exact.get("count_noun", frozenset())
    counted = count is not None and not _name_in_capitals(count.group(0), nouns, num.unit != "x")
    if counted and not metric_follows(after[count.end() :], metric_lookup):  # type: ignore[union-attr]
        return "count or size"
    if num.unit == "%" and grammar.data_after.match(after[share_tail(after) :]):
        return "amount of data"
    whole = num.decimals == 0 or (num.decimals == 1 and num.value == int(num.value))  # "3", "3.0": before the pattern
    if bare and not bound_metric and not num.signed and whole:
        m = _CAPITALISED_BEFORE.search(before) if before[-1:].isspace() else None  # the pattern ends in "\s$"
        if m and metric_lookup(m.group(1)) is None:
            return "version or generation number in a name"
    return None


def _spread_of_value(before: str, grammar: Grammar) -> bool:
    """SPREAD-OF-VALUE: the number follows "±" or a spread label in a parenthesis after another number (grammar
    `spread_label`: "SD", "std", "standard error")."""
    if ("\u00b1" in before or "+" in before or "\\pm" in before) and _PLUS_MINUS_BEFORE.search(before):
        return True  # the pattern holds one of these: the cheap test first
    if "(" not in before[-30:] and "[" not in before[-30:]:
        return False
    m = _LABEL_IN_PARENTHESIS.search(before)
    return m is not None and m.group(1).lower().rstrip(". ") in grammar.words.get("spread_label", {})


_OPENER = re.compile(r"\s*([A-Za-z]+)\b")


def fronted_condition(text: str, s0: int, s1: int, num: Number, names: list, words: dict[str, dict[str, str]]) -> bool:
    """FRONTED-CONDITION: the number sits in a phrase that opens its sentence with a condition word (grammar
    `condition_opener`: "With a guidance weight of 3.0, ...", "At 10% label noise, ...", "Using only 1/8 of the
    labels, ...") and ends at the sentence's first comma, the phrase names no metric or benchmark (`names`: their
    spans), and the sentence goes on with another number: the condition the result after it is measured under."""
    comma = text.find(",", s0, s1)
    if comma < 0 or num.end > comma or comma - s0 > 120:
        return False
    m = _OPENER.match(text, s0)
    if m is None or m.group(1).lower() not in words.get("condition_opener", {}):
        return False
    if any(s0 <= n.start < comma for n in names):
        return False
    return any(c.isdigit() for c in text[comma:s1])


def share_tail(after: str) -> int:
    """SHARED-OF-PHRASE: the length of a run of coordinated percentages right after a percentage (" or 20%",
    ", 20% and 50%"), whose "of" phrase follows the last of them; 0 when there is none."""
    end = 0
    while (m := _PERCENT_TAIL.match(after, end)) is not None:
        end = m.end()
    return end


def _name_in_capitals(counted: str, nouns: frozenset[str], mixed: bool) -> bool:
    """CAPITALS-ARE-A-NAME: the count noun matched is written in capitals ("3.1 points above CLIP") or in a name's
    mixed case ("5.7 points above ProteinMPNN": no proteins) while no count noun of the grammar is ("GPU*", "FLOPs"
    are; `nouns` as written): a model's or dataset's name, not a plural of things counted. A mixed-case name only
    with `mixed` (not after a ratio: "3000x more than ImageNet" compares amounts of images)."""
    word = counted.split()[-1]
    stem = word[:-1] if word.endswith("s") else word
    if len(stem) < 3 or not (stem.isupper() or mixed and any(c.isupper() for c in stem[1:])):
        return False
    return not any(n[:1].isupper() and word.startswith(n.rstrip("*")) for n in nouns)
