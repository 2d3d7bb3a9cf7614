"""SAME-EVALUATION-CARRY: when a benchmark named for the results of one sentence carries on to the next.

"Our model reaches 41.2 mIoU on X. With test-time augmentation mIoU rises to 42.0" carries X: the later sentence
measures what the earlier one measured. "Our model reaches 41.2 mIoU on X. For night scenes, boundary recall
improves from 0.61 to 0.70" does not: a sentence that writes a metric of its own, none of which the earlier
results were given in, reports another evaluation (the annotation policy then says "unspecified"); a word that
points back ("this benchmark", "the dataset") still carries it.
"""

from __future__ import annotations

from leaderboard.extract.vocab import norm_key


def same_evaluation(a, s, r) -> bool:
    """Whether the number's sentence may take the benchmark of the previous result sentence (`a.memory`): it writes
    no metric, or one of the metrics that sentence's results had (one inside the other: "Accuracy" and "Top-1
    Accuracy", "AP" and "AP_S"), or points back to it."""
    before = a.memory.last_measures
    if not before:
        return True
    own = r.metric is not None and r.metric.start >= 0
    written = [r.metric] if own else [m for m in s.metrics if m.start >= 0]
    if not written or s.has(a, "this_ref"):
        return True
    keys = {norm_key(m.name) for m in written}
    if any(k and p and (k in p or p in k) for k in keys for p in before):
        return True
    if r.trace is not None:
        why = "the sentence writes another metric than the previous results' (another evaluation)"
        r.trace.declined((r.num.start, r.num.end), "benchmark.other_evaluation", "benchmark", why)
    return False


__all__ = ["same_evaluation"]
