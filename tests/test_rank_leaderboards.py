"""Per-benchmark leaderboards and the state-of-the-art-over-time series."""

from dataclasses import asdict

import pandas as pd

from leaderboard.models import Result
from leaderboard.rank.leaderboards import benchmark_overview, leaderboard_table, sota_over_time


def res(paper, method, value, metric="FID", hib=False, own=None, unit=None, **kw) -> dict:
    r = Result(paper_id=paper, value=value, value_text=f"{value}", method=method, benchmark="CIFAR-10")
    r.metric, r.higher_is_better, r.is_own_method, r.unit = metric, hib, own, unit
    r.evidence = f"{method} reaches {value}"
    row = asdict(r)
    row.update(kw)
    return row


PAPERS = pd.DataFrame(
    {
        "paper_id": ["ddpm", "ncsn", "sde", "edm"],
        "published": ["2020-06-19", "2019-07-12", "2020-11-26", "2022-06-01"],
    }
)
RESULTS = pd.DataFrame(
    [
        res("ncsn", "NCSN", 25.32, own=True),
        res("ddpm", "DDPM", 3.17, own=True),
        res("ddpm", "NCSN", 25.32, own=False),
        res("sde", "NCSN++", 2.20, own=True),
        res("sde", "DDPM", 3.17, own=False),
        res("edm", "EDM", 1.97, own=True),
        res("edm", "DDPM", 2.90, own=False),  # a later paper reports a better DDPM number
        res("edm", "EDM", 9.46, metric="IS", hib=True, own=True),
        res("sde", "NCSN++", 9.89, metric="IS", hib=True, own=True),
        res("edm", "Foo", 0.5, metric="Bar", hib=None),
    ]
)


def test_leaderboard_is_best_per_method_ordered_by_direction():
    t = leaderboard_table(RESULTS, "CIFAR-10", "FID", papers=PAPERS, aliases={})
    assert t.method.tolist() == ["EDM", "NCSN++", "DDPM", "NCSN"]
    assert t.value.tolist() == [1.97, 2.20, 2.90, 25.32]
    assert t.position.tolist() == [1, 2, 3, 4]
    assert t.paper_id.tolist() == ["edm", "sde", "edm", "ncsn"]  # NCSN: equal values, earliest paper
    assert t.reported_as.tolist() == ["own", "own", "baseline", "own"]
    assert t.evidence.iloc[0] == "EDM reaches 1.97"
    assert str(t.published.iloc[0].date()) == "2022-06-01"


def test_higher_is_better_metric_and_spelling_tolerant_lookup():
    t = leaderboard_table(RESULTS, "cifar10", "is", aliases={})
    assert t.method.tolist() == ["NCSN++", "EDM"] and t.position.tolist() == [1, 2]


def test_unknown_direction_is_listed_unranked():
    t = leaderboard_table(RESULTS, "CIFAR-10", "Bar")
    assert t.method.tolist() == ["Foo"] and t.position.isna().all()


def test_values_in_another_unit_are_left_out_by_default():
    rows = [
        res("a", "X", 91.0, metric="Acc", hib=True, unit="%"),
        res("b", "Y", 92.5, metric="Acc", hib=True, unit="%"),
    ]
    rows.append(res("c", "Z", 0.95, metric="Acc", hib=True, unit=None))
    df = pd.DataFrame(rows)
    assert leaderboard_table(df, "CIFAR-10", "Acc").method.tolist() == ["Y", "X"]
    assert leaderboard_table(df, "CIFAR-10", "Acc", unit="").method.tolist() == ["Z"]


def test_sota_over_time_steps_at_each_record():
    s = sota_over_time(RESULTS, "CIFAR-10", "FID", papers=PAPERS, aliases={})
    assert [str(d.date()) for d in s.published] == ["2019-07-12"] + ["2020-06-19"] * 2 + ["2020-11-26"] * 2 + [
        "2022-06-01"
    ] * 2
    assert s.sota_value.tolist() == [25.32, 3.17, 3.17, 2.20, 2.20, 1.97, 1.97]
    records = s[s.is_record]
    assert records.method.tolist() == ["NCSN", "DDPM", "NCSN++", "EDM"]
    assert s.sota_method.tolist() == ["NCSN", "DDPM", "DDPM", "NCSN++", "NCSN++", "EDM", "EDM"]


def test_sota_is_empty_without_dates_or_direction():
    assert sota_over_time(RESULTS, "CIFAR-10", "FID").empty  # no published column and no papers
    assert sota_over_time(RESULTS, "CIFAR-10", "Bar", papers=PAPERS).empty


def test_overview_lists_benchmark_metric_pairs_with_direction():
    o = benchmark_overview(RESULTS).set_index("metric")
    assert o.loc["FID", ["results", "papers", "methods"]].tolist() == [7, 4, 4]
    assert o.loc["FID", "higher_is_better"] is False and o.loc["IS", "higher_is_better"] is True
    assert o.loc["Bar", "higher_is_better"] is None
