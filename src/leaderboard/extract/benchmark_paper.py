"""BENCHMARK-PAPER: a paper that introduces a benchmark or dataset reports its numbers on it.

"BLINK: Multimodal LLMs Can See but Not Perceive ... We introduce Blink, a new benchmark ... GPT-4V reaches
51.26%": the title's head name is the new benchmark when the title calls the paper a benchmark/dataset ("X: A
Benchmark for ...", "The X Corpus: ..."), or the abstract describes X with a benchmark head ("X, a new
benchmark", "we introduce the X dataset", "a benchmark called X"). Rows of that abstract that found no benchmark
take X (benchmark_known is true only when the vocabulary knows it); a change row when its sentence's other
results are on X, or when its sentence names neither X nor training on data (BENCHMARK-PAPER-CHANGE: "Accuracy
drops by 17.3 points when ..."). Efficiency and human-evaluation rows are left alone.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from leaderboard.models import Result

_HEAD = re.compile(r"^\s*(?P<name>[A-Z0-9][\w\-.+]*(?:\s[A-Z0-9][\w\-.+]*){0,2})\s*(?::|--|\u2014|\u2013)\s")
_APPOSITION = re.compile(r"(?![\w\-])\s*(?:\([^()]{1,40}\)\s*)?,\s*(?:a|an|the|our)\s+(?:[\w\-]+\s+){0,5}?")
_INTRODUCE = re.compile(
    r"(?:introduce|present|propose|release|construct|build|create|curate)[sd]?\s+(?:the\s+)?$", re.IGNORECASE
)
_CALLED = re.compile(r"(?:called|named|dubbed|termed)\s+$", re.IGNORECASE)


def _head(heads: re.Pattern, text: str, pos: int = 0, end: int | None = None) -> bool:
    """A head word in text[pos:end] that is not part of a hyphenated word ("Task-Aware", "multi-task")."""
    for h in heads.finditer(text, pos, len(text) if end is None else end):
        if text[h.end() : h.end() + 1] != "-" and text[h.start() - 1 : h.start()] != "-":
            return True
    return False


# COMPOUND-MODIFIER-HEAD: a head word followed by a word that is neither a function word nor another head modifies
# that word ("Task Vectors", "Set Representation", "Competition Problems"): the subtitle is not about a dataset
_HEAD_ENDS = re.compile(
    r"\s*(?:$|[,:;.!?()\u2013\u2014]|-\s|(?:for|of|on|in|with|and|to|from|across|via|at|towards?|beyond|that|"
    r"where|which|by|under|as|&)(?![\w\-]))",
    re.IGNORECASE,
)


def _title_head(heads: re.Pattern, title: str, pos: int) -> bool:
    """A head word in the title's subtitle (from `pos`) that heads its phrase ("A Benchmark for X", "... Corpus")."""
    for h in heads.finditer(title, pos):
        if title[h.end() : h.end() + 1] == "-" or title[h.start() - 1 : h.start()] == "-":
            continue
        if ends_phrase(heads, title, h.end()):
            return True
    return False


_NEXT_NOUN = re.compile(r"\s+[A-Za-z][a-z]+(?![\w\-])")  # a plain next word ("Graphs"; not "MilanŠulc", "-Aware")


def ends_phrase(heads: re.Pattern, title: str, end: int) -> bool:
    """COMPOUND-MODIFIER-HEAD: whether the head word ending at `end` ends its noun phrase (punctuation, the end, a
    function word or another head follows), rather than modifying the plain noun after it ("Task Graphs")."""
    return (
        _HEAD_ENDS.match(title, end) is not None
        or heads.match(title[end:].lstrip()) is not None
        or _NEXT_NOUN.match(title, end) is None
    )


def modifier_heads(heads: re.Pattern, title: str) -> list[tuple[int, int]]:
    """The head words of a title that modify the next noun ("Task" in "Pruning Task Graphs for ..."): a name captured
    before or after one of them ("Pruning Task", "Vectors" in "Task Vectors") is no dataset (COMPOUND-MODIFIER-HEAD)."""
    return [
        h.span()
        for h in heads.finditer(title)
        if title[h.end() : h.end() + 1] != "-"
        and title[h.start() - 1 : h.start()] != "-"
        and not ends_phrase(heads, title, h.end())
    ]


def paper_benchmark(title: str, text: str, heads: re.Pattern) -> str | None:
    """The benchmark or dataset the paper introduces (its title's head name), or None."""
    m = _HEAD.match(title or "")
    if m is None:
        return None
    name = m.group("name").strip()
    if _title_head(heads, title, m.end()):
        return name
    words = name.split()
    if len(words) >= 2 and heads.fullmatch(words[-1]):  # "The PolyGlot Corpus: ...": the head is in the name
        return " ".join(words[1:]) if words[0] in ("The", "A", "An") else name
    return name if described_as_benchmark(name, text, heads) else None


def described_as_benchmark(name: str, text: str, heads: re.Pattern) -> bool:
    """Whether the abstract describes `name` with a benchmark head: "X, a new benchmark", "we introduce X benchmark",
    "a benchmark called X", "the Long Name (X) dataset"."""
    low, key = (text or "").lower(), name.lower()
    pos = low.find(key)
    while pos >= 0:
        end = pos + len(key)
        after = text[end : end + 90]
        appos = _APPOSITION.match(after)
        if appos is not None and _head(heads, after, appos.end()):
            return True  # "X, a new benchmark"
        if _INTRODUCE.search(text, max(0, pos - 30), pos) and heads.match(after.lstrip()):
            return True  # "we introduce X benchmark"
        if _CALLED.search(text, max(0, pos - 12), pos) and _head(heads, text, max(0, pos - 40), pos):
            return True  # "a benchmark called X"
        if text.startswith(")", end) and text[pos - 1 : pos] == "(" and heads.match(after[1:].lstrip()):
            return True  # "the Rural Roads (RR) dataset": the short form it defines for a dataset
        pos = low.find(key, end)
    return False


def give_paper_benchmark(
    rows: list[Result], name: str | None, lookup, is_speed, training: frozenset[str] = frozenset()
) -> list[Result]:
    """Rows without a benchmark take the paper's own benchmark (not efficiency or human-evaluation rows);
    `training`: the grammar's training phrases ("trained on", "fine-tuning on")."""
    if name is None:
        return rows
    entry = lookup(name)
    canonical = entry.name if entry is not None else name
    out = []
    for r in rows:
        if r.benchmark is None and not is_speed(r.metric) and r.kind != "delta":
            r = replace(r, benchmark=canonical, benchmark_raw=name, benchmark_known=entry is not None)
        out.append(r)
    # a change ("13.17% higher than random guessing") in a sentence whose other results are on the benchmark, or one
    # that names no such benchmark (BENCHMARK-PAPER-CHANGE: "Accuracy drops by 17.3 points when ..."; not "fine-tuning
    # with X leads to a 19.5% increase", where X is the training data)
    on_it = {r.sentence_start for r in out if r.benchmark is not None and r.benchmark in (canonical, name)}
    return [
        replace(r, benchmark=canonical, benchmark_raw=name, benchmark_known=entry is not None)
        if r.benchmark is None and r.kind == "delta" and not is_speed(r.metric) and _on_it(r, on_it, name, training)
        else r
        for r in out
    ]


def _on_it(r: Result, on_it: set, name: str, training: frozenset[str]) -> bool:
    if r.sentence_start in on_it:
        return True
    text = (r.evidence or "").lower()
    return name.lower() not in text and not _trained(training).search(text)


@functools.lru_cache(maxsize=4)
def _trained(phrases: frozenset[str]) -> re.Pattern:
    alt = "|".join(re.escape(p.rstrip("*")) + (r"\w*" if p.endswith("*") else "") for p in sorted(phrases))
    return re.compile(rf"(?<![\w\-])(?:{alt or '(?!x)x'})(?![\w\-])")


__all__ = ["described_as_benchmark", "ends_phrase", "give_paper_benchmark", "modifier_heads", "paper_benchmark"]
