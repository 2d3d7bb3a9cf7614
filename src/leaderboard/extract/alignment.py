"""ALIGNMENT: the one procedure that pairs coordinated values with coordinated names (issue #13).

Every list rule of the extractor shares one structure; they differ only in which runs they align:
- NUMBER RUNS (`number_runs`): maximal runs of two or more readings of one kind joined only by a comma, a
  coordinator or (for slash lists) "/", "91.3% and 89.5%", "66.1, 58.4 and 71.0", "92.4/89.9", transitions that each
  open with "from" ("from x1 to y1, from x2 to y2 and from x3 to y3": TRANSITION-RUN); or a run the caller
  cuts out of the sentence (the numbers of one kind before "respectively", the unbound numbers of a run).
- NAME RUNS (`name_runs`): maximal runs of distinct coordinated benchmark names ("A, B and C", "A/B"); or a run of
  metrics ("HR@10 and NDCG@10", with their written "@k": "R1@0.5 and R1@0.7", METRIC-AT-K-RUN), of split words
  ("the dev and eval sets"), of the names of the sentence before, or the readings of a parallel clause before the
  numbers (their names, metrics, their own changes).
- THE RELATION: the caller decides which name run aligns with which number run:
  the "respectively" list (lists.respectively: benchmarks and metrics), the "on" list right after the numbers
  (lists.pair_run, pairing.align_slash_runs), the name run that frames the numbers before them or the nearest one
  with "respectively" (pairing.align_runs, align_slash_runs), the results of a parallel clause before a nameless run
  (parallel_runs, metric_lists.parallel_deltas, rules/structure.py parenthesised change runs), a metric list before
  or after the numbers (metric_lists), split words before a plural head (lists.subset_list), the list of the
  sentence before (structure.list_in_sentence_before), and each conjunct's own opening name (pairing.own_conjuncts).
- THE ASSIGNMENT (`align`): position by position, in order; with `share`, k numbers per name when the count of
  numbers is k times the count of names ("x, y, z and w on A and B, respectively": A, A, B, B); any other count
  aligns nothing. A name mention that has its own direct value ("86.4% on MMLU") is left out of the run first
  (`own`), so it is never given to another value. By mention, not by name: in "x and y on A and B, respectively,
  with z of another metric on A" the list member A still takes x; only when the numbers then do not fit (`fits`)
  are the own names left out by name (`by_name`, OWN-NAME-OUT: "x on A and y and z on the other two, respectively").
- APPLYING it (`assign`): the one place that sets the field, the `carried` / `metric_inferred` flags, and records the
  rule name on the reading (`Reading.note`: the trace and `results.rules`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, overload

from leaderboard.extract.vocab import norm_key

T = TypeVar("T")

JOINED = re.compile(r"\s*(?:%\s*)?(?:,|,?\s*and|,?\s*or|&)\s*")
PURE_COORD = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")  # only a comma or a coordinator: "x, y and z"
_FROM_BEFORE = re.compile(r"(?<![\w\-])from\s+$")
# MODIFIED-MEMBER: "A and the held-out B": an article and up to two lower-case modifiers may open a list member
MEMBER_OPENING = (
    r"(?:(?:the|a|an)\s+(?:(?!(?:of|and|or|to|in|on|for|with|by|at|from|than|as)(?![\w\-]))[a-z][a-z\-]+\s+){0,2})?"
)
NAMES_JOINED = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&|/)\s*" + MEMBER_OPENING)
# a number's own name right after it ("86.4% on MMLU", "71.2 F1 on the B"): a direct value, not a list member
_DIRECT_ON = re.compile(r"\s*(?:%\s*)?(?:[\w\-@]+\s+)?(?:on|in)\s+(?:the\s+)?")
RESPECTIVELY = re.compile(r"(?-i:[rR])(?<!\w.)espectively\b", re.IGNORECASE)  # \brespectively\b, skipped to in C
AT_K = re.compile(r"@\s?(?:\d+(?:\.\d+)?|k|K)\b")  # METRIC-AT-K: the "@k" written after a metric ("F1@50")
_UNIT_WORD = re.compile(r"\s*[A-Za-z\u00b5][\w/.]{0,7}(?=\s*(?:,|and\b|or\b|&|/))")


@dataclass(frozen=True)
class Run(Sequence, Generic[T]):
    """A coordinated run: its members (readings or name spans) in text order."""

    members: tuple[T, ...]

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> tuple[T, ...]: ...
    def __getitem__(self, i):
        return self.members[i]

    def __len__(self) -> int:
        return len(self.members)

    def __iter__(self) -> Iterator[T]:
        return iter(self.members)


@dataclass(frozen=True)
class Pair:
    """One assignment: `number` takes `name`; `carried` / `inferred` set those flags when not None."""

    number: Any
    name: Any
    carried: bool | None = None
    inferred: bool | None = None


def number_runs(text: str, readings: list, joined: re.Pattern = JOINED) -> list[Run]:
    """Maximal runs (two or more) of readings of one kind joined only by `joined` (a comma or a coordinator);
    TRANSITION-RUN: a run of transitions also when each opens with its "from" ("from x1 to y1, from x2 to y2 and
    from x3 to y3")."""
    runs: list[list] = []
    for r in sorted(readings, key=lambda r: r.num.start):
        prev = runs[-1][-1] if runs else None
        end = r.num.start
        if r.kind == "range" and (opener := _FROM_BEFORE.search(text, max(0, end - 12), end)) is not None:
            end = opener.start()
        if prev is not None and prev.kind == r.kind and joined.fullmatch(text, gap_start(text, prev, r), end):
            runs[-1].append(r)
        else:
            runs.append([r])
    return [Run(tuple(run)) for run in runs if len(run) >= 2]


def gap_start(text: str, prev, cur) -> int:
    """UNIT-IN-RUN: where the gap after `prev` begins, past the unit word it repeats with `cur` ("41.3 dB and 32.9 dB",
    "0.24 ms, 0.31 ms"): a shared unit of measure written after each member does not break a run."""
    if prev.unit is None or prev.unit != cur.unit or prev.unit == "%":
        return prev.span_end
    m = _UNIT_WORD.match(text, prev.span_end, cur.num.start)
    return m.end() if m else prev.span_end


def name_runs(text: str, names: list, suffix: re.Pattern | None = None) -> list[Run]:
    """Maximal runs of distinct name mentions joined only by a comma, a coordinator or a slash. With `suffix`, a
    written suffix right after a member is part of its name (METRIC-AT-K-RUN: "R1@0.5 and R1@0.7" are two members,
    the metrics' "@k")."""
    runs: list[list] = []
    keys: dict[int, str] = {}
    prev_end = 0
    for b in sorted(names, key=lambda b: b.start):
        end = b.end
        if suffix is not None and (m := suffix.match(text, b.end)) is not None:
            end = m.end()
        keys[id(b)] = norm_key(b.name) + text[b.end : end]
        prev = runs[-1][-1] if runs else None
        if prev is not None and b.start >= prev_end and NAMES_JOINED.fullmatch(text, prev_end, b.start):
            runs[-1].append(b)
        else:
            runs.append([b])
        prev_end = end
    return [Run(tuple(run)) for run in runs if len(run) >= 2 and len({keys[id(b)] for b in run}) == len(run)]


def direct_at(text: str, end: int, stop: int | None = None) -> int | None:
    """Where the name a number ending at `end` states directly ("86.4% on MMLU") would start; None without an "on"."""
    on = _DIRECT_ON.match(text, end) if stop is None else _DIRECT_ON.match(text, end, stop)
    return on.end() if on else None


def without(names: Sequence, own: Collection) -> list:
    """The name mentions of a run that are not the direct name of a value (`own`)."""
    return [b for b in names if b not in own]


def by_name(names: Sequence, own: Collection) -> list:
    """OWN-NAME-OUT: the name mentions of a run whose name no mention in `own` states with its own value ("92.7% on
    SST-2 and 90.4% and 87.9% on the other two, respectively"; "on A, B and C ... x and y, respectively, and z on
    C"): the fallback when leaving out only the own mentions leaves a run the numbers do not fit."""
    keys = {norm_key(b.name) for b in own}
    return [b for b in names if norm_key(b.name) not in keys]


def fits(numbers: Sequence, names: Sequence, least: int = 2) -> bool:
    """Whether `align` with `share` would pair the numbers with the names (k numbers per name)."""
    return len(names) >= least and bool(numbers) and len(numbers) % len(names) == 0


def align(
    numbers: Sequence, names: Sequence, *, share: bool = False, own: Collection = (), least: int = 2
) -> list[Pair]:
    """The assignment of a number run to a name run: in order, one name per number, or with `share` k numbers per
    name when the counts divide; names in `own` (they have their own value) are left out first. [] when the counts
    do not fit or the run has fewer than `least` names."""
    listed = without(names, own) if own else list(names)
    if len(listed) < max(1, least) or not numbers:
        return []
    if len(numbers) == len(listed):
        return [Pair(r, b) for r, b in zip(numbers, listed, strict=True)]
    if not share or len(numbers) % len(listed):
        return []
    k = len(numbers) // len(listed)
    return [Pair(r, listed[j // k]) for j, r in enumerate(numbers)]


def from_readings(pairs: list[Pair], fld: str, flags: bool = True) -> list[Pair]:
    """Pairs whose names are readings (a parallel clause) as pairs with those readings' `fld`, and with `flags` their
    `carried` (a benchmark) or `metric_inferred` (a metric) flag."""
    if fld == "benchmark":
        return [Pair(p.number, p.name.benchmark, p.name.carried if flags else None) for p in pairs]
    return [Pair(p.number, p.name.metric, inferred=p.name.metric_inferred if flags else None) for p in pairs]


def assign(
    pairs: list[Pair], fld: str, rule: str | None, *, carried: bool | None = None, inferred: bool | None = None
) -> list:
    """Apply an alignment: each pair's number takes its name as `fld`, with the given (else the pair's) `carried`
    and `inferred` (`metric_inferred`) flags when not None, noted as `rule`. Returns the readings it set."""
    for p in pairs:
        r = p.number
        setattr(r, fld, p.name)
        if (flag := p.carried if carried is None else carried) is not None:
            r.carried = flag
        if (flag := p.inferred if inferred is None else inferred) is not None:
            r.metric_inferred = flag
        if rule:
            r.note(fld, rule)
    return [p.number for p in pairs]


__all__ = [
    "AT_K",
    "JOINED",
    "MEMBER_OPENING",
    "NAMES_JOINED",
    "PURE_COORD",
    "RESPECTIVELY",
    "Pair",
    "Run",
    "align",
    "assign",
    "by_name",
    "fits",
    "direct_at",
    "from_readings",
    "gap_start",
    "name_runs",
    "number_runs",
    "without",
]
