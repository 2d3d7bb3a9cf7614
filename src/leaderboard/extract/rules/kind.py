"""Kind: is a number a change (delta)? Each rule returns True for a change or declines. A range comes from the
number's link ("from 55.1 to 67.2"), anything else is an absolute value."""

from __future__ import annotations

import re

from leaderboard.extract.attribution import word_before_of_an
from leaderboard.extract.rules import rule
from leaderboard.extract.sentence import Abstract, Reading, Sentence

# "improves X by 3.2", "by only 0.3", "by a further 1.1": a focus adverb may stand between "by" and the change
_BY_BEFORE = re.compile(
    r"\bby\s*(?:(?:only|just|merely|a\s+further|another|an\s+additional)\s+)?[(\[]?\s*$", re.IGNORECASE
)


_TO_END = re.compile(r"(?<![\w\-])to\s+(?:about\s+|around\s+|nearly\s+)?$", re.IGNORECASE)
_COPULA = frozenset({"is", "are", "was", "were"})
# "adds 4% to decoding latency", "adding only 0.3 ms": the verb right before the number (a focus adverb between)
_VERB_RIGHT_BEFORE = re.compile(r"(?<![\w\-])([a-z]+)\s+(?:only|just|about|roughly|nearly|another|an\s+extra)?\s*$")
# "the gap widens to 5.7", "the speedup reaches 3.9x", "the drop shrinks to only 0.4": a determiner, a noun (one
# modifier before it), one verb, "to"/"at". The determiner opens with the set of its first letters (which `re` skips
# to) and the word-start guard after it: the matches of r"\b(?i:the|its|their|our|this|that|a|an)\s+..."
_SUBJECT_VERB_BEFORE = re.compile(
    r"(?i:[tioa])(?<!\w.)(?i:(?<=t)(?:he|heir|his|hat)|(?<=i)ts|(?<=o)ur|(?<=a)(?:|n))\s+(?:[\w\-]+\s+)??([a-z][\w\-]*)\s+(?:further\s+|still\s+|then\s+)?"
    r"(?!(?:and|or|but|with|on|in|of|for|than|while|as|by|from|to|at|is|are|was|were)\b)[a-z]+\s+"
    r"(?:(?:to|at)\s+)?(?:only\s+|just\s+|about\s+)?$"
)
# "3.0 points over the previous best": a change in points before "over" and a compared system (not "over 5 runs")
_POINTS_OVER = re.compile(
    r"^\s*(?:points?|pts|pp|percentage\s+points?)\s+over\s+(?!\d|(?:the\s+)?(?:course|span|period)\b)"
)
_NUMBER_THEN_PAREN = re.compile(r"\d\s*%?(?:\s*(?!and\b|or\b)[A-Za-z][\w\-@]*){0,2}\s*\(\s*$")


@rule("kind.plus_sign")
def plus_sign(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number written with a plus sign ("+2.3")."""
    return r.num.signed == "+"


@rule("kind.signed_in_parenthesis")
def signed_in_parenthesis(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number with a minus sign in a parenthesis right after another number ("71.5 (-0.4)", "38.2% (−1.1)"): the
    change of that result, as "+2.3" is."""
    if r.num.signed != "-":
        return False
    return _NUMBER_THEN_PAREN.search(a.text, max(s.s0, r.num.start - 40), r.num.start) is not None


@rule("kind.change_noun_after")
def change_noun_after(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A change noun right after the number ("a 4.1% improvement", "12 points higher")."""
    return a.g.delta_noun_after.match(r.after) is not None


@rule("kind.change_noun_after_metric")
def change_noun_after_metric(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A change noun right after the metric written after the number ("2.1 AP gain")."""
    m = r.metric
    if m is None or r.side != "after":
        return False
    return a.g.delta_noun_after.match(a.text[m.end : m.end + a.w.change_after_metric]) is not None


@rule("kind.change_verb_by")
def change_verb_by(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A change verb earlier in the clause and "by" right before the number ("improves X by 3.2")."""
    if "by" not in r.before.lower():
        return False  # the pattern needs "by": the cheap test first
    return _BY_BEFORE.search(r.before) is not None and a.g.change.search(r.before) is not None


@rule("kind.change_noun_before")
def change_noun_before(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A change noun right before the number, alone, with "of (a)" or with a copula ("a gain of 2.1", "improvement
    3.4", "the gains are 3.1 points")."""
    word = word_before_of_an(r.before)
    if word is not None and word.lower() in _COPULA:
        toks = r.before.rsplit(None, 2)
        word = toks[-2] if len(toks) >= 2 else None
    return bool(word and a.g.delta_noun_after.match(" " + word))


@rule("kind.added_amount")
def added_amount(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number right after a verb that adds to a measure or saves part of it (grammar `add_verb`: "adds 4% to
    decoding latency", "adding only 0.3 ms per token", "saves 86.8% GPU memory"): the size of a change."""
    verbs = a.g.words.get("add_verb", {})
    if not any(v in r.before for v in verbs):
        return False  # the verb the pattern must find is written nowhere before: the cheap test first
    m = _VERB_RIGHT_BEFORE.search(r.before)
    return m is not None and m.group(1) in verbs


@rule("kind.change_noun_subject")
def change_noun_subject(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A change noun that is the subject of one verb right before the number ("the gap widens to 5.7", "the
    speedup reaches 3.9x", "the drop shrinks to 0.4 points"): the number is the new size of that change."""
    m = _SUBJECT_VERB_BEFORE.search(r.before)
    return m is not None and a.g.delta_noun_after.match(" " + m.group(1)) is not None


@rule("kind.points_over_compared")
def points_over_compared(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A number in points before "over" and a compared system ("2.2 and 3.0 points over the previous best")."""
    return r.unit in {"points", "pp"} and _POINTS_OVER.match(r.after) is not None


@rule("kind.ratio_after_change_to")
def ratio_after_change_to(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A ratio (unit x) after "to" that ends a change verb's phrase ("boosts throughput to 5.76 times", "cuts the
    cache to 0.3x"): a multiple of the earlier value, a change."""
    if r.unit != "x" or _TO_END.search(r.before) is None:
        return False
    return any(a.g.value_of("change", m.group(0)) for m in a.g.change.finditer(r.before))
