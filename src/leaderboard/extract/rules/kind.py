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


_COPULA = frozenset({"is", "are", "was", "were"})
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
