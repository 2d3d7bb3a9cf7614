"""One spelling for the names every source writes: benchmarks, metrics and methods.

Extracted and imported rows go through the same three functions, so that "SQuAD1.1 dev" from one source and
"SQuAD v1.1 (dev)" from another meet as benchmark "SQuAD1.1", subset "dev":

    canonical_benchmark(name, vocab) -> Canonical(name, subset, known)
    canonical_metric(name, vocab)    -> MetricName(name, subset, known, unit, higher_is_better)
    canonical_method(name, vocab)    -> MethodName(name, norm, known)
    task_subset(task_path, benchmark, vocab) -> the task to add to an imported row's subset, or None

Pure functions of the name and the vocabulary. Lookups go through `NameIndex.lookup` with a few spellings of
the name (as written; separators squashed; a "v" before a version number dropped). A split comes off first
when the rest is in the vocabulary: a trailing or parenthesised split ("dev", "test set", "(validation)"), for
metrics also a leading one ("Test perplexity"), even when the vocabulary lists the whole name as an alias,
so that dev and test numbers never meet. Then the name itself, a parenthesised qualifier ("EM (Quasar-T)"),
a trailing "dataset"/"benchmark"/"corpus". A percent sign is the unit ("% Test Accuracy" is Accuracy in %,
on the test split). A peeled part becomes the subset only when the rest is in the vocabulary, except an
explicitly parenthesised split, which is peeled from unknown names too. Splits are spelled one way, the way
vocab/splits.csv says (dev for development, val, valid, validation; test; train; test-clean, test-dev, ...),
as extracted subsets are.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from leaderboard.knowledge import Splits, clean_name, shipped_knowledge
from leaderboard.knowledge.canon import lookup_spellings, method_norm, without_citation

if TYPE_CHECKING:
    from leaderboard.extract.vocab import Entry, NameIndex, Vocabulary

__all__ = ["clean_name"]  # re-exported: the importers spell names with it

_PAREN_TAIL = re.compile(r"^(?P<base>.*?\S)\s*[(\[](?P<inner>[^()\[\]]+)[)\]]$")
_GENERIC_TAIL = re.compile(r"^(?P<base>.*?\S)\s+(?:dataset|data set|benchmark|corpus)$", re.IGNORECASE)
_PERCENT = re.compile(r"^%\s*(?P<a>.+)$|^(?P<b>.+?)(?:\s*\(%\)|\s*\[%\]|\s+%|\s+in %)$")
_SQUASH = re.compile(r"[\s\-_\u2010-\u2015]+")


class Canonical(NamedTuple):
    """A benchmark name as the vocabulary spells it (or cleaned as written), with the split peeled off."""

    name: str
    subset: str | None
    known: bool


class MetricName(NamedTuple):
    """A metric name as the vocabulary spells it, the split it names, its unit and direction."""

    name: str
    subset: str | None
    known: bool
    unit: str | None  # "%" when the name itself says so ("% Test Accuracy", "Accuracy (%)")
    higher_is_better: bool | None  # from the vocabulary; None when unknown


class MethodName(NamedTuple):
    """A method name as written and its identity key across papers and sources."""

    name: str
    norm: str
    known: bool


@functools.cache
def _shipped_splits() -> Splits:
    return Splits.of(shipped_knowledge().splits)


@functools.lru_cache(maxsize=8)
def _split_patterns(pattern: str) -> tuple[re.Pattern, re.Pattern]:
    """A split after the name ("SQuAD dev", "X (test)" is handled apart) and before it ("Test perplexity")."""
    split = f"(?P<split>{pattern})"
    tail = re.compile(rf"^(?P<base>.*?\S)[\s,:;/\-\u2013\u2014]+{split}$", re.IGNORECASE)
    head = re.compile(rf"^{split}[\s:\-]+(?P<base>\S.*)$", re.IGNORECASE)
    return tail, head


def split_name(text: str, splits: Splits | None = None) -> str | None:
    """The one spelling of a split ("Validation set" -> "dev", "test clean" -> "test-clean"), else None.

    The spellings are data (vocab/splits.csv, plus the user's split files through `splits`)."""
    return (splits or _shipped_splits()).name(text)


def join_subsets(*parts: str | None, splits: Splits | None = None) -> str | None:
    """Several subset parts (split, sub-dataset path, metric qualifier) as one subset, " / "-separated; a part
    that is a split is spelled the one way ("validation" -> "dev")."""
    kept = [split_name(p, splits) or p for p in parts if p]
    return " / ".join(kept) if kept else None


def lookup(index: NameIndex, name: str) -> Entry | None:
    """The vocabulary entry a name stands for, trying its usual spellings."""
    return lookup_spellings(index.lookup, name)


def _peelings(name: str, heads: bool, splits: Splits) -> Iterator[tuple[str, str | None, bool]]:
    """(base, peeled subset, explicit) candidates in order of preference.

    A split comes off first, even when the whole name is also a vocabulary alias ("SQuAD1.1 dev", "Test
    perplexity"): dev and test numbers must not meet as one. Then the name itself, then a parenthesised
    qualifier or a trailing "dataset"/"benchmark"/"corpus".
    """
    tail, head = _split_patterns(splits.pattern)
    m = _PAREN_TAIL.match(name)
    paren = (m.group("base"), m.group("inner").strip()) if m else None
    if paren and splits.name(paren[1]):
        yield paren[0], splits.name(paren[1]), True
    m = tail.match(name)
    if m:
        yield m.group("base"), splits.name(m.group("split")), False
    if heads:
        m = head.match(name)
        if m:
            yield m.group("base"), splits.name(m.group("split")), False
    yield name, None, False
    if paren and not splits.name(paren[1]):
        yield paren[0], paren[1], False
    m = _GENERIC_TAIL.match(name)
    if m:
        yield m.group("base"), None, False


def _resolve(index: NameIndex, name: str, heads: bool, splits: Splits) -> tuple[str, str | None, Entry | None]:
    explicit: tuple[str, str | None] | None = None
    for base, subset, is_explicit in _peelings(name, heads, splits):
        entry = lookup(index, base)
        if entry is None and subset is not None:
            sub = _GENERIC_TAIL.match(base)
            entry = lookup(index, sub.group("base")) if sub else None
        if entry is not None:
            return entry.name, subset, entry
        if is_explicit and explicit is None:
            explicit = (base, subset)
    if explicit is not None:
        return explicit[0], explicit[1], None
    return name, None, None


def canonical_benchmark(name: str, vocab: Vocabulary) -> Canonical:
    """The benchmark's canonical name, the split peeled off it, and whether the vocabulary knows it."""
    cleaned = clean_name(name)
    resolved, subset, entry = _resolve(vocab.benchmarks, cleaned, heads=False, splits=vocab.splits)
    return Canonical(resolved, subset, entry is not None)


def _fold(text: str) -> str:
    return _SQUASH.sub("", text).lower()


def task_subset(task_path: list[str] | tuple[str, ...], benchmark: Canonical, vocab: Vocabulary) -> str | None:
    """The task to add to an imported row's subset, or None when the benchmark's task is not in doubt.

    A dataset used for several tasks (Penn Treebank: chunking, parsing, tagging, language modelling) is
    several benchmarks. No qualifier when the vocabulary knows the benchmark and its task names one of the
    task path's levels (or one contains the other: "Summarization" and "Text Summarization"); else the
    path's last level ("Part-Of-Speech Tagging").
    """
    tasks = [clean_name(t) for t in task_path if t and t.strip()]
    if not tasks:
        return None
    entry = lookup(vocab.benchmarks, benchmark.name) if benchmark.known else None
    known_task = entry.get("task").strip() if entry else ""
    key = _fold(known_task)
    if key and any(key in _fold(t) or _fold(t) in key for t in tasks):
        return None
    return tasks[-1]


def canonical_metric(name: str, vocab: Vocabulary) -> MetricName:
    """The metric's canonical name, split, unit and direction (direction only from the vocabulary)."""
    cleaned = clean_name(name)
    unit = None
    m = _PERCENT.match(cleaned)
    if m and (m.group("a") or m.group("b")):
        cleaned, unit = (m.group("a") or m.group("b")).strip(), "%"
    resolved, subset, entry = _resolve(vocab.metrics, cleaned, heads=True, splits=vocab.splits)
    hib = {"true": True, "false": False}.get(entry.get("higher_is_better").lower()) if entry else None
    return MetricName(resolved, subset, entry is not None, unit, hib)


def canonical_method(name: str, vocab: Vocabulary) -> MethodName:
    """A method's name as written (cleaned) and its identity key (`knowledge.canon.method_norm`, the same key
    extracted rows get): "CRF-ASN (Chen et al., 2018)" -> "crfasn", "FooNet-B" -> "foonetb"."""
    cleaned = clean_name(name, footnotes=False)
    known = lookup(vocab.methods, without_citation(cleaned)) or lookup(vocab.methods, cleaned)
    return MethodName(cleaned, method_norm(cleaned, vocab.methods.lookup) or "", known is not None)
