"""Typed vocabulary entries: what the project knows about benchmarks, metrics, methods, splits and cue words.

Every entry remembers where it was read (`Origin`: file and line), so a later check can name the line to fix.
The entries are plain frozen records; `loader.py` reads and validates them, `canon.py` derives keys from them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Origin:
    """Where an entry was read: the file (as the user named it, or vocab/<kind>.csv) and its line."""

    file: str
    line: int

    def __str__(self) -> str:
        return f"{self.file} line {self.line}"


@dataclass(frozen=True, slots=True)
class BenchmarkEntry:
    """A benchmark or dataset: canonical name, aliases, its usual task, area and headline metric."""

    name: str
    aliases: tuple[str, ...]
    task: str = ""
    area: str = ""
    metric: str = ""
    case_sensitive: bool = False
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class MetricEntry:
    """A metric: canonical name, aliases, unit, direction (None: unknown) and plausible range (None: open)."""

    name: str
    aliases: tuple[str, ...]
    unit: str = ""
    higher_is_better: bool | None = None
    min: float | None = None
    max: float | None = None
    case_sensitive: bool = False
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class MethodEntry:
    """A method or model: canonical name and the other spellings that name the same system."""

    name: str
    aliases: tuple[str, ...]
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class GenericMethodEntry:
    """A method name (or name pattern) that names no system of its own: a reference point ("Random", "Human"),
    a role relative to its paper ("Ours", "Baseline") or an ablation ("w/o X"); `match` says how it matches."""

    name: str
    kind: str  # reference | relative | ablation
    match: str  # name | prefix | infix
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class SplitEntry:
    """A data split: its one canonical spelling ("dev") and the words that name it ("validation", "val")."""

    name: str
    aliases: tuple[str, ...]
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of the reporting grammar: a phrase playing a role (`kind`) with an optional canonical value."""

    kind: str
    phrase: str
    value: str = ""
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class Knowledge:
    """All vocabulary entries, user files first (their entries win on a clash), then the shipped files."""

    benchmarks: tuple[BenchmarkEntry, ...] = ()
    metrics: tuple[MetricEntry, ...] = ()
    methods: tuple[MethodEntry, ...] = ()
    splits: tuple[SplitEntry, ...] = ()
    cues: tuple[Cue, ...] = ()
    generic_methods: tuple[GenericMethodEntry, ...] = ()


@dataclass(frozen=True, slots=True)
class CalibrationEntry:
    """One fitted number of the confidence calibration (vocab/calibration.csv): a feature's coefficient, or
    the "(intercept)" or the `confident` "(threshold)"."""

    feature: str
    value: float
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class SynonymEntry:
    """A judging equivalence (vocab/metric_synonyms.csv): kind "metric" (key: group, value: a normalised
    spelling of it) or "language" (key: a language's name, value: its code)."""

    kind: str
    key: str
    value: str
    origin: Origin | None = None
