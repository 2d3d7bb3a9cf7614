"""The one canonicaliser: the spelling of names and splits and the identity key of methods, for every stage.

Extracted and imported rows, rankings and SQL all meet on these keys, so "FooNet-B" from an abstract and
"FooNet B" from a results CSV are one method, and a validation split is "dev" wherever it was read.

    clean_name(text)            whitespace squashed, byte-order marks and footnote marks gone
    method_key(name)            identity key of a method name: case, width, "(ours)" and separators folded
    method_norm(name, find)     the key of the vocabulary's canonical name for `name`, else of the bare name
    lookup_spellings(find, s)   a vocabulary lookup trying the usual spellings of a name
    Splits.of(entries)          the split table (vocab/splits.csv): `.name("Validation set") == "dev"`
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol, TypeVar

from leaderboard.knowledge.entries import SplitEntry

_SEPARATORS = re.compile(r"[\s\-_./\\·–—()\[\]{},:;'\"]+")
_OURS = re.compile(r"\(\s*ours\s*\)|\bours\b", re.IGNORECASE)
_CITATION = re.compile(r"\s*\((?:[^()]*\bet al\b[^()]*|(?:19|20)\d\d[a-z]?)\)$", re.IGNORECASE)
_FOOTNOTE = re.compile(r"[\s*\u2020\u2021]+$")
_VERSION_V = re.compile(r"(?i)v(?=\d)")
_SQUASH = re.compile(r"[\s\-_\u2010-\u2015]+")
_SPLIT_HEAD = r"(?:\s+(?:set|split|data))?"  # "validation set", "test split": the split itself


class Named(Protocol):
    """Anything with a canonical name (a vocabulary entry)."""

    @property
    def name(self) -> str: ...


E = TypeVar("E", bound=Named)


def clean_name(text: str, footnotes: bool = True) -> str:
    """Whitespace squashed, byte-order marks and non-breaking spaces gone, trailing footnote marks dropped
    (unless `footnotes` is False: a method's "*" may name a variant)."""
    text = " ".join(text.replace("\ufeff", "").replace("\u00a0", " ").split())
    return _FOOTNOTE.sub("", text) if footnotes else text


def method_key(name: object) -> str:
    """The identity key of a method name ("" for a missing or blank name).

    >>> method_key("LLaMA2-7B") == method_key("Llama-2-7B") == method_key("llama 2 7b") == "llama27b"
    True
    """
    if name is None or (isinstance(name, float) and name != name):
        return ""
    text = unicodedata.normalize("NFKC", str(name)).casefold()
    key = _SEPARATORS.sub("", _OURS.sub(" ", text))
    return key or _SEPARATORS.sub("", text)  # a method called just "Ours" keeps its name


def without_citation(name: str) -> str:
    """A name without a trailing citation ("CRF-ASN (Chen et al., 2018)" -> "CRF-ASN")."""
    return _CITATION.sub("", name) or name


def spellings(name: str) -> Iterator[str]:
    """The spellings a vocabulary lookup tries: as written, separators squashed, a "v" before a version dropped."""
    seen = set()
    unversioned = _VERSION_V.sub("", name)
    for s in (name, _SQUASH.sub("", name), unversioned, _SQUASH.sub("", unversioned)):
        if s and s not in seen:
            seen.add(s)
            yield s


def lookup_spellings(find: Callable[[str], E | None], name: str) -> E | None:
    """The entry `find` gives for the first of the name's usual spellings it knows."""
    for spelling in spellings(name):
        entry = find(spelling)
        if entry is not None:
            return entry
    return None


def method_norm(name: str | None, find: Callable[[str], Named | None]) -> str | None:
    """The identity key of a method as written, for extracted and imported rows alike: the key of the
    vocabulary's canonical name when `find` knows the name (with or without a trailing citation), else the key
    of the name without its citation. None for a missing name."""
    if not name:
        return None
    cleaned = clean_name(name, footnotes=False)
    bare = without_citation(cleaned)
    entry = lookup_spellings(find, bare) or lookup_spellings(find, cleaned)
    return method_key(entry.name if entry is not None else bare) or None


def _flexible(phrase: str) -> str:
    return r"[-\s]+".join(re.escape(w) for w in re.split(r"[-\s]+", phrase))


@dataclass(frozen=True, slots=True)
class Splits:
    """The split table: every spelling of a split (lower case, hyphen for space) -> its one canonical spelling.

    `pattern` is a regex (no groups) for any spelling, with an optional trailing "set"/"split"/"data"."""

    spelling: dict[str, str]
    pattern: str

    @classmethod
    def of(cls, entries: tuple[SplitEntry, ...]) -> Splits:
        """The table of a vocabulary's splits; the first entry to claim a spelling keeps it (user files first)."""
        spelling: dict[str, str] = {}
        for entry in entries:
            for word in (entry.name, *entry.aliases):
                spelling.setdefault(_hyphens(word), entry.name)
        words = sorted(spelling, key=len, reverse=True)
        body = "|".join(_flexible(w) for w in words) if words else r"(?!x)x"
        return cls(spelling, f"(?:{body}){_SPLIT_HEAD}")

    def name(self, text: str) -> str | None:
        """The one spelling of a split ("Validation set" -> "dev", "test clean" -> "test-clean"), else None."""
        words = _hyphens(text)
        for head in ("-set", "-split", "-data"):
            if words.endswith(head) and words[: -len(head)] in self.spelling:
                return self.spelling[words[: -len(head)]]
        return self.spelling.get(words)


def _hyphens(text: str) -> str:
    return "-".join(re.split(r"[-\s]+", text.strip().lower()))
