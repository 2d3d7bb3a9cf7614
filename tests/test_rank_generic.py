"""Generic method names ("Random", "Human", "Ours", "w/o X") are ranked within their paper, never across papers."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from leaderboard.cli import cli
from leaderboard.errors import UserError
from leaderboard.knowledge import load_knowledge, shipped_knowledge
from leaderboard.models import Result
from leaderboard.rank.api import rank_results
from leaderboard.rank.comparisons import build_comparisons
from leaderboard.rank.generic import generic_names, load_generic_names


def res(paper, method, value, bench="MovieLens-1M", metric="NDCG@10", hib=True) -> dict:
    r = Result(paper_id=paper, value=value, value_text=f"{value}", method=method, benchmark=bench, metric=metric)
    r.higher_is_better = hib
    return asdict(r)


def two_papers(shared: str) -> list[dict]:
    """A recommender paper and a speech paper, on different benchmarks, sharing one row name."""
    rec = [res("2301.00001", "GRU4Rec", 0.31), res("2301.00001", "TIGER", 0.37), res("2301.00001", shared, 0.02)]
    asr = [
        res("2302.00002", "VoxTrellis", 0.12, bench="ToyCommands", metric="Accuracy"),
        res("2302.00002", "PhonoMix", 0.10, bench="ToyCommands", metric="Accuracy"),
        res("2302.00002", shared, 0.01, bench="ToyCommands", metric="Accuracy"),
    ]
    return rec + asr


def components(rows: list[dict], **kw) -> dict[str, int]:
    table = rank_results(pd.DataFrame(rows), **kw).table
    return dict(zip(table["method"], table["component"], strict=True))


def test_two_papers_sharing_only_random_stay_two_components():
    comp = components(two_papers("Random"))
    assert len(comp) == 6 and set(comp.values()) == {0, 1}
    assert comp["Random [2301.00001]"] == comp["TIGER"] == comp["GRU4Rec"]
    assert comp["Random [2302.00002]"] == comp["VoxTrellis"] != comp["TIGER"]


@pytest.mark.parametrize("shared", ["Human performance", "Oracle (GT boxes)", "Majority class", "Ours", "w/o memory"])
def test_other_generic_rows_do_not_bridge_papers(shared):
    assert len(set(components(two_papers(shared)).values())) == 2


def test_two_papers_sharing_a_real_method_are_one_component():
    comp = components(two_papers("SASRec"))
    assert len(comp) == 5 and set(comp.values()) == {0}


def test_random_still_ranks_within_its_paper():
    table = rank_results(pd.DataFrame(two_papers("Random"))).table.set_index("method")
    row = table.loc["Random [2301.00001]"]
    assert (row["comparisons"], row["wins"], row["losses"], row["papers"]) == (2, 0, 2, 1)
    assert row["rating"] < table.loc["GRU4Rec", "rating"] < table.loc["TIGER", "rating"]


def test_generic_rows_take_no_cross_paper_comparison():
    # both papers report on one benchmark: the named methods are compared across papers, "Random" is not
    rows = [res("p1", "SASRec", 0.30), res("p1", "Random", 0.01), res("p2", "BERT4Rec", 0.33)]
    rows += [
        res("p2", "Random", 0.02),
        res("p2", "Caser", 0.2, bench="Beauty"),
        res("p2", "Random", 0.0, bench="Beauty"),
    ]
    pairs = build_comparisons(pd.DataFrame(rows), {}).pairs
    cross = pairs[pairs["cross_paper"]]
    assert sorted(zip(cross["model_a"], cross["model_b"], strict=True)) == [("BERT4Rec", "SASRec")]
    within = pairs[~pairs["cross_paper"]]
    assert sorted(" / ".join(sorted(p)) for p in zip(within["model_a"], within["model_b"], strict=True)) == [
        "BERT4Rec / Random [p2]",
        "Caser / Random [p2]",
        "Random [p1] / SASRec",
    ]


def test_the_note_counts_the_scoped_rows():
    result = rank_results(pd.DataFrame(two_papers("Random") + [res("2301.00001", "Ours", 0.4)]))
    notes = [n for n in result.notes if "generic method names" in n]
    assert notes == [
        '3 result rows with generic method names ("Random", "Ours") were ranked within their own paper only, '
        "never pooled across papers (vocab/generic_methods.csv)"
    ]
    plain = rank_results(pd.DataFrame(two_papers("SASRec")))
    assert not [n for n in plain.notes if "generic method names" in n]


@pytest.mark.parametrize(
    "name",
    [
        "Random",
        "random guessing",
        "Chance level",
        "Human (expert annotators)",
        "Upper Bound",
        "Ours-Large",
        "Ours (ViT-B/16)",
        "Baseline + distillation",
        "the strongest prior work",
        "Full model",
        "Zero-Shot",
        "w/o contrastive loss",
        "PixelNet w/o skip links",
        "+ retrieval",
        "− adapter",
        "Without pretraining",
        "Vanilla KD",
    ],
)
def test_generic_names_and_patterns(name):
    assert generic_names().matches(name)


@pytest.mark.parametrize(
    "name",
    ["Random Forest", "RandAugment", "OursNet", "SASRec", "BERT-Base", "Learning without Forgetting", "A", "Humanoid"],
)
def test_system_names_are_not_generic(name):
    assert not generic_names().matches(name)


@given(
    st.sampled_from(["w/o", "w/", "+", "-", "without", "with"]),
    st.from_regex(r"[A-Za-z][A-Za-z0-9]{0,8}( [a-z]{1,8})?", fullmatch=True),
)
def test_an_ablation_row_is_generic_whatever_it_removes(marker, rest):
    assert generic_names().matches(f"{marker} {rest}")


@given(st.from_regex(r"[A-Z][a-z]{2,6}(Net|Former|Rec|GAN)-?[0-9]{0,3}", fullmatch=True))
def test_a_coined_system_name_is_not_generic(name):
    assert not generic_names().matches(name)


def test_shipped_file_is_loaded_with_kinds():
    entries = shipped_knowledge().generic_methods
    kinds = {e.name: e.kind for e in entries if e.match == "name"}
    assert (kinds["random"], kinds["ours"], len({e.kind for e in entries})) == ("reference", "relative", 3)
    assert any(e.name == "w/o" and e.match == "infix" and e.kind == "ablation" for e in entries)


def test_a_user_file_extends_the_generic_names(tmp_path: Path):
    extra = tmp_path / "mine.csv"
    extra.write_text("generic,kind,match,source\nin-house system,relative,name,mine\n", encoding="utf-8")
    assert load_generic_names([extra]).matches("In-House System")
    assert not generic_names().matches("In-House System")
    comp = components(two_papers("In-house system"), vocab=[extra])
    assert len(set(comp.values())) == 2


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Random,obvious,name,x", "mine.csv line 2: kind must be one of reference, relative, ablation, not 'obvious'"),
        ("Random,reference,regex,x", "mine.csv line 2: match must be one of name, prefix, infix, not 'regex'"),
    ],
)
def test_a_bad_row_names_its_file_and_line(tmp_path: Path, line: str, message: str):
    bad = tmp_path / "mine.csv"
    bad.write_text(f"generic,kind,match,source\n{line}\n", encoding="utf-8")
    with pytest.raises(UserError) as err:
        load_knowledge([bad])
    assert str(err.value) == f"{bad.parent}/{message}"


def test_rank_command_prints_the_note_and_reads_vocab(tmp_path: Path):
    db = tmp_path / "lb.duckdb"
    results = pd.DataFrame(two_papers("Random"))  # noqa: F841 - read by DuckDB below
    papers = pd.DataFrame({"paper_id": ["2301.00001", "2302.00002"], "published": pd.to_datetime(["2023-01-02"] * 2)})  # noqa: F841
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE results AS SELECT * FROM results")
        con.execute("CREATE TABLE papers AS SELECT * FROM papers")
    out = CliRunner().invoke(cli, ["rank", "--db", str(db)])
    assert out.exit_code == 0, out.output
    assert (
        'note: 2 result rows with generic method names ("Random") were ranked within their own paper only, '
        "never pooled across papers (vocab/generic_methods.csv)"
    ) in out.stderr.splitlines()
    assert "Random [2302.00002]" in out.stdout
    missing = CliRunner().invoke(cli, ["rank", "--db", str(db), "--vocab", str(tmp_path / "none.csv")])
    assert isinstance(missing.exception, UserError)
    assert str(missing.exception).startswith(f"{tmp_path / 'none.csv'}: cannot read vocabulary file")


def test_rankings_page_says_how_many_rows_were_scoped(app, tmp_path: Path):
    from leaderboard.pipeline import BuildOptions, build

    rows = ["paper_id,method,benchmark,metric,value,higher_is_better"]
    rows += [f"2301.00001,{m},MovieLens-1M,NDCG@10,{v},true" for m, v in [("GRU4Rec", 0.31), ("TIGER", 0.37)]]
    rows += [f"2302.00002,{m},ToyCommands,Accuracy,{v},true" for m, v in [("VoxTrellis", 91.2), ("PhonoMix", 90.1)]]
    rows += ["2301.00001,Random,MovieLens-1M,NDCG@10,0.02,true", "2302.00002,Random,ToyCommands,Accuracy,8.3,true"]
    source = tmp_path / "results.csv"
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = tmp_path / "lb.duckdb"
    build(BuildOptions(sources=[source], db=db, progress=False, workers=1))
    at = app(db, "rankings", scope="all")
    captions = [c.value for c in at.caption if "generic method names" in c.value]
    assert captions == [
        '2 result rows with generic method names ("Random") were ranked within their own paper only, '
        "never pooled across papers (vocab/generic_methods.csv)."
    ]
    # two components of 3 (the page shows the first); "Random" of the speech paper is in the other one
    assert sorted(at.dataframe[0].value["method"]) == ["GRU4Rec", "Random [2301.00001]", "TIGER"]
    assert any("2 disconnected components" in w.value for w in at.warning)


INDEX_NOTE = (
    '4 result rows with generic method names ("Random") were ranked within their own paper only, '
    "never pooled across papers (vocab/generic_methods.csv)"
)


def two_benchmarks() -> list[dict]:
    """Three papers on two benchmarks (what the capability index needs); two of them report a "Random" row."""
    order = ["VoxTrellis", "PhonoMix", "EchoGrid", "WaveLoom"]
    papers = {
        "2401.00001": order[:2] + ["Random"],
        "2402.00002": order[1:3] + ["Random"],
        "2403.00003": order[::2] + ["WaveLoom"],
    }
    rows = []
    for bench, base in (("ToyCommands", 60.0), ("ToyIntents", 40.0)):
        for paper, methods in papers.items():
            for m in methods:
                value = 9.0 if m == "Random" else base + 10 * order.index(m) + paper.endswith("3")
                rows.append(res(paper, m, value, bench=bench, metric="Accuracy"))
    return rows


def test_the_capability_index_says_how_many_rows_were_scoped():
    result = rank_results(pd.DataFrame(two_benchmarks()), method="index", bootstrap_rounds=0)
    assert [n for n in result.notes if "generic method names" in n] == [INDEX_NOTE]
    assert sorted(m for m in result.table["method"] if m.startswith("Random")) == [
        "Random [2401.00001]",
        "Random [2402.00002]",
    ]


def _index_db(tmp_path: Path) -> Path:
    from leaderboard.pipeline import BuildOptions, build

    lines = ["paper_id,method,benchmark,metric,value,higher_is_better"]
    lines += [f"{r['paper_id']},{r['method']},{r['benchmark']},Accuracy,{r['value']},true" for r in two_benchmarks()]
    source = tmp_path / "results.csv"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "lb.duckdb"
    build(BuildOptions(sources=[source], db=db, progress=False, workers=1))
    return db


def test_rank_command_prints_the_note_for_the_index(tmp_path: Path):
    out = CliRunner().invoke(cli, ["rank", "--db", str(_index_db(tmp_path)), "--method", "index"])
    assert out.exit_code == 0, out.output
    assert f"note: {INDEX_NOTE}" in out.stderr.splitlines()
    assert "Random [2402.00002]" in out.stdout


def test_rankings_page_says_how_many_rows_the_index_scoped(app, tmp_path: Path):
    at = app(_index_db(tmp_path), "rankings", scope="all", estimator="index")
    assert [c.value for c in at.caption if "generic method names" in c.value] == [f"{INDEX_NOTE}."]
    assert len(at.dataframe[0].value) == 6
