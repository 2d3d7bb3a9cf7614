"""SPEED-NAMED-BY-ACTIVITY (metric.speed_named_by_activity): a time or frame rate whose clause says what activity
it measures names its metric after that activity.

Papers write how long something takes, or how fast it runs, with the activity as the clause's subject: "Inference
on a 10,000-row table takes 1.2 seconds", "Sampling 32 members takes 2.6 s", "adaptation costs 14 ms per episode",
"Inference runs at 14.2 FPS", or as its verb: "Scenes render at 310 FPS". The measure is then that activity's time
or speed, with the generic measure it is a kind of in parentheses so the row stays found under that name too
("Inference time (latency)", "Sampling time (latency)", "Rendering speed (FPS)"), not a bare latency or frame
count. A rate in frames per second with no activity stays FPS, the field's usual name for it.

Only a generic efficiency metric is renamed: a time read from a prose verb or preposition ("takes", "costs", "runs
in"; PROSE-TIME's default metric, grammar row `default_metric,prose_time`) or a rate written as FPS. A measure noun
written on the number ("a latency of 20 ms", "an inference time of": the metric as written holds a word of grammar
kind `time_measure_word`) stays as written. The activity is the first word of the number's clause, or of its last
comma-part (after a conjunction or determiner; not after "while", "when", "by": a participle), with a verb of its
own before the number (grammar kind `activity_link_verb`: "takes", "costs", "runs"): a gerund ("Sampling";
"Generating" becomes "Generation") that is not a preposition-like one (grammar kind `activity_not`), or an action
noun of grammar kind `activity_noun` (value: the name to use, else the word); or a verb of grammar kind
`activity_verb` right before "at"/"in" and the number (value: the activity's name: "render" is Rendering). The
metric keeps its vocabulary entry (its direction).
"""

from __future__ import annotations

import functools
import re

from leaderboard.extract.alternation import compile_role
from leaderboard.extract.attribution import Span, clause_start
from leaderboard.extract.grammar import NO_WORDS
from leaderboard.extract.sentence import Abstract, Reading

RULE = "metric.speed_named_by_activity"
_RATE = "FPS"
_LEAD = re.compile(r"\s*(?:(?:and|but|while|whereas|then|so|the|its|their|our|a|an|each|one|every|single)\s+)*", re.I)
_WORD = re.compile(r"[A-Za-z][a-z]+(?:-[a-z]+)?\b")
_PARTICIPLE = re.compile(r"\b(?:while|whereas|when|by|after|before|thus|thereby)\s", re.I)


@functools.lru_cache(maxsize=4)
def _verb_pattern(words: tuple[str, ...]) -> re.Pattern:
    kinds = {"activity_verb": dict.fromkeys(words, "")}
    return compile_role(
        r"(?<![\w\-])(?P<verb>ALT)\s+(?:at|in)\s+(?:about\s+|only\s+|up\s+to\s+)?$", kinds, "activity_verb"
    )


@functools.lru_cache(maxsize=4)
def _link_pattern(words: tuple[str, ...]) -> re.Pattern:
    return compile_role(
        r"(?<![\w\-])(?:ALT)(?![\w\-])", {"activity_link_verb": dict.fromkeys(words, "")}, "activity_link_verb"
    )


def named_by_activity(a: Abstract, readings: list[Reading]) -> None:
    """metric.speed_named_by_activity: see the module docstring."""
    if a.speed is None:
        return
    measure_words = a.g.words.get("time_measure_word", NO_WORDS)
    for r in readings:
        m = r.metric
        if m is None or r.rules.get("metric") != "metric.efficiency_cue" or m.start < 0:
            continue
        rate = m.name == _RATE
        if not rate and (m.name != a.speed.time_metric or any(w in m.raw.lower() for w in measure_words)):
            continue
        activity = _activity(a, r)
        if activity is None:
            continue
        name = f"{activity} speed ({_RATE})" if rate else f"{activity} time ({m.name.lower()})"
        r.metric = Span(m.start, m.end, name, m.raw, m.entry)
        r.note("metric", RULE)


def _activity(a: Abstract, r: Reading) -> str | None:
    """The activity the number's clause names (its subject or its verb), as a capitalised noun, or None."""
    text, start = a.text, r.num.start
    words = a.g.words
    verbs = words.get("activity_verb", {})
    if verbs:
        v = _verb_pattern(tuple(sorted(verbs))).search(text, max(r.s0, start - a.w.activity_verb_before), start)
        if v is not None:
            word = " ".join(v.group("verb").lower().split())
            return verbs.get(word) or word.capitalize()
    c0 = clause_start(text, r.s0, start)
    comma = text.rfind(", ", c0, start)
    for c in (c0, comma + 2) if comma >= 0 else (c0,):  # "For a long prompt, prefill costs 410 ms"
        if start - c <= a.w.activity_before_number and (name := _subject(a, c, start)) is not None:
            return name
    return None


def _subject(a: Abstract, c: int, start: int) -> str | None:
    """The activity that opens the clause at `c` (before the number at `start`), or None."""
    text, words = a.text, a.g.words
    lead = _LEAD.match(text, c, start)
    w = _WORD.match(text, lead.end() if lead else c, start)
    if w is None or _PARTICIPLE.search(text, c, w.start()):
        return None  # "while maintaining 30 fps": a participle clause, no subject
    verbs = words.get("activity_link_verb", {})
    if not verbs or _link_pattern(tuple(sorted(verbs))).search(text, w.end(), start) is None:
        return None  # "..., reporting 38.1% AP at 60 FPS": no verb of its own, a participle
    low = w.group(0).lower()
    nouns = words.get("activity_noun", {})
    if low in nouns:
        return nouns[low] or low.capitalize()
    if len(low) > 5 and low.endswith("ing") and low not in words.get("activity_not", {}):
        return (low[:-3] + "ion" if low.endswith("ating") else low).capitalize()
    return None


RATIO_RULE = "metric.ratio_of_speed_noun"
# what may follow a bare ratio: a clause mark, a preposition or a conjunction, not a noun it measures ("fewer")
_BARE_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$|(?:and|or|for|on|with|over|at|in|to|when|while|across|compared|versus|vs|that\s+of|those\s+of)\b)",
    re.I,
)


@functools.lru_cache(maxsize=4)
def _speed_nouns(words: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\w\-])(?P<cue>" + alt + r")s?(?![\w\-])", re.I)


def ratio_of_speed_noun(a: Abstract, readings: list[Reading]) -> None:
    """metric.ratio_of_speed_noun: SPEED-RATIO-OF-SENTENCE: a bare ratio ("2.5x" with no noun after it) that no rule
    gave a metric measures the speed measure its sentence names before it: an earlier ratio's speed metric ("a 3.2x
    speedup ..., compared with 2.8x for X") or a speed noun (grammar kind `speed_noun`: "the speedup is still 2.5x",
    "speedups range from 2.6x to 3.7x")."""
    if a.speed is None or not any(r.unit == "x" and r.metric is None for r in readings):
        return
    nouns = a.speed.values["speed_noun"]
    pattern = _speed_nouns(tuple(nouns))
    for k, r in enumerate(readings):
        if r.unit != "x" or r.metric is not None or not _BARE_AFTER.match(a.text, r.span_end, r.s1):
            continue
        prev = next((p for p in reversed(readings[:k]) if p.unit == "x" and p.metric is not None), None)
        if prev is not None and a.speed.is_speed(prev.metric.name):
            r.metric = prev.metric
        else:
            named = [m for m in a.metrics if r.s0 <= m.start and m.end <= r.num.start and a.speed.is_speed(m.name)]
            cues = list(pattern.finditer(a.text, named[-1].end if named else r.s0, r.num.start))
            cue = cues[-1] if cues else None
            entry = a.vocab.metrics.lookup(nouns.get(cue.group("cue").lower(), "")) if cue is not None else None
            if entry is not None and cue is not None:
                r.metric = Span(cue.start(), cue.end(), entry.name, cue.group(0), entry)
            elif named:
                r.metric = named[-1]  # "the speedup is still 2.5x"
            else:
                continue
        r.metric_inferred = False
        r.note("metric", RATIO_RULE)
