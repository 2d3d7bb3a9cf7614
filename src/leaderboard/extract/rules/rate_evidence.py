"""RATE-OF-ITEMS: a plain number read with a rate cue right after it ("410 crops per second", "52 images per second",
"1,250 tokens/s") is a throughput result (registered in the `result` group; rules/result.py imports it so the
engine's evidence chain finds it by name).

The efficiency cue (efficiency.py, SPEED-CUE-AFTER) already names the metric; a whole number with no unit has no
other evidence. The rate metrics are the phrases of grammar kind `rate_metric` (Throughput, FPS): a speed-up or a
latency cue without a unit or ratio stays without evidence ("3 faster ..." is no result). RATE-AFTER-RUN-VERB: a
rate metric whose row says `verb` (Frequency: "20 Hz") counts only after a verb of kind `rate_verb` ("runs at 20
Hz", "plans at 45 Hz"): "sampled at 16 Hz" is a setting.
"""

from __future__ import annotations

import re

from leaderboard.extract.alternation import compile_role
from leaderboard.extract.rules import rule
from leaderboard.extract.sentence import Abstract, Reading, Sentence


def _verb_before(g) -> re.Pattern:
    return compile_role(r"(?<![\w\-])(?:ALT)\s+(?:about\s+|around\s+|up\s+to\s+|~\s*)?$", g.words, "rate_verb")


@rule("result.rate_of_items")
def rate_of_items(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A plain number followed by its rate cue ("410 crops per second", "runs at 20 Hz"): a throughput result."""
    m = r.metric
    if m is None or r.rules.get("metric") != "metric.efficiency_cue" or m.start < r.span_end:
        return False
    if r.num.signed or r.kind != "absolute":
        return False
    need = a.g.words.get("rate_metric", {}).get(m.name.lower())
    if need is None:
        return False
    if need != "verb":
        return True
    verb = a.g.derived("rate_verb_before", _verb_before)
    return verb.search(a.text, max(s.s0, r.num.start - 40), r.num.start) is not None
