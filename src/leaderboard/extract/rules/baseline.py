"""Baseline: the system a change is measured against ("+2.1 AP over the ATSS baseline"), and the benchmark of a
baseline's own number that is given with another benchmark's metric. A baseline phrase is cut to the one known
model it holds, so that it meets the same model in other papers."""

from __future__ import annotations

import re

from leaderboard.extract.attribution import Span, clause_start
from leaderboard.extract.grammar import Grammar
from leaderboard.extract.rules import Fields, rule
from leaderboard.extract.sentence import Abstract, Reading, Sentence
from leaderboard.extract.vocab import norm_key
from leaderboard.extract.windows import Windows

_ARTICLE = re.compile(r"(?:\s*(?:the|a|an|those\s+of|that\s+of)\s+)?")
_BASELINE_STOP = re.compile(
    r"\s+(?:on|by|in|across|for|with|at|while|and\s+(?:achiev|reach|obtain)\w*|which|that|when|respectively)\b"
    r"|[,;.()]\s|[,;()]|\.$"
)
# a bare number after the comparison word ("more than 12 percent") bounds a value; it names no system
_QUANTITY = re.compile(r"[-+±~≈]?\d[\d.,]*(?:%|x|×)?$")


@rule("baseline.after_comparison_word")
def after_comparison_word(a: Abstract, s: Sentence, r: Reading) -> Fields | None:
    """The system named after a comparison word: after the change ("2.3 points over X"), else earlier in its clause.

    As in "Compared with X, ours is 1.8x faster".
    """
    text, g, num = a.text, a.g, r.num
    found = _system_span(text, baseline_span(text, g, r.span_end, s.s1))
    if found is None:
        found = _system_span(text, baseline_span(text, g, clause_start(text, s.s0, num.start), num.start))
    if found is None:
        return None
    name = cut_to_known_name(a, " ".join(text[found[0] : found[1]].split()), r.method)
    return Fields((("baseline", name),), found) if name else None


def _system_span(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """The span, unless it starts with a bare number (a bound or a compared value, no system's name)."""
    return None if span is None or _QUANTITY.match(text[span[0] : span[1]].split()[0]) else span


def baseline_span(text: str, grammar: Grammar, start: int, s1: int) -> tuple[int, int] | None:
    """Offsets of the system named after the first comparison word in text[start:s1] (at most `baseline_words`
    words)."""
    m = grammar.compare.search(text, start, s1)
    if not m:
        return None
    p0 = _ARTICLE.match(text, m.end(), s1).end()
    stop = _BASELINE_STOP.search(text, p0, s1)
    p1 = stop.start() if stop else s1
    while p0 < p1 and text[p0] in " ,.;:":
        p0 += 1
    while p1 > p0 and text[p1 - 1] in " ,.;:":
        p1 -= 1
    words = text[p0:p1].split()
    if not words or len(words) > Windows.read(grammar, "baseline_words"):
        return None
    return p0, p1


def cut_to_known_name(a: Abstract, phrase: str | None, method: str | None = None) -> str | None:
    """A baseline phrase cut to the one known model it holds ("performance of the pre-trained Llama 2 model" ->
    "Llama 2"), so that it meets the same model in other papers; else the phrase as written. Not when the cut
    name is the reading's own method: "fine-tuned X" over "few-shot X" is told apart by the words around X."""
    if not phrase or " " not in phrase:
        return phrase or None
    known = a.vocab.methods.find(phrase)
    if len(known) != 1:
        return phrase
    name = phrase[known[0].start : known[0].end]
    if method is not None and norm_key(name) == norm_key(method):
        return phrase
    return name


@rule("benchmark.home_of_baseline_metric")
def home_of_baseline_metric(a: Abstract, s: Sentence, r: Reading, readings: list[Reading]) -> Span | None:
    """A compared system's number takes the one benchmark its metric was reported on in its sentence.

    When the name before it only has other metrics ("a perplexity of 10.8 on WikiText-103 and 66.5% accuracy on
    LAMBADA, compared to the previous best perplexity of 15.8"); `readings`: the sentence's readings.
    """
    b = r.benchmark
    if r.is_own is not False or b is None or r.metric is None or r.metric_inferred or not 0 <= b.end <= r.num.start:
        return None
    given = [o for o in readings if o is not r and o.metric is not None and not o.metric_inferred and o.benchmark]
    here = [o.metric.name for o in given if o.benchmark.name == b.name]
    homes = {o.benchmark.name: o.benchmark for o in given if o.metric.name == r.metric.name and o.is_own is not False}
    if here and r.metric.name not in here and len(homes) == 1:
        return next(iter(homes.values()))
    return None
