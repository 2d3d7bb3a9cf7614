"""BENCHMARK-SCORE: a score named after its benchmark ("a FooBench score of 71.8", "the FooBench rating is 6.2",
"its FooBench score climbs from 0.31 to 0.44"). The number's metric is that benchmark's own score, its benchmark
the one named, and the benchmark mention stays a benchmark (the metric phrase does not swallow it).

The phrase is a benchmark mention followed by a noun of grammar kind `own_score_noun` ("score", "rating"), or a
mention that itself ends in "score" ("CLUEscore"). Between the phrase and the number stand either only a link
("of", "=", ":", "is", "reaches", about/~), or words of kinds `predicate_link`, `level_verb`, `measure_change_verb`,
`change_adverb` and `own_score_link` ("goes", "moves") and then "from"/"to"/"at"/"by" ("stays at 6.2"); the end of
a transition ("from 0.31 for the baseline to 0.44") takes it too. Nothing between may be another metric or benchmark
mention or a ";", and the gap is at most window `own_score_gap` characters.
"""

from __future__ import annotations

import re

from leaderboard.extract.alternation import NEVER, plain_alternation
from leaderboard.extract.attribution import Span
from leaderboard.extract.grammar import NO_WORDS, Grammar
from leaderboard.extract.sentence import Abstract, Reading, Sentence
from leaderboard.extract.windows import Windows

_TIGHT = re.compile(r"\s*(?:\([^()]{1,12}\)\s*)?(?:of|=|:|is|was|reaches|reached)?\s*(?:about|~)?\s*", re.IGNORECASE)
VERB_KINDS = ("predicate_link", "level_verb", "measure_change_verb", "change_adverb", "own_score_link")


def _patterns(g: Grammar) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The score noun right after a benchmark mention; a clause gap of verbs and a preposition; the gap of a
    transition's end ("rises from 0.31 ... to"). Built once per grammar (`Grammar.derived`)."""
    nouns = list(g.words.get("own_score_noun", NO_WORDS))
    noun = re.compile(rf"[\s\-]?(?:{plain_alternation(nouns)})", re.IGNORECASE) if nouns else NEVER
    verbs = [w for k in VERB_KINDS for w in g.words.get(k, NO_WORDS)]
    verb = plain_alternation(verbs) if verbs else NEVER.pattern
    lead = rf"\s*(?:(?:{verb})\s+){{1,3}}"
    clause = re.compile(rf"{lead}(?:(?:from|to|at|by|of)\s+)?(?:about\s+|~\s*)?", re.IGNORECASE)
    transition = re.compile(rf"{lead}from\s+[-+]?\d[^;]*?\s(?:to|->|\u2192)\s*", re.IGNORECASE)
    return noun, clause, transition


def score_phrase(a: Abstract, s: Sentence, r: Reading) -> Span | None:
    """metric.score_named_by_benchmark: see the module docstring; the metric span covers the benchmark mention and
    its score noun, named "<benchmark> score"."""
    start = r.num.start
    noun, clause, transition = a.g.derived("own_score", _patterns)
    gap_max = Windows.read(a.g, "own_score_gap")
    for b in sorted(s.benches, key=lambda m: -m.end):
        if b.start < 0 or b.end > start or start - b.end > gap_max:
            continue
        m = noun.match(a.text, b.end)
        if m is None and not b.raw.lower().endswith("score"):
            continue
        end = m.end() if m is not None else b.end
        if not _gap_fits(a, s, end, start, clause, transition):
            continue
        return Span(b.start, end, f"{b.name} score", a.text[b.start : end])
    return None


def _gap_fits(a: Abstract, s: Sentence, end: int, start: int, clause: re.Pattern, transition: re.Pattern) -> bool:
    """The words between the score phrase and the number link them, with no other name or clause between."""
    if _TIGHT.fullmatch(a.text, end, start):
        return True
    if ";" in a.text[end:start] or any(end <= m.start < start for m in (*s.metrics, *s.benches) if m.start >= 0):
        return False
    return bool(clause.fullmatch(a.text, end, start) or transition.fullmatch(a.text, end, start))


def usual_span(a: Abstract, bench: Span, unit: str | None) -> Span | None:
    """A benchmark's usual metric as an implied span (no offsets). A benchmark whose usual metric is a placeholder
    of grammar kind `own_score_metric` ("Own Score") is measured in its own named score ("MT-Bench score"), which
    takes plain numbers and points only (a percentage on it is some other measure)."""
    usual = a.vocab.metrics.lookup(bench.entry.get("metric")) if bench.entry is not None else None
    if usual is None:
        return None
    own = usual.name.lower() in a.g.words.get("own_score_metric", NO_WORDS)
    if own and unit not in {None, "points"}:
        return None
    return Span(-1, -1, f"{bench.name} score" if own else usual.name, "", usual)
