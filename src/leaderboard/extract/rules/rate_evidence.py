"""RATE-OF-ITEMS: a plain number read with a rate cue right after it ("410 crops per second", "52 images per second",
"1,250 tokens/s") is a throughput result (registered in the `result` group; rules/result.py imports it so the
engine's evidence chain finds it by name).

The efficiency cue (efficiency.py, SPEED-CUE-AFTER) already names the metric; a whole number with no unit has no
other evidence. The rate metrics are the values of grammar kind `rate_metric` (Throughput, FPS): a speed-up or a
latency cue without a unit or ratio stays without evidence ("3 faster ..." is no result).
"""

from __future__ import annotations

from leaderboard.extract.rules import rule
from leaderboard.extract.sentence import Abstract, Reading, Sentence


@rule("result.rate_of_items")
def rate_of_items(a: Abstract, s: Sentence, r: Reading) -> bool:
    """A plain number followed by its rate cue ("410 crops per second", "52 images/s"): a throughput result."""
    m = r.metric
    if m is None or r.rules.get("metric") != "metric.efficiency_cue" or m.start < r.span_end:
        return False
    if r.num.signed or r.kind != "absolute":
        return False
    return m.name.lower() in a.g.words.get("rate_metric", {})
