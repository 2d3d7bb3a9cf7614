"""METRIC-OF-SHARE-VERB: a percentage that is the object of a verb naming what share of items a system gets right
measures that share: "answers 61.9% correctly", "solves 61.3% of the problems", "resolves 31.4% of issues".

Grammar kind `share_verb_metric` (phrase: the verb, value: the metric it reports: Accuracy, Resolve Rate, Success
Rate) right before the number (an adverb such as "only" may stand between), the number a percentage with no metric
of its own (none, or the sentence's nearest written after it in a later clause).
The items counted, when named ("of the tasks"; grammar kind `share_object_metric`), decide the metric instead:
"solves 44.5% of the tasks" is a Success Rate, "solves 61.3% of the problems" an Accuracy. The number's later
siblings in its sentence - percentages of the same kind and benchmark with no metric, reported in the same list
("GPT-4o 48.2% and Llama 39.5%") - take the same metric.
COUNT-RESTATED-AS-SHARE: the percentage may restate, in parentheses, a count written right after the verb ("solves
112 of 244 problems (45.9%)", "succeeds in 19 (76%)"); the items are then those after the count.
"""

from __future__ import annotations

import functools
import re

from leaderboard.extract.alternation import compile_role
from leaderboard.extract.attribution import Span, clause_start
from leaderboard.extract.sentence import Abstract, Reading

RULE = "metric.of_share_verb"
_OBJECT = re.compile(r"\s+of\s+(?:(?:the|all|its|their)\s+)?(?P<words>[\w\-]+(?:\s+[\w\-]+){0,2})")
_ADVERB = r"(?:\s+(?:only|just|about|around|nearly|almost|roughly|over|under))?"
# COUNT-RESTATED-AS-SHARE: a count right after the verb and the share in parentheses after it ("solves 112 of 244
# problems (45.9%)", "succeeds in 19 (76%)"); group `count` ends the count ("of 244" included)
_COUNT = re.compile(
    r"(?<![\w.])(?P<count>\d[\d,]*(?:\s+(?:of|out\s+of)\s+(?:the\s+)?\d[\d,]*)?)"
    r"(?:\s+[A-Za-z][\w\-]*){0,6}\s*\(\s*$"
)


@functools.lru_cache(maxsize=4)
def _pattern(phrases: tuple[str, ...]) -> re.Pattern:
    """The verbs right before a number (group `cue`)."""
    words = {"share_verb_metric": dict.fromkeys(phrases, "")}
    return compile_role(r"(?<![\w\-])(?P<cue>ALT)" + _ADVERB + r"\s+$", words, "share_verb_metric")


def of_share_verb(a: Abstract, readings: list[Reading]) -> None:
    """metric.of_share_verb: see the module docstring."""
    verbs = a.g.words.get("share_verb_metric")
    if not verbs or not any(r.unit == "%" and _open(r, a.text) and r.kind != "delta" for r in readings):
        return  # no reading a verb could give its metric (the loop's own test): no pattern built nor searched
    pattern = _pattern(tuple(sorted(verbs)))
    found: Span | None = None
    source: Reading | None = None
    for r in readings:
        if r.unit != "%" or not _open(r, a.text) or r.kind == "delta":
            continue
        m = pattern.search(a.text, max(r.s0, r.num.start - 40), r.num.start)
        count = _COUNT.search(a.text, max(r.s0, r.num.start - 90), r.num.start) if m is None else None
        if count is not None:  # "solves 112 of 244 problems (45.9%)": the share restates the count
            m = pattern.search(a.text, max(r.s0, count.start() - 40), count.start())
        if m is not None:
            name = verbs[" ".join(m.group("cue").lower().split())]
            obj = _OBJECT.match(a.text, r.span_end, min(r.s1, r.span_end + 60))
            items = obj.group("words") if obj is not None else ""
            if count is not None:  # "solves 112 of 244 problems (": the items follow the count
                items = a.text[count.end("count") : count.end()].strip(" (")
            objects = a.g.words.get("share_object_metric", {})
            counted = [w for w in items.lower().split() if w in objects]
            if counted:
                name = objects[counted[0]]  # "solves 44.5% of the web tasks": Success Rate
            entry = a.vocab.metrics.lookup(name)
            found = Span(m.start("cue"), m.end("cue"), entry.name if entry else name, m.group("cue"), entry)
            source = r
        elif source is None or found is None or not _same_list(source, r):
            continue
        r.metric, r.metric_inferred = found, False
        r.note("metric", RULE)


def _open(r: Reading, text: str) -> bool:
    """No metric of its own: none, or the sentence's nearest written after it in another clause ("preferred in 61%
    of comparisons, and its CMOS ... was")."""
    m = r.metric
    if m is None:
        return True
    if r.metric_inferred:
        return False  # its benchmark's usual metric says more than a verb's default ("passes 71% of HumanEval")
    if r.rules.get("metric") != "metric.nearest_in_sentence" or m.start < r.span_end:
        return False
    return clause_start(text, r.span_end, m.start) > r.span_end  # another clause's ("..., and its CMOS")


def _same_list(first: Reading, r: Reading) -> bool:
    """Whether `r` is a later sibling of `first`: same kind and benchmark (or both none)."""
    fb, rb = first.benchmark, r.benchmark
    return r.kind == first.kind and (fb is None) == (rb is None) and (fb is None or rb is None or fb.name == rb.name)
