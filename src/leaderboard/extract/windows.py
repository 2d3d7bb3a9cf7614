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
    respectively_after_run: int  # from the last number of a run to the "respectively" that distributes it
    split_list_before_head: int  # from a list of split words to their plural head ("dev and eval sets")
    number_run_to_on_list: int  # from coordinated numbers to the "on" list of names they pair with
    anaphor_after_number: int  # from a number to "on the latter" / "for the former"
    conjunct_name_to_value: int  # from the name opening a conjunct to its first number ("on A from x to y, and ...")
    metric_phrase_before: int  # a metric phrase outside the vocabulary before a number ("an R-precision of 0.22")
    metric_link_before: int  # the link word ending such a phrase ("of", "=", "is") right before the number
    reported_verb_before: int  # a result verb before "a <measure> of <number>" ("obtains a return of 3,200")
    scored_verb_before: int  # a result verb right before a whole number scored on a benchmark ("scores 1820 on")
    listed_items_before: int  # the "x on A, y on B and" items before a listed number ("... and 1,612 on MME")
    non_result_before: int  # the words before a number that tell a year, citation, setting or list marker
    non_result_after: int  # the words after a number that tell a count, size, version or list marker
    year_link_before: int  # a link ("of", "=", ":") right before a year-like number that binds it ("an Elo of 2010")
    date_before: int  # a month name right before a day number ("Jan 12")
    date_after: int  # a month name right after a day number ("12th of May")
    from_before_range: int  # "from" before the first number of a transition ("from 72.7% to 76.8%")
    change_word_after: int  # how far after a change a change word ("gain", "drop") may tell its direction
    relative_before: int  # how far before a change "relative"/"absolute" may stand
    host_before_backbone: int  # a system name before a model in parentheses ("GFLV2 (ResNet-101)")
    component_cue_before: int  # a cue before a model that makes it a component ("based on", "with a")
    component_head_after: int  # a component head after a model ("backbone", "encoder")
    subject_before_verb: int  # a system name that is the subject of a result verb, before the verb
    metric_join_gap: int  # the most characters between two metric names written side by side ("mIoU accuracy")
    metric_bind_after: int  # from a number to a metric name written after it ("92.1% AP")
    metric_bind_before: int  # from a metric name written before a number to it ("FID of 2.20")
    on_phrase_gap: int  # from a number to the benchmark of an "on/in/for X" phrase after it
    on_phrase_before: int  # from the preposition of such a phrase to the benchmark name
    name_right_after: int  # a benchmark this close after a number needs no preposition ("81.2% COCO")
    nearest_clause_penalty: int  # added to the distance of a name across a ";" when the nearest one is chosen
    nearest_after_penalty: int  # added to the distance of a name after the number (names before win a tie)
    name_after_propose: int  # the paper's own method name after "we propose" ("we propose FooNet, a ...")
    speed_cue_after: int  # from a number to a speed cue after it ("4.2x quicker", "2x higher throughput")
    speed_by_before: int  # the text before a number read for a speed verb or noun and "by" ("speeds up ... by 2x")
    speed_verb_to_by: int  # from a speed verb to the "by" before the number ("accelerates retrieval by 60%")
    speed_ellipsis_gap: int  # from an efficiency value to a ratio that compares it ("31 ms on a CPU, 3x lower than")
    time_cue_before: int  # a time preposition or verb before a time ("runs in 18 ms", "takes 2.1 s")
    setting_cue_before: int  # the text before a number read for a setting phrase, threshold or size verb
    setting_end_before: int  # its tail that must hold the last word of a setting phrase ("masking ratio of")
    setting_noun_after: int  # from a number to a setting noun after it ("a 16x downsampling", "10% label regime")
    threshold_noun_after: int  # from a threshold after "at" to its noun ("AP at 0.5 IoU")
    size_cue_after: int  # from a ratio or percentage to a size word after it ("6x smaller", "35% fewer parameters")
    metric_modifier_before: int  # a modifier word before a metric that makes it another measure ("joint goal accuracy")
    spread_lead_before: int  # from "from" / "ranging from" to the first number of a range ("ranging from 5% to 9%")
    spread_cue_before: int  # the text before that lead read for a comparison verb or change noun ("gains ranging")
    from_before_transition: int  # from "from" to the number it starts ("from an F1 of 55.1 to 57.8")
    latex_open_before: int  # from LaTeX markup to the benchmark name inside it ("$\\text{AlpacaEval}")
    name_to_parenthesis: int  # from a benchmark name to the parenthesis of its number ("X with Y (81.2%)")
    compared_cue_before: int  # a comparison cue before a name that makes it the other side ("compared to X")
    vs_before: int  # from a number and "vs." to the number compared with it ("8.99 vs. 8.96")
    of_before_reported: int  # the "of" right before a whole number a result verb reports ("a return of 3,200")
    title_name_max: int  # the longest method name of a title's "X: ..." prefix
    reference_setting_after: int  # from a number to the full-precision reference it is measured against
    activity_before_number: int  # the activity that opens a time's clause, before the number ("Sampling ... takes")
    activity_verb_before: int  # a verb of an activity right before "at"/"in" and the number ("render at 310 FPS")
    other_subject_before: int  # the subject of a result verb that is another system or people ("experts achieve")
    other_label_before: int  # the opening parenthesis of another system's label before its number ("(prior best")
    fronted_frame: int  # from a sentence's start to the comma closing a fronted frame ("For 30-second clips,")
    own_score_gap: int  # from "<benchmark> score" to its number ("its FooBench score climbs from 0.31 to")
    baseline_words: int  # in words, not characters: the longest baseline name after a comparison word ("than X")

    @classmethod
    def read(cls, g: Grammar, name: str) -> int:
        """One window, read through the grammar by code that has no `Windows` (the rows were checked by `of`
        when the extractor was built)."""
        size = g.window_sizes.get(name)
        if size is None:  # parsed once per grammar: the rules ask ~5 times per number
            size = g.window_sizes[name] = int(g.words["window"][name])
        return size

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
