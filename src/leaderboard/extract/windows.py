"""How far the rules look, in characters: rows `window,<name>,<characters>` of vocab/grammar.csv, typed once."""

from __future__ import annotations

from dataclasses import dataclass, fields

from leaderboard.errors import UserError
from leaderboard.extract.grammar import Grammar


@dataclass(frozen=True, slots=True)
class Windows:
    """Character windows of the rules in extract/rules/ and engine.py (each row of grammar.csv says what it is)."""

    clause_before: int  # the clause before a number that the kind and qualifier rules read
    sentence_after: int  # the text after a number that the unit and kind rules read
    qualifier_before: int  # how far before a number a qualifier cue ("up to") may start
    change_after_metric: int  # from a metric after the number to a change noun ("2.1 AP gain")
    data_after_share: int  # from a percentage to the dataset it is a share of ("1% of ImageNet")
    metric_nearby: int  # a metric this close makes a plain decimal a result
    metric_nearest: int  # the farthest a metric of the sentence is given to a number
    benchmark_nearest: int  # the farthest a benchmark of the sentence is given to a number
    sets_after: int  # from "across/over" to the count of unnamed sets ("across six benchmarks")
    setting_after_number: int  # from a number to a setting ("in the 5-shot setting")
    label_before_number: int  # a split label before a number ("val: 62.6")
    split_after_benchmark: int  # from a benchmark name to a split word after it
    split_before_benchmark: int  # from a split phrase to the benchmark it is "of"
    coordination_before: int  # coordinated numbers: from the first number to the coordinator ("3.9% AP, 5.1%")
    coordination_after: int  # coordinated numbers: from the coordinator to the second number
    respectively_names_before: int  # how far before its first number a "respectively" list of names may start
    split_list_before_head: int  # from a list of split words to their plural head ("dev and eval sets")
    number_run_to_on_list: int  # from coordinated numbers to the "on" list of names they pair with
    anaphor_after_number: int  # from a number to "on the latter" / "for the former"
    own_name_reach: int  # the farthest a name is "attached" to a number (no coordinator or bracket between)
    conjunct_name_to_value: int  # from the name opening a conjunct to its first number ("on A from x to y, and ...")

    @classmethod
    def of(cls, g: Grammar) -> Windows:
        """The windows of the grammar rows; a missing, unknown or non-numeric one is a clear error."""
        rows = g.words.get("window", {})
        names = [f.name for f in fields(cls)]
        unknown = sorted(set(rows) - set(names))
        if unknown:
            raise UserError(f"grammar.csv: unknown window {unknown[0]!r} (known: {', '.join(names)})")
        missing = [n for n in names if n not in rows]
        if missing:
            raise UserError(f"grammar.csv: no row 'window,{missing[0]},<characters>'")
        values = {}
        for n in names:
            if not rows[n].strip().isdigit():
                raise UserError(f"grammar.csv: window {n!r} must be a whole number of characters, not {rows[n]!r}")
            values[n] = int(rows[n])
        return cls(**values)
