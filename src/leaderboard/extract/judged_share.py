"""JUDGED-SHARE-QUALITY (metric.of_judged_quality): a percentage of outputs that people judged to have a quality
measures the rate of that quality: "Two radiologists judged 68% of its reports clinically acceptable" is a Clinical
acceptability, "Annotators rated 62% of the answers as fully faithful" a Faithfulness.

Papers report human evaluations as the share of outputs that judges put in a class: a judging verb (grammar kind
`judge_verb`: judged, rated, found, deemed) right before the percentage, then "of <the items>", then the quality,
optionally after "as" and an adverb in -ally that narrows it ("clinically"; grammar kind `judged_aspect`, value:
its adjective). The quality is an adjective of grammar kind `judged_quality` whose value is its noun ("acceptable"
-> "acceptability"); the metric is that noun, with the narrowing adverb's adjective before it ("Clinical
acceptability"; an adverb not listed is left out). It replaces a metric the number does not bind itself (none, its
benchmark's usual one, or the sentence's nearest), and the human preference default. Later percentages of its
sentence with no metric of their own ("..., compared with 52% for R2Gen") measure the same.
JUDGED-QUALITY-IN-SHARE: verb and quality before the share, the items (up to four words) between them or none
("summaries were rated faithful in 81% of cases", "found the routes plausible in 58% of"), report the same rate.
"""

from __future__ import annotations

import functools
import re

from leaderboard.extract.alternation import compile_role
from leaderboard.extract.attribution import Span
from leaderboard.extract.sentence import Abstract, Reading

RULE = "metric.of_judged_quality"
_ITEMS = r"\s+of\s+(?:(?:the|its|their|our|all)\s+)?(?:[\w\-'\u2019]+\s+){0,4}?(?:as\s+)?(?:(?P<adv>[a-z]+ally)\s+)?"


@functools.lru_cache(maxsize=4)
def _patterns(verbs: tuple[str, ...], qualities: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern]:
    words = {"judge_verb": dict.fromkeys(verbs, ""), "judged_quality": dict.fromkeys(qualities, "")}
    before = compile_role(r"(?<![\w\-])(?:ALT)\s+(?:only\s+|about\s+|nearly\s+|over\s+)?$", words, "judge_verb")
    after = compile_role(_ITEMS + r"(?P<q>ALT)", words, "judged_quality")
    return before, after


@functools.lru_cache(maxsize=4)
def _passive(verbs: tuple[str, ...], qualities: tuple[str, ...]) -> re.Pattern:
    """JUDGED-QUALITY-IN-SHARE: the verb and the quality before the share ("were judged adequate in 64% of cases")."""
    words = {"judge_verb": dict.fromkeys(verbs, ""), "judged_quality": dict.fromkeys(qualities, "")}
    verb = compile_role(r"(?<![\w\-])(?:ALT)\s+", words, "judge_verb").pattern
    quality = compile_role(r"(?P<q>ALT)", words, "judged_quality").pattern
    tail = r"(?:[\w\-]+\s+){0,4}?(?<![\w\-])(?:as\s+)?(?:(?P<adv>[a-z]+ally)\s+)?" + quality
    tail += r"\s+(?:in|for|on)\s+(?:only\s+|about\s+)?$"
    return re.compile(verb + tail, re.IGNORECASE)


def of_judged_quality(a: Abstract, readings: list[Reading]) -> None:
    """metric.of_judged_quality: see the module docstring."""
    verbs, qualities = a.g.words.get("judge_verb"), a.g.words.get("judged_quality")
    if not verbs or not qualities or not any(r.unit == "%" and not r.bound for r in readings):
        return
    before, after = _patterns(tuple(sorted(verbs)), tuple(sorted(qualities)))
    found: Span | None = None
    for r in readings:
        if r.unit != "%" or r.bound or r.kind == "delta":
            continue
        if found is not None:
            if r.metric is None or r.rules.get("metric") == RULE:
                r.metric, r.metric_inferred = found, False
                r.note("metric", RULE)
            continue
        m = None
        if before.search(a.text, max(r.s0, r.num.start - 30), r.num.start) is not None:
            m = after.match(a.text, r.span_end, min(r.s1, r.span_end + 80))
        else:
            passive = _passive(tuple(sorted(verbs)), tuple(sorted(qualities)))
            m = passive.search(a.text, max(r.s0, r.num.start - 60), r.num.start)
        if m is None:
            continue
        noun = qualities.get(" ".join(m.group("q").lower().split())) or m.group("q").lower()
        adv = a.g.words.get("judged_aspect", {}).get((m.group("adv") or "").lower())
        name = f"{adv} {noun}" if adv else noun
        start = m.start("adv") if adv else m.start("q")
        found = Span(start, m.end("q"), name[:1].upper() + name[1:], a.text[start : m.end("q")])
        r.metric, r.metric_inferred = found, False
        r.note("metric", RULE)
