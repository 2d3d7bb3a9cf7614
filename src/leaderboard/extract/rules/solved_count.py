"""COUNT-OF-ITEMS-SOLVED: a whole number of items a system gets right is a result (registered in the `result` group;
rules/result.py imports it so the engine's evidence chain finds it by name).

Papers that evaluate on a fixed pool of items report how many the system solves: "correctly fixes 162 bugs",
"solves 23 of the 657 PutnamBench problems", "resolves 41 issues". A whole number right after a verb of kind
`share_verb` or `share_verb_metric` is that count when one of the three words after it (after "of (the) <total>",
if written) is a noun of grammar kind `solved_item`, the items counted. Its metric, when none is written on it, is
the items and the verb's participle ("Bugs fixed", "Problems solved").
"""

from __future__ import annotations

import re

from leaderboard.extract.attribution import Span
from leaderboard.extract.rules import rule
from leaderboard.extract.sentence import Abstract, Reading, Sentence

_VERB_BEFORE = re.compile(r"(?<![\w\-])(?P<verb>[a-z]+)\s+$")
_ITEMS_AFTER = re.compile(r"\s+(?:of\s+(?:the\s+)?\d[\d,]*\s+)?(?P<words>[\w\-]+(?:\s+[\w\-]+){0,2})")
_WORD = re.compile(r"[\w\-]+")
_VERB_KINDS = ("share_verb", "share_verb_metric")


def solved_items(a: Abstract, r: Reading) -> tuple[str, str, int, int] | None:
    """(verb, items, start, end of the items noun) when the number counts items solved, else None."""
    num = r.num
    if r.unit is not None or num.decimals or num.signed or num.suffix or r.kind != "absolute":
        return None
    text = a.text
    verb = _VERB_BEFORE.search(text, max(r.s0, num.start - 20), num.start)
    words = a.g.words
    if verb is None or not any(verb.group("verb").lower() in words.get(k, {}) for k in _VERB_KINDS):
        return None
    items = _ITEMS_AFTER.match(text, r.span_end, min(r.s1, r.span_end + 60))
    known = words.get("solved_item", {})
    for w in _WORD.finditer(text, *items.span("words")) if items is not None else ():
        if w.group().lower() in known:  # "23 of the 657 PutnamBench problems": the first item noun
            return verb.group("verb").lower(), w.group().lower(), w.start(), w.end()
    return None


@rule("result.count_of_items_solved")
def count_of_items_solved(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A whole number of items a share verb counts ("correctly fixes 162 bugs", "solves 23 of the 657 problems")."""
    return solved_items(a, r) is not None  # a whole number first, then the word before it: a share verb


def _participle(verb: str) -> str:
    """The verb's past participle: "fixes" -> "fixed", "solves" -> "solved", "answers" -> "answered"."""
    if verb.endswith("ed"):
        return verb
    if verb.endswith(("ses", "xes", "shes", "ches", "zes")):
        return verb[:-2] + "ed"
    if verb.endswith("es"):
        return verb[:-1] + "d"
    return (verb[:-1] if verb.endswith("s") else verb) + "ed"


def metric_of_count(a: Abstract, readings: list[Reading]) -> None:
    """metric.of_items_solved: a count of items solved with no metric of its own is named by its items and the
    verb's participle ("Bugs fixed")."""
    for r in readings:
        if r.rules.get("result") != "result.count_of_items_solved" or r.metric is not None and not r.metric_inferred:
            continue
        found = solved_items(a, r)
        if found is not None:
            verb, noun, start, end = found
            name = f"{noun.capitalize()} {_participle(verb)}"
            r.metric, r.metric_inferred = Span(start, end, name, a.text[start:end]), False
            r.note("metric", "metric.of_items_solved")
