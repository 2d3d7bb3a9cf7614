"""What every table of one paper shares: the cue phrases of vocab/latex_tables.csv and the paper's names."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from leaderboard.sources.imported import Namer


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue phrases of vocab/latex_tables.csv by kind."""

    by_kind: dict[str, tuple[str, ...]]
    patterns: dict[str, re.Pattern] = field(default_factory=dict)

    def find(self, kind: str, text: str) -> str | None:
        """A phrase of `kind` in `text` (case-insensitive, on word boundaries; the longest at the first place)."""
        m = self.patterns[kind].search(text.lower()) if kind in self.patterns else None
        return m.group(1) if m else None

    def is_phrase(self, kind: str, text: str) -> bool:
        """Whether the whole text (case-insensitive, spaces squashed) is a phrase of `kind`."""
        return " ".join(text.lower().split()) in self.by_kind.get(kind, ())

    def kinds(self, prefix: str) -> list[str]:
        return [k for k in self.by_kind if k.startswith(prefix)]


def _phrases_pattern(phrases: list[str]) -> re.Pattern:
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![A-Za-z-])(" + alternatives + r")(?![\w-])")


@cache
def load_cues() -> Cues:
    """The shipped cue phrases."""
    text = (resources.files("leaderboard") / "vocab" / "latex_tables.csv").read_text(encoding="utf-8")
    by_kind: dict[str, list[str]] = {}
    for row in csv.DictReader(line for line in text.splitlines() if not line.startswith("#")):
        by_kind.setdefault(row["kind"].strip(), []).append(row["phrase"].strip().lower())
    patterns = {k: _phrases_pattern(v) for k, v in by_kind.items()}
    return Cues({k: tuple(v) for k, v in by_kind.items()}, patterns)


@dataclass(frozen=True, slots=True)
class PaperContext:
    """What every table of one paper shares."""

    paper_id: str
    source_file: str
    namer: Namer
    cues: Cues
    own_names: tuple[str, ...] = ()  # the paper's model name(s): from its title or its name macros
