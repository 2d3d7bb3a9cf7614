"""The ordered chains: which rules decide each field of a reading and in which order the engine (engine.py) tries
them. The first rule of a chain that decides sets the field."""

from __future__ import annotations

from leaderboard.extract.rules import baseline as baseline_rules
from leaderboard.extract.rules import benchmark, kind, metric, named, ordered, result, subset, value_form
from leaderboard.extract.rules import method as method_rules

METRIC_BINDING = ordered(metric, metric.BINDING)  # rules/metric.py: the order the binding rules are tried in
REJECT = named(result, result.REJECTING)  # rules/result.py: the rules that reject a number, in order
EVIDENCE = ordered(
    result,
    (
        "result.score_unit",
        "result.bound_metric",
        "result.decimal_change_or_range",
        "result.measure_unit_with_metric_or_verb",
        "result.whole_number_scored_on",
        "result.metric_nearby",
        "result.benchmark_and_result_verb",
        "result.compared_pair",
        "result.on_benchmark_after",
    ),
    taken=frozenset(fn.rule_name for fn in REJECT),
)
UNIT = ordered(
    value_form,
    (
        "unit.written_once_on_range",
        "unit.attached_sign",
        "unit.glued_unit_word",
        "unit.spaced_unit_word",
        "unit.percentage_points",
        "unit.points",
    ),
    group="unit",
)
QUALIFIER = ordered(value_form, ("qualifier.cue_before", "qualifier.trailing_plus"), group="qualifier")
CHANGE = ordered(
    kind,
    (
        "kind.plus_sign",
        "kind.signed_in_parenthesis",
        "kind.change_noun_after",
        "kind.change_noun_after_metric",
        "kind.change_verb_by",
        "kind.change_noun_before",
    ),
)
SUBSET = ordered(
    subset,
    (
        "subset.setting_after_number",
        "subset.label_before_number",
        "subset.word_after_benchmark",
        "subset.split_of_benchmark",
        "subset.in_subset_phrase",
    ),
)
BENCHMARK_CARRIED = named(
    benchmark,
    (
        *("benchmark.counted_set_anaphor", "benchmark.items_of_suite_before"),
        *("benchmark.task_bound_earlier", "benchmark.this_benchmark_is_own"),
        "benchmark.sentence_before",
        *("benchmark.previous_results", "benchmark.introduced_earlier"),
        "benchmark.title",
    ),
)
BENCHMARK_IN_SENTENCE = ordered(
    benchmark,
    (
        "benchmark.name_before_parenthesis",
        *("benchmark.name_before_to_value", "benchmark.named_suite_of_aggregate"),
        *("benchmark.on_phrase_after", "benchmark.fronted_slot"),
        "benchmark.last_name_before",
        "benchmark.nearest_in_sentence",
    ),
    taken=frozenset(
        {
            *("benchmark.across_unnamed_sets", "benchmark.single_in_abstract", "benchmark.setting_of_its_own"),
            *("benchmark.frame_of_its_own", "benchmark.spread_over_listed"),
            *(fn.rule_name for fn in BENCHMARK_CARRIED),
        }
    ),
)
METHOD = ordered(
    method_rules,
    (
        *("method.compared_system", "method.other_system_subject", "method.own_reference"),
        *("method.system_of_backbone", "method.name_before", "method.sentence_subject"),
    ),
)
BASELINE = ordered(baseline_rules, ("baseline.after_comparison_word",), group="baseline")
