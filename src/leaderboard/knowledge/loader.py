"""The one reader of the vocabulary files: shipped `vocab/*.csv` plus the user's `--vocab` files.

Each file's kind is recognised by its header (see vocab/README.md). Every row is validated here, once, so the
stages that use the knowledge (extraction, import, ranking, SQL) never meet a value they cannot read: a metric
range or direction that does not parse, a flag that is neither true nor false, or a grammar kind the shipped
grammar does not define is a `UserError` naming the file and line ("vocab/metrics.csv line 12: ...").
"""

from __future__ import annotations

import csv
import difflib
import functools
import math
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from leaderboard.errors import UserError
from leaderboard.knowledge.canon import Splits
from leaderboard.knowledge.entries import (
    BenchmarkEntry,
    CalibrationEntry,
    Cue,
    GenericMethodEntry,
    Knowledge,
    MethodEntry,
    MetricEntry,
    Origin,
    SplitEntry,
    SynonymEntry,
)

# kind -> the columns that recognise a file of that kind, tried in this order (methods' columns are the fewest)
HEADERS: dict[str, frozenset[str]] = {
    "grammar": frozenset({"kind", "phrase", "value"}),
    "benchmarks": frozenset({"name", "aliases", "task", "area", "metric"}),
    "metrics": frozenset({"name", "aliases", "unit", "higher_is_better"}),
    "splits": frozenset({"split", "aliases"}),
    "generic_methods": frozenset({"generic", "kind", "match"}),
    "methods": frozenset({"name", "aliases"}),
}
SHIPPED = ("benchmarks", "metrics", "methods", "splits", "grammar", "generic_methods")
GENERIC_KINDS = ("reference", "relative", "ablation")  # generic_methods.csv: what a generic method name is
GENERIC_MATCHES = ("name", "prefix", "infix")  # generic_methods.csv: how it matches a method name
WINDOW = "window"  # grammar kind: how far a rule looks, in characters (phrase: the window's name)
_TRUE = frozenset({"true", "1", "yes"})
_FALSE = frozenset({"false", "0", "no"})

Row = tuple[dict[str, str], Origin]


def _rows(text: str, file: str) -> tuple[frozenset[str], list[Row]]:
    """The header and the data rows of a CSV text, each row with its line; blank and `#` lines are skipped."""
    lines = ["" if ln.lstrip().startswith("#") else ln for ln in text.splitlines()]
    reader = csv.reader(lines)
    header: list[str] | None = None
    rows: list[Row] = []
    try:
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = [c.strip() for c in cells]
                continue
            origin = Origin(file, reader.line_num)
            if len(cells) > len(header):
                raise UserError(f"{origin}: {len(cells)} fields, the header has {len(header)}")
            rows.append(({h: c.strip() for h, c in zip(header, cells, strict=False) if h}, origin))
    except csv.Error as exc:
        raise UserError(f"{file} line {reader.line_num}: not valid CSV ({exc})") from None
    return frozenset(h for h in header or () if h), rows


def _kind_of(header: frozenset[str], file: str) -> str:
    for kind, columns in HEADERS.items():
        if columns <= header:
            return kind
    raise UserError(f"{file}: not a vocabulary file (header {sorted(header)})")


def _flag(row: dict[str, str], column: str, origin: Origin) -> bool | None:
    """A true/false cell; None when empty."""
    raw = row.get(column, "")
    if not raw:
        return None
    low = raw.lower()
    if low in _TRUE or low in _FALSE:
        return low in _TRUE
    raise UserError(f"{origin}: {column} must be true, false or empty, not {raw!r}")


def _number(row: dict[str, str], column: str, origin: Origin) -> float | None:
    raw = row.get(column, "")
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if math.isnan(value):
        raise UserError(f"{origin}: {column} must be a number or empty, not {raw!r}")
    return value


def _aliases(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())


def _benchmark(row: dict[str, str], origin: Origin) -> BenchmarkEntry:
    flag = _flag(row, "case_sensitive", origin)
    return BenchmarkEntry(
        row["name"], _aliases(row), row.get("task", ""), row.get("area", ""), row.get("metric", ""),
        bool(flag), origin,
    )  # fmt: skip


def _metric(row: dict[str, str], origin: Origin) -> MetricEntry:
    low, high = _number(row, "min", origin), _number(row, "max", origin)
    if low is not None and high is not None and low > high:
        raise UserError(f"{origin}: min {row['min']} is above max {row['max']}")
    return MetricEntry(
        row["name"], _aliases(row), row.get("unit", ""), _flag(row, "higher_is_better", origin), low, high,
        bool(_flag(row, "case_sensitive", origin)), origin,
    )  # fmt: skip


def _generic(row: dict[str, str], origin: Origin) -> GenericMethodEntry:
    for column, allowed in (("kind", GENERIC_KINDS), ("match", GENERIC_MATCHES)):
        if row.get(column, "") not in allowed:
            raise UserError(f"{origin}: {column} must be one of {', '.join(allowed)}, not {row.get(column, '')!r}")
    return GenericMethodEntry(row["generic"], row["kind"], row["match"], origin)


def _entries(kind: str, rows: list[Row]) -> Iterator[object]:
    for row, origin in rows:
        if kind == "generic_methods":
            if row.get("generic"):
                yield _generic(row, origin)
            continue
        if kind == "grammar":
            if row.get("kind") or row.get("phrase"):
                if not (row.get("kind") and row.get("phrase")):
                    raise UserError(f"{origin}: a grammar row needs a kind and a phrase")
                yield Cue(row["kind"], row["phrase"], row.get("value", ""), origin)
            continue
        name = row.get("split" if kind == "splits" else "name", "")
        if not name:
            continue
        if kind == "benchmarks":
            yield _benchmark(row, origin)
        elif kind == "metrics":
            yield _metric(row, origin)
        elif kind == "splits":
            yield SplitEntry(name.lower(), tuple(a.lower() for a in _aliases(row)), origin)
        else:
            yield MethodEntry(name, _aliases(row), origin)


def read_file(text: str, file: str) -> tuple[str, list]:
    """The kind of one vocabulary file (from its header) and its validated entries."""
    header, rows = _rows(text, file)
    kind = _kind_of(header, file)
    return kind, list(_entries(kind, rows))


def read_path(path: Path) -> tuple[str, list]:
    """The kind and validated entries of one user vocabulary file."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"{path}: cannot read vocabulary file ({exc})") from None
    return read_file(text, str(path))


@functools.cache
def _shipped() -> dict[str, tuple]:
    package = resources.files("leaderboard") / "vocab"
    out: dict[str, tuple] = {}
    for kind in SHIPPED:
        res = package / f"{kind}.csv"
        if res.is_file():
            found, items = read_file(res.read_text(encoding="utf-8"), f"vocab/{kind}.csv")
            out[found] = (*out.get(found, ()), *items)
    return out


def cue_kinds() -> frozenset[str]:
    """The grammar kinds the shipped grammar defines: the roles the code knows."""
    return frozenset(c.kind for c in _shipped().get("grammar", ()))


def _closest(word: str, known: Iterable[str], what: str) -> str:
    close = difflib.get_close_matches(word, sorted(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (known {what}: {', '.join(sorted(known))})"


def check_cues(cues: Iterable[Cue], known: frozenset[str], windows: frozenset[str]) -> None:
    """Every cue's kind is one the shipped grammar defines (`known`); a `window` (how far a rule looks) is one the
    shipped grammar names (`windows`), with a whole number of characters."""
    for cue in cues:
        if cue.kind not in known:
            raise UserError(f"{cue.origin}: unknown grammar kind {cue.kind!r}{_closest(cue.kind, known, 'kinds')}")
        if cue.kind == WINDOW and cue.phrase not in windows:
            raise UserError(f"{cue.origin}: unknown window {cue.phrase!r}{_closest(cue.phrase, windows, 'windows')}")
        if cue.kind == WINDOW and not cue.value.isdigit():
            raise UserError(
                f"{cue.origin}: window {cue.phrase} must be a whole number of characters, not {cue.value!r}"
            )


def _split_values(cues: list[Cue], splits: tuple[SplitEntry, ...]) -> list[Cue]:
    """Subset cues that name a split take the split's one spelling as their value ("val" -> "dev", and a
    "test-clean" cue without a value gets "test-clean", so "Test-Clean" in a text is spelled that way too)."""
    table = Splits.of(splits)
    out = []
    for cue in cues:
        value = table.name(cue.value or cue.phrase) if cue.kind == "subset" else None
        out.append(Cue(cue.kind, cue.phrase, value, cue.origin) if value and value != cue.value else cue)
    return out


def load_knowledge(extra_files: Iterable[Path | str] = ()) -> Knowledge:
    """The shipped vocabulary plus the user's files (first, so their entries win on a clash), validated."""
    parts: dict[str, list] = {kind: [] for kind in SHIPPED}
    for path in extra_files:
        kind, items = read_path(Path(path))
        parts[kind].extend(items)
    for kind, items in _shipped().items():
        parts[kind].extend(items)
    windows = frozenset(c.phrase for c in _shipped().get("grammar", ()) if c.kind == WINDOW)
    check_cues(parts["grammar"], cue_kinds(), windows)
    splits = tuple(parts["splits"])
    return Knowledge(
        benchmarks=tuple(parts["benchmarks"]),
        metrics=tuple(parts["metrics"]),
        methods=tuple(parts["methods"]),
        splits=splits,
        cues=tuple(_split_values(parts["grammar"], splits)),
        generic_methods=tuple(parts["generic_methods"]),
    )


@functools.cache
def shipped_knowledge() -> Knowledge:
    """The shipped vocabulary alone, read once per process."""
    return load_knowledge()


def metric_info(knowledge: Knowledge) -> Iterator[tuple[str, str | None, bool | None]]:
    """(metric, unit, higher_is_better) for every metric, for the `metric_info` table; the first entry of a
    name decides (user files come first)."""
    seen: set[str] = set()
    for e in knowledge.metrics:
        if e.name.lower() not in seen:
            seen.add(e.name.lower())
            yield e.name, e.unit or None, e.higher_is_better


# The two side files the extractor's scoring reads, with the columns each needs (not vocabulary: users do not
# extend them with --vocab, but they are read and validated here like the vocabulary).
CALIBRATION_COLUMNS = frozenset({"feature", "value"})
SYNONYM_COLUMNS = frozenset({"kind", "key", "value"})
SYNONYM_KINDS = frozenset({"metric", "language"})


def _side_rows(text: str, file: str, columns: frozenset[str]) -> list[Row]:
    header, rows = _rows(text, file)
    if rows and not columns <= header:
        raise UserError(f"{file}: header lacks {', '.join(sorted(columns - header))} (has {', '.join(sorted(header))})")
    return rows


def read_calibration(text: str, file: str) -> tuple[CalibrationEntry, ...]:
    """The entries of a calibration file (feature,value): each value a number, each feature once."""
    out: dict[str, CalibrationEntry] = {}
    for row, origin in _side_rows(text, file, CALIBRATION_COLUMNS):
        feature, value = row.get("feature", ""), _number(row, "value", origin)
        if not feature or value is None:
            raise UserError(f"{origin}: a calibration row needs a feature and a value")
        if feature in out:
            raise UserError(f"{origin}: feature {feature!r} again (first at line {out[feature].origin.line})")  # type: ignore[union-attr]
        out[feature] = CalibrationEntry(feature, value, origin)
    return tuple(out.values())


def read_synonyms(text: str, file: str) -> tuple[SynonymEntry, ...]:
    """The entries of a judging-synonyms file (kind,key,value): kind metric or language, key and value given."""
    out = []
    for row, origin in _side_rows(text, file, SYNONYM_COLUMNS):
        kind, key, value = row.get("kind", ""), row.get("key", ""), row.get("value", "")
        if kind not in SYNONYM_KINDS:
            raise UserError(f"{origin}: unknown kind {kind!r}{_closest(kind, SYNONYM_KINDS, 'kinds')}")
        if not key or not value:
            raise UserError(f"{origin}: a {kind} row needs a key and a value")
        out.append(SynonymEntry(kind, key, value, origin))
    return tuple(out)


def _shipped_text(name: str) -> str:
    res = resources.files("leaderboard") / "vocab" / name
    return res.read_text(encoding="utf-8") if res.is_file() else ""


@functools.cache
def shipped_calibration() -> tuple[CalibrationEntry, ...]:
    """vocab/calibration.csv, validated, read once per process (empty when the file is absent)."""
    return read_calibration(_shipped_text("calibration.csv"), "vocab/calibration.csv")


@functools.cache
def shipped_synonyms() -> tuple[SynonymEntry, ...]:
    """vocab/metric_synonyms.csv, validated, read once per process (empty when the file is absent)."""
    return read_synonyms(_shipped_text("metric_synonyms.csv"), "vocab/metric_synonyms.csv")
