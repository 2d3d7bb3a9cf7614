"""The trace of extraction: which rule decided which field of a number, with the value and the justifying span.

Every reading keeps `rules` (field -> rule name; stored as the `results.rules` column). The full trace (values,
spans, and the rules that declined a number with their reasons) is collected only when a `Trace` is passed to
`Extractor.extract`: with tracing off, a decision costs one dict store and one `is None` test.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Decision:
    """One rule's decision on one number: it set `field` to `value` (declined: `value` is None and `reason`
    says why), justified by the text at `span` (abstract offsets; None when the evidence is not one span)."""

    number: tuple[int, int]
    rule: str
    field: str
    value: str | None
    span: tuple[int, int] | None = None
    reason: str = ""

    @property
    def declined(self) -> bool:
        return bool(self.reason)


@dataclass(slots=True)
class Trace:
    """Decisions in the order they were taken, for `leaderboard explain` (one per extract call)."""

    decisions: list[Decision] = field(default_factory=list)

    def decided(self, number: tuple[int, int], rule: str, fld: str, value: object, span) -> None:
        self.decisions.append(Decision(number, rule, fld, show(value), span))

    def declined(self, number: tuple[int, int], rule: str, fld: str, reason: str, span=None) -> None:
        self.decisions.append(Decision(number, rule, fld, None, span, reason))

    def not_reached(self, number: tuple[int, int], fld: str, rules: dict[str, str], found: tuple[object, str]) -> None:
        """What a later chain would have given `fld` (`found`: its decision and rule) that a rule of the reading's
        `rules` set first: declined, with the name it would give."""
        alt, rule = found
        if alt is not None:
            start, end = getattr(alt, "start", -1), getattr(alt, "end", -1)
            why = f"not reached: {rules.get(fld, '')} decided first; it would give {show(alt)}"
            self.declined(number, rule, fld, why, (start, end) if start >= 0 else None)

    def copied(self, src: tuple[int, int], dst: tuple[int, int], fields: set[str]) -> None:
        """A reading made from another (the new value of a transition): it keeps the other's decisions on `fields`."""
        kept = [d for d in self.about(src) if d.field in fields]
        self.decisions += [Decision(dst, d.rule, d.field, d.value, d.span) for d in kept]

    def about(self, number: tuple[int, int]) -> list[Decision]:
        return [d for d in self.decisions if d.number == number]


def show(value: object) -> str:
    """A field value as the trace prints it: a name span by its canonical name, None as "-"."""
    if value is None:
        return "-"
    name = getattr(value, "name", None)
    return name if isinstance(name, str) else str(value)
