"""SUB-SCORE-LABEL and DIMENSION-OF-BENCHMARK: a benchmark's section or dimension named as the measure of a number,
while the benchmark stays the benchmark.

- metric.sub_score_label: in a parenthesis right after a benchmark mention, a number led by a label of at most
  three words ("FooBench (Chat-Hard 86.0, Safety 93.1)", "(recall: 71.2; coverage: 64.0)") is that section's
  score: the label is its metric. Not when the label is a known metric, benchmark or model mention, holds digits,
  or is a split or setting word (grammar kinds `subset`, `metric_split_word`: those are subsets).
- metric.dimension_of_benchmark: a benchmark mention followed by lower-case words and a link, level or change verb
  ("FooBench perception improves by 41.3 points", "FooBench motion smoothness stays at 98.1%") measures that
  dimension; words of grammar kinds `not_a_measure` and `function_word` name no dimension.
Both only replace a metric the number does not write (none, or its benchmark's usual one).
"""

from __future__ import annotations

import re

from leaderboard.extract.alternation import NEVER, plain_alternation
from leaderboard.extract.attribution import Span
from leaderboard.extract.grammar import NO_WORDS, Grammar
from leaderboard.extract.own_score import VERB_KINDS
from leaderboard.extract.sentence import Abstract, Reading
from leaderboard.extract.windows import Windows

_LABEL = re.compile(r"(?:and\s+)?(?P<label>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,2})\s*[:=]?\s*")
_ITEM_START = "(,;"
_NO_DIMENSION = (
    *("not_a_measure", "function_word", "benchmark_head", "data_noun", "subset_head"),
    *("count_noun", "change_adverb", "not_a_dimension"),
)
_WORD = r"[a-z][a-z\-]*"
_WORDS_OF = (r"[A-Za-z][\w\-]*", r"[A-Za-z][\w\-]*\s+[A-Za-z][\w\-]*")
_DIMENSION = (re.compile(rf"\s+(?P<dim>{_WORD})(?=\s)"), re.compile(rf"\s+(?P<dim>{_WORD}\s+{_WORD})(?=\s)"))


def _open(r: Reading) -> bool:
    """The number's metric is not written on it: none, or implied (its benchmark's usual one)."""
    return r.metric is None or r.metric_inferred


def _named(a: Abstract, start: int, end: int) -> bool:
    """A known metric, benchmark or model mention overlaps [start, end)."""
    return any(m.start < end and start < m.end for m in (*a.metrics, *a.benches, *a.methods) if m.start >= 0)


def _split_word(a: Abstract, words: str) -> bool:
    low = words.lower()
    return any(low in a.g.words.get(k, NO_WORDS) for k in ("subset", "metric_split_word", "function_word"))


def labelled_in_parenthesis(a: Abstract, readings: list[Reading]) -> None:
    """metric.sub_score_label: see the module docstring."""
    text = a.text
    for r in readings:
        b = r.benchmark
        if not _open(r) or b is None or b.start < 0 or r.kind != "absolute":
            continue
        start = r.num.start
        opening = text.rfind("(", b.end, start)
        if opening < 0 or text[b.end : opening].strip() or ")" in text[opening:start]:
            continue
        item = max(text.rfind(c, opening, start) for c in _ITEM_START) + 1
        item += len(text[item:start]) - len(text[item:start].lstrip())
        m = _LABEL.fullmatch(text, item, start)
        if m is None or _named(a, m.start("label"), m.end("label")) or _split_word(a, m.group("label")):
            continue
        label = m.group("label")
        r.metric, r.metric_inferred = Span(m.start("label"), m.end("label"), label, label), False
        r.note("metric", "metric.sub_score_label")


def _link(g: Grammar) -> re.Pattern:
    verbs = [w for k in VERB_KINDS for w in g.words.get(k, NO_WORDS)]
    return re.compile(rf"\s*(?:{plain_alternation(verbs)})\b", re.IGNORECASE) if verbs else NEVER


def _not_a_dimension(g: Grammar) -> re.Pattern:
    words = [w for k in _NO_DIMENSION for w in g.words.get(k, NO_WORDS)]
    return re.compile(plain_alternation(words), re.IGNORECASE) if words else NEVER


def _tail(a: Abstract, b: Span) -> Span | None:
    """The lower-case words a benchmark mention adds to its canonical name ("FooBench motion" of FooBench): the
    vocabulary lists a dimension of the benchmark as an alias of it."""
    if not b.raw.lower().startswith(b.name.lower()):
        return None
    rest = b.raw[len(b.name) :]
    words = rest.strip(" -")
    if not words or not re.fullmatch(rf"{_WORD}(?:\s+{_WORD})?", words) or min(map(len, words.split())) < 3:
        return None
    return Span(b.end - len(words), b.end, words, words)


def _heads(g: Grammar) -> tuple[re.Pattern, ...]:
    heads = list(g.words.get("dimension_head", NO_WORDS))
    if not heads:
        return ()
    head = rf"(?:{plain_alternation(heads)})(?:\s+[a-z]+){{0,2}}\s*[:=]?\s*$"
    return tuple(re.compile(rf"(?<![\w\-])(?P<dim>{w})\s+{head}", re.IGNORECASE) for w in _WORDS_OF)


def _before_head(a: Abstract, r: Reading) -> Span | None:
    """The words before a dimension noun right before the number ("the temporal-flicker dimension reaching")."""
    start = r.num.start
    lo = max(0, start - Windows.read(a.g, "own_score_gap"))
    for p in reversed(a.g.derived("dimension_head", _heads)):  # two words first, unless a function word opens them
        m = p.search(a.text, lo, start)
        if m is not None and m["dim"].split()[0].lower() not in a.g.words.get("function_word", NO_WORDS):
            return Span(m.start("dim"), m.end("dim"), m["dim"], m["dim"])
    return None


def dimension_after_benchmark(a: Abstract, readings: list[Reading]) -> None:
    """metric.dimension_of_benchmark: see the module docstring."""
    link = a.g.derived("dimension_link", _link)
    skip = a.g.derived("not_a_dimension", _not_a_dimension)
    for r in readings:
        b = r.benchmark
        if not _open(r) or b is None or b.start < 0:
            continue
        dim = _tail(a, b) if b.end <= r.num.start else None
        if dim is not None and link.match(a.text, b.end) is None:
            continue
        headed = dim is None and (dim := _before_head(a, r)) is not None
        if dim is None and b.end <= r.num.start:
            m = next((m for p in _DIMENSION if (m := p.match(a.text, b.end)) and link.match(a.text, m.end())), None)
            if m is None or _named(a, m.start(), m.end()) or any(link.fullmatch(" " + w) for w in m["dim"].split()):
                continue
            dim = Span(m.start("dim"), m.end("dim"), m.group("dim"), m.group("dim"))
        if dim is None:
            continue
        if dim.end > r.num.start or r.num.start - dim.end > Windows.read(a.g, "own_score_gap"):
            continue
        if not headed and any(skip.fullmatch(w) for w in dim.name.split()) or _split_word(a, dim.name):
            continue
        if ";" in a.text[dim.end : r.num.start] or _named(a, dim.end, r.num.start):
            continue
        r.metric, r.metric_inferred = dim, False
        r.note("metric", "metric.dimension_of_benchmark")
