"""The knowledge layer, underneath every stage: typed vocabulary entries, read and validated once by one
loader (`load_knowledge`), and the one canonicaliser of names, splits and method keys (`canon`).

It imports nothing else of the project but `leaderboard.errors`, so sources, extract, store, rank and the app
can all build on it.
"""

from leaderboard.knowledge.canon import Splits, clean_name, method_key, method_norm
from leaderboard.knowledge.entries import (
    BenchmarkEntry,
    Cue,
    GenericMethodEntry,
    Knowledge,
    MethodEntry,
    MetricEntry,
    Origin,
    SplitEntry,
)
from leaderboard.knowledge.loader import load_knowledge, metric_info, shipped_knowledge

__all__ = [
    "BenchmarkEntry",
    "Cue",
    "GenericMethodEntry",
    "Knowledge",
    "MethodEntry",
    "MetricEntry",
    "Origin",
    "SplitEntry",
    "Splits",
    "clean_name",
    "load_knowledge",
    "method_key",
    "method_norm",
    "metric_info",
    "shipped_knowledge",
]
