"""Names around a reading: the metric a change noun names, a metric that belongs to another benchmark or number,
and the vocabulary entry of another split."""

from __future__ import annotations

import re

from leaderboard.extract.attribution import Span, capture_metric, clause_start, generic_head
from leaderboard.extract.sentence import Abstract, Reading
from leaderboard.extract.vocab import norm_key

_NUMBER_JOIN = re.compile(r"\s*(?:%\s*)?(?:,|,?\s*and|,?\s*or)\s*")  # "64.1 and 62.3": one list
_IN_OF = re.compile(r"\s+(?:in|of)\s")
_NO_BREAK = re.compile(r"[^,;.()]{0,40}")
_SUBJECT_ANAPHOR = re.compile(  # "; the latter yields", "The former reaches" opening a sentence
    r"(?:^|(?<=[.!?]\s)|[;,:]|\b(?:while|whereas|and|but))\s*the\s+(\w+)\b(?=[^,;.]*$)", re.IGNORECASE
)
_ANAPHOR_AFTER = re.compile(r"[^,;.]*?\b(?:on|for|in|of)\s+the\s+(\w+)\b", re.IGNORECASE)
_FRONTED_ANAPHOR = re.compile(r"\b(?:[Oo]n|[Ff]or|[Ii]n|[Aa]t)\s+the\s+(\w+)\b")
_ARTICLE_END = re.compile(r"\ban?\s+$")  # "and an accuracy of 55.1%": a measure of its own number


def changed_metric(a: Abstract, r: Reading, own: list[Span], s1: int) -> Span | None:
    """ "a 75% reduction in both the number of parameters": the metric a change noun names after "in"/"of"."""
    if r.kind != "delta":
        return None
    dm = a.g.delta_noun_after.match(a.text[r.span_end : min(s1, r.span_end + 60)])
    end = r.span_end + dm.end() if dm else 0
    if dm is None or not _IN_OF.match(a.text, end):
        return None
    return next((m for m in own if m.start >= end and _NO_BREAK.fullmatch(a.text, end, m.start)), None)


def belongs_to_other(a: Abstract, metric: Span, bench: Span | None, sb: list[Span]) -> bool:
    """ "HumanEval pass@1": a metric written right after (or overlapping the end of: "AlpacaEval 2.0 LC win rate")
    another benchmark's name is that benchmark's."""
    for b in sb:
        if b is not bench and b.start < metric.start <= b.end + 2 and (bench is None or b.name != bench.name):
            return True
    return False


def bound_elsewhere(a: Abstract, metric: Span, r: Reading, sb: list[Span]) -> bool:
    """ "64.2% on MMLU and a pass@1 of 37.8% on HumanEval": a metric another number binds by its own phrase is
    not shared back ("an accuracy of 55.1%", or across this number's own benchmark), nor with a number that has
    its own "a score of", nor with a plain number when it binds a percentage, nor forward across a result verb
    to another benchmark with another usual metric."""
    other = a.memory.bound.get(metric.start)
    if other is None or other is r:
        return False
    if metric.start >= r.span_end and (
        (metric.end <= other.num.start and _ARTICLE_END.search(a.text, r.span_end, metric.start))
        or any(r.span_end <= b.start and b.end <= metric.start for b in sb)
    ):
        return True
    if _other_usual(r, other, metric) and a.g.result_verb.search(a.text, metric.end, r.num.start):
        # "a 45.6% success rate on X and resolves 23.3% of issues on Y": Y's own usual metric; but not a number
        # coordinated right after the binding one ("the HOTA reaches 64.1 and 62.3 on A and B"): one list
        return not (other.span_end <= r.num.start and _NUMBER_JOIN.fullmatch(a.text, other.span_end, r.num.start))
    if other.unit == "%" and r.unit is None:
        return True  # "a 71.3% win rate on X and 8.4 on Y": a percentage is not shared with a plain number
    head = capture_metric(a.text, r.num, r.s0, a.g, generic=True)  # "a score of", "an MT-Bench score of"
    return head is not None and generic_head(a.g, head.raw.split()[-1])


def subject_anaphor(readings: list[Reading], runs: list[list[Span]], text: str, s0: int, words: dict[str, str]):
    """LIST-ANAPHOR-SUBJECT: "We test on A and B; the latter yields 6.1%": "the latter/former" opening the clause of a
    number points at the last / first member of the name list before it. Yields the readings it gave a name."""
    ends = [w for w, v in words.items() if v in ("first", "last")]  # "former", "latter"
    for r in readings:
        if r.benchmark is not None:
            continue
        before = text[max(s0, r.num.start - 80) : r.num.start]
        if before.isascii() and not any(w in before.lower() for w in ends):
            continue  # no "former"/"latter" before the number (the literal cue first)
        m = _SUBJECT_ANAPHOR.search(text, max(s0, r.num.start - 80), r.num.start)
        which = words.get(m.group(1).lower()) if m else None
        prior = [n for n in runs if m and n[-1].end <= m.start(1)]
        if which in {"first", "last"} and prior:
            r.benchmark, r.carried = prior[-1][0 if which == "first" else -1], False
            yield r


def anaphor_to_sentence_before(a: Abstract, readings: list[Reading], s0: int, s1: int, words: dict[str, str]):
    """LIST-ANAPHOR across sentences: "We use A and B. ... 63.2 AP on the former": with no name list in the number's
    own sentence, "on the latter/former" points into the list of the number-free sentence before. Yields the
    readings it gave a name."""
    names: list[Span] | None = None
    for r in readings:
        if r.rules.get("benchmark") == "benchmark.list_anaphor":
            continue
        m = _ANAPHOR_AFTER.match(a.text, r.span_end, min(s1, r.span_end + a.w.anaphor_after_number))
        which = words.get(m.group(1).lower()) if m else None
        if which not in {"first", "last"}:
            continue
        names = a.context.listed_before(s0) if names is None else names
        if len(names) >= 2:
            r.benchmark, r.carried = names[0 if which == "first" else -1], True
            yield r


def with_split(a: Abstract, bench: Span, subset: str) -> Span:
    """ "LibriSpeech test-clean/test-other": the entry of the other split when the vocabulary has one."""
    words = bench.name.split()
    if len(words) < 2 or not a.g.subset.fullmatch(words[-1]) or words[-1].lower() == subset.lower():
        return bench
    entry = a.vocab.benchmarks.lookup(" ".join([*words[:-1], subset]))
    return Span(bench.start, bench.end, entry.name, bench.raw, entry) if entry is not None else bench


def _other_usual(r: Reading, other: Reading, metric: Span) -> bool:
    """The number's benchmark is not the other number's, and its usual metric is not `metric`."""
    bench, theirs = r.benchmark, other.benchmark
    if bench is None or bench.entry is None or theirs is None or norm_key(theirs.name) == norm_key(bench.name):
        return False
    usual = bench.entry.get("metric")
    return bool(usual) and usual != metric.name


def fronted_anaphor(
    a: Abstract, readings: list[Reading], s0: int, runs: list[list[Span]], words: dict[str, str], sb: list[Span] = ()
):
    """LIST-ANAPHOR-FRONTED: "On the former it reaches x, and on the latter y": "on the former/latter" opening the
    clause of a nameless number points at the first / last member of the name list before it, in the sentence or
    else in the number-free sentence right before. CONJUNCT-ANAPHOR: with no name list in the sentence, the
    members are the distinct names of the coordinated conjuncts before it ("x on A and y on B, ahead of X on the
    former by z"). Yields the readings it gave a name."""
    names: list[Span] | None = None
    for r in readings:
        if r.benchmark is not None:
            continue
        c0 = clause_start(a.text, s0, r.num.start)
        hits = [m for m in _FRONTED_ANAPHOR.finditer(a.text, c0, r.num.start) if m.group(1).lower() in words]
        which = words[hits[-1].group(1).lower()] if hits else None
        if which not in {"first", "last"}:
            continue
        prior = [n for n in runs if n[-1].end <= hits[-1].start()]
        if not prior and not runs:
            prior = [conj] if len(conj := _distinct([b for b in sb if b.end <= hits[-1].start()])) >= 2 else []
        if names is None:
            names = prior[-1] if prior else ([] if runs else a.context.listed_before(s0))
        if len(names) >= 2:
            r.benchmark, r.carried = names[0 if which == "first" else -1], not prior
            yield r


def _distinct(names: list[Span]) -> list[Span]:
    """The names in order, each name once (its first mention)."""
    seen: set[str] = set()
    return [b for b in names if not (norm_key(b.name) in seen or seen.add(norm_key(b.name)))]
