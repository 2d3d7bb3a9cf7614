"""METRIC-OF-CHANGE-VERB: the measure a change verb reports, read from the verb's subject or object.

A number reported by a verb of change (grammar kind `measure_change_verb`: "rises", "drops", "cuts", "raises";
value `subject` for verbs that take the measure only as subject: "reaches") with nothing but "by", "from X to",
"X ->" or an adverb (grammar kind `change_adverb`: "only", "sharply") between the verb (or its object) and the
number measures the noun phrase that is
- the verb's object: "cuts self-preference to 53.5%", "lowers the selection gap on A from 9.4 to 2.1 points";
- else its subject, the last run of words of the clause that no preposition opens: "success rises from 41% to
  73%", "on A the jailbreak score drops 0.42 -> 0.08", "Face similarity on A improves from 0.52 to 0.61".
The phrase is at most four words, outside any benchmark or method mention, no name (digits, inner capitals), no
agent noun ("the tracker"), no phrase ending in a participle ("a boosted tree trained on A": a system
described by a reduced relative clause) and not one naming no measure (grammar kind `not_a_measure`: a head "model",
"performance"; alone "gap", "number"). Leading setting or split words (kinds `subset`, `metric_split_word`:
"zero-shot", "test") are left out. Its metric is the vocabulary's when a metric mention is the whole phrase, else the
phrase as written ("Citation precision" is not Precision).

Who takes it: a number whose metric is not written on it (none, the sentence's nearest, its benchmark's usual one).
The subject of a `subject` verb must end in a measure noun (kinds `metric_head`, `metric_head_after`) or name a
vocabulary metric ("the classifier reaches 71.2%" keeps its usual metric). A speed cue's metric stays, and so does a
metric mention holding the whole phrase ("TPR at 1% FPR"). A metric bound before the number yields only when it
is inside a phrase after the subject and the subject is a measure ("its Spearman correlation with Elo ratings is
0.93": Spearman Correlation, not Elo).
"""

from __future__ import annotations

import re

from leaderboard.extract.alternation import NEVER, compile_role, plain_alternation
from leaderboard.extract.attribution import Span
from leaderboard.extract.grammar import NO_WORDS, Grammar
from leaderboard.extract.sentence import Abstract, Reading

RULE = "metric.of_change_verb"


_AGENT = ("er", "or", "ers", "ors")  # agent nouns name systems ("classifier", "detector"), unless a measure head
_NUM = r"[-+\u2212]?\$?\d[\d.,]*\S*"
_LINK = r"(?:to|->|\u2192|\u2013|-)"
_WORD = re.compile(r"[^\s,;:()]+")
_BREAK = re.compile(r"[,;:(]")
_NAME_LIKE = re.compile(r"\d|.[A-Z].*[a-z]|[a-z].*[A-Z]")  # "Qwen2", "FooNet", "iNat": names, not measures


def _patterns(g: Grammar) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """The verbs of kind `measure_change_verb` as one pattern (group `cue`); what may stand between the verb and
    the number (adverbs of kind `change_adverb`, "by", "from X to", "X ->"); the same after the verb's object.
    Built once per grammar (`Grammar.derived`)."""
    verbs, adverbs = sorted(g.words.get("measure_change_verb", NO_WORDS)), list(g.words.get("change_adverb", NO_WORDS))
    adv = f"(?:{plain_alternation(adverbs)})" if adverbs else NEVER.pattern
    tail = (
        rf"\s*(?:{adv}\s+)?(?:(?:by|from|to|at|below|above|under|over)\s+(?:{adv}\s+)?)?"
        rf"(?:{_NUM}\s*(?:(?:percentage\s+)?points?|pp)?\s*{_LINK}\s*(?:{adv}\s+)?)?"
    )
    obj = re.compile(
        r"\s+(?:(?:the|its|their|our|a|an)\s+)?(?P<np>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3}?)"
        r"(?:\s+(?:on|in|for|of|across|with|among|under|over|against)\s+[^,;()]{1,60}?)?" + tail
    )
    words = {"measure_change_verb": dict.fromkeys(verbs, "")}
    verb = compile_role(r"(?<![\w\-])(?P<cue>ALT)(?![\w\-])", words, "measure_change_verb")
    return verb, re.compile(tail), obj


def of_change_verb(a: Abstract, readings: list[Reading]) -> None:
    """metric.of_change_verb: see the module docstring."""
    verbs = a.g.words.get("measure_change_verb")
    if not verbs:
        return
    patterns = a.g.derived("change_measure", _patterns)
    for r in readings:
        if r.bound and r.side != "before" or r.unit == "x" or r.rules.get("metric") == "metric.efficiency_cue":
            continue
        found, subject_only = _measure(a, r, patterns, verbs)
        if found is None or r.metric is not None and r.metric.start <= found.start and found.end <= r.metric.end:
            continue  # "Error rates drop", "TPR at 1% FPR rises": the mention holding the phrase already decided it
        if (subject_only or r.bound) and not _measure_head(a, found):
            continue  # "the classifier reaches 71.2% on ImageNet": its usual metric stays
        if r.bound and (r.metric is None or r.metric.start < found.end):
            continue  # only a metric bound inside the subject's own phrase ("correlation with Elo ratings is") yields
        if r.metric is None or r.metric.name != found.name:
            r.metric, r.metric_inferred = found, False
            r.note("metric", RULE)


def _measure(
    a: Abstract, r: Reading, patterns: tuple[re.Pattern, re.Pattern, re.Pattern], verbs: dict[str, str]
) -> tuple[Span | None, bool]:
    """The measure the verb before the number reports, or None; and whether the verb takes it only as subject
    (`patterns`: the verbs, what may follow the verb, what may follow the verb with its object; `_patterns`)."""
    pattern, tail, object_tail = patterns
    text, start = a.text, r.num.start
    w0 = max(r.s0, start - a.w.clause_before)
    verb = None
    names = [*a.benches, *a.methods]
    for m in pattern.finditer(text, w0, start):
        if not any(s.start <= m.start() < s.end for s in names):  # "On DROP our reader scores": a name, no verb
            verb = m
    if verb is None or _BREAK.search(text, verb.end(), start):
        return None, False
    subject_only = verbs.get(verb.group("cue").lower()) == "subject"
    if tail.fullmatch(text, verb.end(), start):
        return _subject(a, r, verb.start()), subject_only
    obj = None if subject_only else object_tail.fullmatch(text, verb.end(), start)
    if obj is None:
        return None, False
    words = [(m.group(), m.start()) for m in _WORD.finditer(text, obj.start("np"), obj.end("np"))]
    return _phrase(a, words), False


def _measure_head(a: Abstract, m: Span) -> bool:
    """Whether the phrase is a vocabulary metric or ends in a measure noun (grammar kinds `metric_head`,
    `metric_head_after`): only such a phrase is the measure a subject of "reaches" names."""
    head = m.raw.split()[-1].lower()
    return (
        m.entry is not None
        or head in a.g.words.get("metric_head", {})
        or head in a.g.words.get("metric_head_after", {})
    )


def _subject(a: Abstract, r: Reading, end: int) -> Span | None:
    """The last run of words of the clause before `end` that no preposition opens, when only prepositional phrases
    follow it up to the verb ("the accuracy on the X dataset increased"); adverbs in -ly before the verb are left
    out. Prepositions, determiners and conjunctions are grammar kind `function_word` (value `determiner`,
    `conjunction`, or empty: a preposition or another word that opens a phrase). SUBJECT-BEFORE-ASIDE: a participle
    aside between commas right before the verb ("Load imbalance, measured as the coefficient of variation, falls")
    is skipped: the subject is the clause before it."""
    text, function = a.text, a.g.words.get("function_word", NO_WORDS)
    breaks = [m for m in _BREAK.finditer(text, r.s0, end)]
    begin = breaks[-1].end() if breaks else r.s0
    if len(breaks) >= 2 and not text[begin:end].strip() and text[breaks[-1].start()] == ",":
        aside = _WORD.search(text, breaks[-2].end(), breaks[-1].start())  # "X, measured as Y, falls": the X
        if text[breaks[-2].start()] == "," and aside is not None and aside.group().lower().endswith("ed"):
            begin, end = (breaks[-3].end() if len(breaks) >= 3 else r.s0), breaks[-2].start()
    subject: list[tuple[str, int]] = []
    run: list[tuple[str, int]] = []
    opened = False  # whether a preposition opens the current run
    for m in _WORD.finditer(text, begin, end):
        low = m.group().lower()
        role = function.get(low)
        if role is not None:
            if run and not opened:
                subject = run
            if run or role != "determiner":
                opened = role not in ("determiner", "conjunction")
            run = []
            continue
        run.append((m.group(), m.start()))
    if run and not opened:
        subject = run
    while subject and subject[-1][0].lower().endswith("ly"):
        subject = subject[:-1]
    head = next((m for m in _WORD.finditer(text, begin, end) if function.get(m.group().lower()) is None), None)
    if head is not None and head.group().lower() in a.g.words.get("share_noun", NO_WORDS):
        return _share_of(a, (head.group(), head.start()), end)  # the clause's first content word
    return _phrase(a, subject) if subject else None


def _share_of(a: Abstract, noun: tuple[str, int], end: int) -> Span | None:
    """SHARE-OF-ITEMS: a share noun (grammar kind `share_noun`: "share", "proportion", "fraction") names no measure
    alone; with what it counts ("the fraction of answers citing a wrong policy falls from 14% to 6%") the
    whole phrase up to the verb is the measure, as written (at most 12 words, no method in it)."""
    words = [(m.group(), m.start()) for m in _WORD.finditer(a.text, noun[1], end)]
    if len(words) < 3 or len(words) > 12 or words[1][0].lower() != "of" or _BREAK.search(a.text, noun[1], end):
        return None
    while words[-1][0].lower().endswith("ly"):
        words = words[:-1]
    start, stop = words[0][1], words[-1][1] + len(words[-1][0])
    if any(start <= s.start < stop for s in a.methods):
        return None
    raw = a.text[start:stop]
    return Span(start, stop, raw, raw)


def _phrase(a: Abstract, words: list[tuple[str, int]]) -> Span | None:
    """The measure named by the words, or None when they name a benchmark, a method or no measure."""
    spans = [*a.benches, *a.methods]
    owner = max((k + 1 for k, (w, _) in enumerate(words) if w.endswith(("'s", "\u2019s"))), default=0)
    words = words[owner:]  # "our metric's Pearson correlation": the possessor is no part of the measure
    setting = (a.g.words.get("subset", {}), a.g.words.get("metric_split_word", {}))
    while len(words) > 1 and any(words[0][0].lower() in kind for kind in setting):
        words = words[1:]  # "Zero-shot exact match", "test accuracy": the setting is no part of the measure
    if words and any(s.start <= words[-1][1] < s.end for s in a.benches):
        return None  # "Short-context MMLU drops": a benchmark, not a measure
    words = [(w, p) for w, p in words if not any(s.start <= p < s.end for s in a.benches)]  # "MME perception"
    if not words or len(words) > 4 or any(s.start <= p < s.end for w, p in words for s in spans):
        return None
    start, end = words[0][1], words[-1][1] + len(words[-1][0])
    raw = a.text[start:end]
    known = [m for m in a.metrics if m.start == start and m.end == end]
    if known:  # "the top-1 accuracy", "Error rates": the vocabulary's metric (but "Span precision" is no Precision)
        return known[0]
    stop = a.g.words.get("not_a_measure", {})
    low = [w.lower() for w, _ in words]
    if stop.get(low[-1]) == "head" or len(low) == 1 and low[0] in stop or " ".join(low) in stop:
        return None
    function = a.g.words.get("function_word", NO_WORDS)
    if any(w in function for w in low) or any(_NAME_LIKE.search(w) for w, _ in words):
        return None
    if low[-1].endswith(_AGENT) and low[-1] not in a.g.words.get("metric_head", {}):
        return None  # "the tracker", "our detector": a system, not a measure
    if len(low) > 1 and low[-1].endswith("ed") and not low[-1].endswith("eed"):
        return None  # SUBJECT-WITH-PARTICIPLE: "a gradient-boosted tree trained on A falls": a system described
    return Span(start, end, raw, raw)
