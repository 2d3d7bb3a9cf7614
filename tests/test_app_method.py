"""Method page: every result of a method, its positions, and its head-to-head record."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import sql


def test_every_result_of_the_method(app, synth_db: Path) -> None:
    at = app(synth_db, "method", method="transformer-9")
    assert at.selectbox[0].value == "transformer-9"
    assert at.header[0].value == "Transformer-9"
    table = at.dataframe[0].value
    expected = sql(synth_db, "select result_id from results where method = 'Transformer-9' order by 1")
    assert sorted(table["result_id"]) == expected["result_id"].tolist()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Results"] == str(len(expected))
    assert metrics["Papers"] == str(
        sql(synth_db, "select count(distinct paper_id) n from results where method = 'Transformer-9'")["n"].iloc[0]
    )
    assert table["benchmark_link"].str.startswith("benchmark?benchmark=").all()
    assert set(table["reported_as"]) <= {"own method", "baseline"}


def test_positions_agree_with_the_benchmark_table(app, synth_db: Path) -> None:
    at = app(synth_db, "method", method="transformer-9")
    table = at.dataframe[0].value
    row = table[(table["benchmark"] == "CIFAR-10") & table["metric"].str.startswith("FID")].iloc[0]
    best = sql(
        synth_db,
        "select method, min(value) v from results where benchmark='CIFAR-10' and metric='FID' group by 1 order by 2",
    )
    position = best["method"].tolist().index("Transformer-9") + 1
    assert row["position"] == f"{position} of {len(best)}"
    assert row["metric"] == "FID ↓"


def test_wins_and_losses_inside_papers(app, synth_db: Path) -> None:
    at = app(synth_db, "method", method="transformer-9")
    record = at.dataframe[1].value
    # oracle: same paper, benchmark, metric; lower FID/WER is better, else higher
    pairs = sql(
        synth_db,
        """
        with t as (select paper_id, benchmark, metric, method,
                          max(case when higher_is_better then value else -value end) s
                   from results group by all)
        select o.method, sum((m.s > o.s)::int) w, sum((m.s < o.s)::int) l, sum((m.s = o.s)::int) t
        from t m join t o using (paper_id, benchmark, metric)
        where m.method = 'Transformer-9' and o.method <> m.method group by 1""",
    )
    got = record.set_index("opponent")[["wins", "losses", "ties"]].sort_index()
    want = pairs.set_index("method").rename(columns={"w": "wins", "l": "losses", "t": "ties"}).sort_index()
    assert got.to_dict("index") == want.astype(int).to_dict("index")
    won, lost, tied = (int(want[c].sum()) for c in ("wins", "losses", "ties"))
    assert {m.label: m.value for m in at.metric}["Record (W–L–T)"] == f"{won}–{lost}–{tied}"


def test_search_then_pick_writes_the_url(app, synth_db: Path) -> None:
    at = app(synth_db, "method")
    at.text_input[0].set_value("mamba").run()
    assert set(at.selectbox[0].options) == {"Mamba-5", "Mamba-6"}
    at.selectbox[0].select_index(1).run()
    assert at.query_params["method"] in {"mamba-5", "mamba-6"}
    assert at.header[0].value.lower() == at.query_params["method"]


def test_seed_method_without_comparisons(app, seed_db: Path) -> None:
    counts = sql(  # whether its one extracted row is confident depends on the shipped calibration fit
        seed_db,
        "SELECT count(*) AS n, count(*) FILTER (WHERE NOT confident) AS hidden FROM results "
        "WHERE method_norm = 'helpsteer2'",
    )
    n, hidden = int(counts["n"].iloc[0]), int(counts["hidden"].iloc[0])
    at = app(seed_db, "method", method="helpsteer2")
    assert n == 1 and at.header[0].value == "HelpSteer2" and len(at.dataframe[0].value) == n - hidden
    captions = [c.value for c in at.caption]
    assert (f"{hidden} extracted rows below the confidence threshold are hidden." in captions) == bool(hidden)
    at = app(seed_db, "method", method="helpsteer2", confident="0")
    assert at.dataframe[0].value["benchmark"].tolist() == ["RewardBench"]
    assert any("No paper reports this method side by side" in c.value for c in at.caption)
