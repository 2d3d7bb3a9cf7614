"""Generic method names are scoped to their paper: "Random" of one paper is not "Random" of another.

Rankings pool a method's results across papers by its name. Some names name no system of their own: a
reference point ("Random", "Human", "Oracle", "Majority class"), a role relative to the paper ("Ours",
"Baseline", "Full model", "Zero-shot") or an ablation of the paper's model ("w/o attention", "+ CoT"); and
baselines made only of generic words ("the previous best", "SOTA"; grammar kind `generic_baseline`). Pooled by
name, such a row would link two unrelated papers. Each is renamed "<name> [<paper id>]" before comparisons are
built, so it is still compared with the other methods of its own paper but never links two papers. The stored
rows are unchanged. The names and patterns are data (`vocab/generic_methods.csv`, extended with `--vocab`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from leaderboard.knowledge import Knowledge, load_knowledge, shipped_knowledge
from leaderboard.rank.methods import generic_name

__all__ = [
    "NOTE_PREFIX",
    "GenericNames",
    "ScopedRows",
    "generic_names",
    "load_generic_names",
    "scope_generic",
    "scoped_note",
]

NOTE_PREFIX = "generic method names"  # the start of the ranking note that says how many rows were scoped
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> str:
    """The words of a name, case-folded, one space apart ("Zero-Shot" -> "zero shot"; "SimpleBaseline" stays one
    word: a coined name is a system's name, not the phrase "simple baseline")."""
    return " ".join(_WORD.findall(text.casefold()))


@dataclass(frozen=True)
class GenericNames:
    """Generic names (as `_words`), prefix, infix and ablation-marker patterns (case-folded), generic words."""

    names: frozenset[str]
    prefixes: tuple[str, ...]
    infixes: tuple[str, ...]
    words: tuple[frozenset[str], frozenset[str]]
    markers: tuple[str, ...] = ()  # the ablation patterns: "<generic name> <marker> ..." is a variant of it

    def matches(self, name: object) -> bool:
        """True when `name` is generic: a listed name (also without its bracketed parts), a name starting with
        a listed prefix or holding a listed infix at word breaks, a variant of a listed name ("Baseline + KD":
        the part before an ablation marker is generic), or a name made only of generic words."""
        if not isinstance(name, str) or not name.strip():
            return False
        text = " ".join(name.casefold().split())
        if self._named(text) or any(_at_break(text, p, 0) for p in self.prefixes if text.startswith(p)):
            return True
        if any(_infix(text, p) for p in self.infixes) or any(self._variant(text, m) for m in self.markers):
            return True
        return generic_name(name, self.words)

    def _named(self, text: str) -> bool:
        return _words(text) in self.names or _words(_BRACKETED.sub(" ", text)) in self.names

    def _variant(self, text: str, marker: str) -> bool:
        """The text before " <marker>" (at a word break) is a listed generic name."""
        start = text.find(" " + marker)
        while start > 0:
            if _at_break(text, marker, start + 1) and self._named(text[:start]):
                return True
            start = text.find(" " + marker, start + 1)
        return False


def _at_break(text: str, pattern: str, start: int) -> bool:
    """`pattern` found at `start` of `text` ends at a word break (or ends in a non-word character itself)."""
    end = start + len(pattern)
    return not pattern[-1].isalnum() or end == len(text) or not text[end].isalnum()


def _infix(text: str, pattern: str) -> bool:
    start = text.find(pattern)
    while start >= 0:
        before = start == 0 or not text[start - 1].isalnum() or not pattern[0].isalnum()
        if before and _at_break(text, pattern, start):
            return True
        start = text.find(pattern, start + 1)
    return False


def generic_names(knowledge: Knowledge | None = None) -> GenericNames:
    """The generic names of a knowledge base (default: the shipped vocabulary)."""
    knowledge = knowledge or shipped_knowledge()
    rows = [(c.phrase.lower(), c.value) for c in knowledge.cues if c.kind == "generic_baseline"]
    words = frozenset(w for w, _ in rows), frozenset(w for w, v in rows if v == "function")
    entries = knowledge.generic_methods
    pattern = {
        m: tuple(" ".join(e.name.casefold().split()) for e in entries if e.match == m) for m in ("prefix", "infix")
    }
    names = frozenset(k for e in entries if e.match == "name" and (k := _words(e.name)))
    markers = tuple(dict.fromkeys(" ".join(e.name.casefold().split()) for e in entries if e.kind == "ablation"))
    return GenericNames(names, pattern["prefix"], pattern["infix"], words, markers)


def load_generic_names(vocab: Iterable[str | Path] = ()) -> GenericNames:
    """The shipped generic names plus those of the user's vocabulary files (`--vocab`)."""
    files = list(vocab)
    return generic_names(load_knowledge(files) if files else None)


@dataclass(frozen=True)
class ScopedRows:
    """How many result rows were scoped to their paper, and their distinct names (most frequent first)."""

    rows: int
    names: tuple[str, ...]


def scope_generic(
    df: pd.DataFrame, columns: Iterable[str], generic: GenericNames
) -> tuple[dict[str, pd.Series], ScopedRows]:
    """The `columns` of `df` with each generic name renamed "<name> [<paper id>]" (`df` needs `paper_id`; it is
    not modified), and how many rows were scoped."""
    out: dict[str, pd.Series] = {}
    hit_any = pd.Series(False, index=df.index)
    found: list[pd.Series] = []
    for col in columns:
        series = df[col]
        hit = series.isin([n for n in series.dropna().unique() if generic.matches(n)])
        found.append(series[hit].astype(str))
        out[col] = series.where(~hit, series.astype(str) + " [" + df["paper_id"].astype(str) + "]")
        hit_any |= hit
    counts = pd.concat(found).value_counts() if found else pd.Series(dtype=int)
    order = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return out, ScopedRows(int(hit_any.sum()), tuple(n for n, _ in order))


def scoped_note(scoped: ScopedRows, shown: int = 3) -> str | None:
    """One line for the ranking notes, or None when nothing was scoped."""
    if not scoped.rows:
        return None
    names = ", ".join(f'"{n}"' for n in scoped.names[:shown]) + (" …" if len(scoped.names) > shown else "")
    return (
        f"{scoped.rows:,} result rows with {NOTE_PREFIX} ({names}) were ranked within their own paper only, "
        "never pooled across papers (vocab/generic_methods.csv)"
    )
