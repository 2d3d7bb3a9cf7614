"""Abstract highlighting: escaping, offsets, shared numbers, bad offsets."""

from __future__ import annotations

import pandas as pd

from leaderboard.app.highlight import abstract_html, results_html, spans


def rows(*items: dict) -> pd.DataFrame:
    base = {
        "value_start": None,
        "value_end": None,
        "value_text": None,
        "method": None,
        "benchmark": None,
        "metric": None,
        "is_own_method": None,
        "benchmark_start": None,
        "benchmark_end": None,
        "metric_start": None,
        "metric_end": None,
        "confidence": 0.5,
        "subset": None,
        "kind": "absolute",
    }
    return pd.DataFrame([base | item for item in items])


ABSTRACT = "Ours <b>reaches</b> 92.0% & 3.1 FID on CIFAR-10."
V = ABSTRACT.index("92.0%")  # 20
F = ABSTRACT.index("3.1")  # 28


def test_marks_are_escaped_and_linked() -> None:
    df = rows(
        {
            "value_start": V,
            "value_end": V + 5,
            "value_text": "92.0%",
            "method": "A<script>alert(1)</script>",
            "is_own_method": True,
        },
        {
            "value_start": F,
            "value_end": F + 3,
            "value_text": "3.1",
            "metric": "FID",
            "metric_start": F + 4,
            "metric_end": F + 7,
            "benchmark": "CIFAR-10",
            "benchmark_start": F + 11,
            "benchmark_end": F + 19,
        },
    )
    html, skipped = abstract_html(ABSTRACT, df)
    assert skipped == 0
    assert html == (
        '<div class="lb-abstract">Ours &lt;b&gt;reaches&lt;/b&gt; '
        '<a class="lb-num lb-own" href="#lb-r-1" title="A&lt;script&gt;alert(1)&lt;/script&gt;">92.0%</a><sup>1</sup>'
        ' &amp; <a class="lb-num" href="#lb-r-2" title="CIFAR-10 · FID">3.1</a><sup>2</sup> '
        '<span class="lb-metric" title="metric: FID">FID</span> on '
        '<span class="lb-bench" title="benchmark: CIFAR-10">CIFAR-10</span>.</div>'
    )
    assert "<script>" not in html


def test_one_number_with_several_rows() -> None:
    df = rows(
        {"value_start": V, "value_end": V + 5, "method": "A"}, {"value_start": V, "value_end": V + 5, "method": "B"}
    )
    html, skipped = abstract_html(ABSTRACT, df)
    assert skipped == 0
    assert 'href="#lb-r-1" title="A | B">92.0%</a><sup>1</sup><sup>2</sup>' in html


def test_bad_and_overlapping_offsets_are_skipped() -> None:
    df = rows(
        {"value_start": V, "value_end": V + 5},
        {"value_start": V + 1, "value_end": V + 3},  # overlaps the first
        {"value_start": 400, "value_end": 405},  # past the end
        {"value_start": None, "value_end": None},  # an imported row without offsets: not counted
    )
    marks, skipped = spans(ABSTRACT, df)
    assert [(m.start, m.end, m.numbers) for m in marks] == [(20, 25, (1,))]
    assert skipped == 2


def test_results_table_rows_are_anchors() -> None:
    df = rows({"value_text": "<1%", "method": "M&M", "is_own_method": False, "confidence": 0.9})
    table = results_html(df)
    assert '<tr id="lb-r-1"><td>1</td><td>&lt;1%</td><td>M&amp;M</td>' in table
    assert "<td>baseline</td><td>0.90</td>" in table
