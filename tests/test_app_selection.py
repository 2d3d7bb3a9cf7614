"""Boxes that never lie, links that say when their target is missing, names shown whole, blanks for missing values,
and imported leaderboard rows labelled as imports (issues #16.6 and #17) on seeds + three Papers with Code files."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlencode, urlsplit

import pytest

from leaderboard.pipeline import BuildOptions, build
from tests.helpers import ROOT, SEEDS, sql

PWC = ROOT / "tests" / "data" / "pwc"


@pytest.fixture(scope="module")
def pwc_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds + squad.json, snli.json and nlp-progress.json (Papers with Code leaderboards)."""
    path = tmp_path_factory.mktemp("pwc") / "pwc.duckdb"
    sources = [SEEDS, *(PWC / f"{n}.json" for n in ("squad", "snli", "nlp-progress"))]
    build(BuildOptions(sources=sources, db=path, progress=False, workers=1))
    return path


def label(link: str) -> str:
    """What a LinkColumn shows for one of the app's internal links (the grid form-decodes the fragment)."""
    return unquote(urlsplit(link).fragment.replace("+", " "))


def settings(db: Path, benchmark: str, metric: str) -> set[str]:
    rows = sql(
        db,
        "select distinct coalesce(subset, '') || '|' || coalesce(unit, '') s from results "
        "where benchmark = $b and metric = $m and kind = 'absolute'",
        {"b": benchmark, "m": metric},
    )
    return set(rows["s"])


def test_another_benchmark_moves_metric_and_setting_with_it(app, pwc_db: Path) -> None:
    at = app(pwc_db, "benchmark", benchmark="SQuAD2.0", metric="Exact Match")
    assert at.selectbox(key="url_setting").value == "|%"
    at.selectbox(key="url_benchmark").select("WikiText-103").run()
    metric, setting = at.selectbox(key="url_metric").value, at.selectbox(key="url_setting").value
    assert metric == "Perplexity"  # the most reported metric of WikiText-103, not the stale "Exact Match"
    assert setting in settings(pwc_db, "WikiText-103", "Perplexity")
    assert dict(at.query_params) == {"benchmark": "WikiText-103", "metric": "Perplexity", "setting": setting}
    assert "Perplexity ↓ on WikiText-103" in at.markdown[0].value
    table = at.dataframe[0].value
    subset = setting.split("|")[0]
    expected = sql(
        pwc_db,
        "select min(value) v from results where benchmark = 'WikiText-103' and metric = 'Perplexity' and subset = $s",
        {"s": subset},
    )["v"].iloc[0]
    assert table["value"].iloc[0] == expected


def test_another_metric_moves_the_setting_with_it(app, pwc_db: Path) -> None:
    at = app(pwc_db, "benchmark", benchmark="WikiText-103", metric="Perplexity", setting="Word Level Models / dev|")
    assert at.selectbox(key="url_setting").value == "Word Level Models / dev|"
    at.selectbox(key="url_metric").select("Parameters").run()
    assert at.selectbox(key="url_setting").value == "Word Level Models|"
    assert at.query_params["setting"] == "Word Level Models|"
    assert at.selectbox(key="url_setting").format_func("Word Level Models|") == "Word Level Models"


def test_a_new_url_wins_over_the_box(app, pwc_db: Path) -> None:
    """A link followed inside the session (other query parameters, same page) moves the box with the page."""
    at = app(pwc_db, "method", method="bert")
    assert at.selectbox(key="url_method").value == "bert" and at.header[0].value == "BERT"
    at.query_params["method"] = "luke (single model)"
    at.run()
    assert at.selectbox(key="url_method").value == "luke (single model)"
    assert at.header[0].value == "LUKE (single model)"


def test_paper_box_shows_the_paper_shown(app, pwc_db: Path) -> None:
    at = app(pwc_db, "paper", paper="1810.04805")
    box = at.selectbox(key="url_paper")
    assert box.value == "1810.04805"
    assert box.format_func(box.value) == at.header[0].value
    at.text_input[0].input("XLNET-123").run()  # the search narrows the options; the box follows
    box = at.selectbox(key="url_paper")
    assert box.format_func(box.value) == at.header[0].value
    other = next(p for p in box.options if "XLNET-123++" in p)
    box.select(other).run()
    assert at.header[0].value == other
    assert at.selectbox(key="url_paper").format_func(at.selectbox(key="url_paper").value) == other


@pytest.mark.parametrize(
    ("page", "param", "value", "what"),
    [
        ("benchmark", "benchmark", "NoSuchBench", "Benchmark"),
        ("paper", "paper", "nosuchpaper", "Paper"),
        ("method", "method", "nosuchmethod", "Method"),
    ],
)
def test_a_bad_link_says_its_target_does_not_exist(app, pwc_db: Path, page, param, value, what) -> None:
    at = app(pwc_db, page, **{param: value})
    assert [e.value for e in at.error] == [f"{what} “{value}” does not exist in this database. Choose one above."]
    assert at.selectbox(key=f"url_{param}").value is None
    assert not at.header and not at.dataframe  # no other target shown in its place


def test_a_plus_in_a_name_survives_the_link(app, pwc_db: Path) -> None:
    at = app(pwc_db, "benchmark", benchmark="SQuAD1.1", metric="F1")
    table = at.dataframe[0].value
    links = [label(u) for u in table["method_link"]]
    assert "XLNET-123++ (single model)" in links
    assert links == table["method"].tolist()
    row = table[table["method"] == "XLNET-123++ (single model)"].iloc[0]
    key = sql(pwc_db, "select distinct method_norm k from results where method = 'XLNET-123++ (single model)'")["k"]
    assert urlsplit(row["method_link"]).query == urlencode({"method": key[0]}) and "%2B%2B" in row["method_link"]


def test_imported_rows_are_labelled_as_imports(app, pwc_db: Path) -> None:
    at = app(pwc_db, "benchmark", benchmark="SQuAD2.0", metric="F1")
    summary = at.markdown[0].value
    assert "imported from a curated leaderboard (squad.json), not read from a paper" in summary
    assert "used it as a baseline" not in summary
    table = at.dataframe[0].value
    assert set(table["reported_as"]) == {"imported: squad.json"}
    assert (table["third_party"] == 0).all()  # an import says nothing about who proposed the method
    papers = [label(u) for u in table["paper"]]
    assert not any(p.startswith(("m-", "u-")) or p == "" for p in papers)
    untitled = table[table["title"].isna() | (table["title"] == "")].iloc[0]
    assert label(untitled["paper"]) == f"{untitled['method']} (squad.json)"


def test_an_imported_entry_says_so_on_its_paper_page(app, pwc_db: Path) -> None:
    at = app(pwc_db, "paper", paper="1810.04805")
    files = sql(pwc_db, "select distinct source from results where paper_id = '1810.04805' order by 1")["source"]
    assert files.tolist() == ["pwc:nlp-progress.json", "pwc:squad.json"]
    assert "results imported from nlp-progress.json, squad.json (curated leaderboards" in at.caption[0].value
    n = int(sql(pwc_db, "select count(*) n from results where paper_id = '1810.04805'")["n"][0])
    assert f"Imported results ({n})" in [h.value for h in at.subheader]
    table = next(h.proto.body for h in at.get("html") if "lb-results" in h.proto.body)
    assert table.count("<td>imported: squad.json</td>") == int(
        sql(pwc_db, "select count(*) n from results where paper_id = '1810.04805' and source = 'pwc:squad.json'")["n"][
            0
        ]
    )


def test_no_cell_shows_none_or_nan(app, pwc_db: Path) -> None:
    pages = [
        ("benchmark", {"benchmark": "WikiText-103", "metric": "Perplexity"}),
        ("method", {"method": "bert"}),
        ("paper", {"paper": "1810.04805"}),
    ]
    for page, params in pages:
        at = app(pwc_db, page, **params)
        for frame in at.dataframe:
            shown = frame.value
            assert not shown.isna().any().any(), (page, shown.columns[shown.isna().any()].tolist())
            text = shown.astype(str)
            assert not text.isin(["None", "nan", "NaN", "<NA>", "NaT"]).any().any(), page


def test_correction_rows_show_a_dash_for_missing_fields(app, pwc_db: Path) -> None:
    paper = sql(pwc_db, "select min(paper_id) p from results where method is null and source = 'abstract'")["p"][0]
    at = app(pwc_db, "paper", paper=paper)
    at.radio(key="report_action").set_value("fix").run()
    shown = at.selectbox[1].options  # as the box shows them
    assert shown and not any("nan" in s or "None" in s or "?" in s for s in shown)
    assert all(s.count(" · ") == 3 for s in shown)
    assert any(" · — · " in s for s in shown)  # the unnamed method


def test_saving_the_same_correction_twice_writes_one_line(app, seed_db: Path, tmp_path: Path) -> None:
    curation = tmp_path / "curation.csv"
    paper = sql(seed_db, "select paper_id from results group by 1 order by count(*) desc, 1 limit 1")["paper_id"][0]
    at = app(seed_db, "paper", env={"LB_CURATION": str(curation)}, paper=paper)
    at.radio(key="report_action").set_value("reject").run()
    for _ in range(2):  # a double click submits the same form twice
        at.text_input[1].input("a year, not a result")
        at.button[0].click().run()
    lines = curation.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and lines[1].startswith("reject,")
    assert [s.value for s in at.success] == []
    assert at.info[-1].value.startswith("Already saved: reject ")


def test_rejected_note_links_to_the_rejected_records(app, pwc_db: Path) -> None:
    at = app(pwc_db)
    (link,) = [e for e in at.get("page_link") if "rejected" in e.proto.label]
    rejected = int(sql(pwc_db, "select count(*) n from rejected")["n"][0])
    assert link.proto.label.startswith(f"{rejected:,} input records were rejected")
    assert link.proto.page.endswith("sql")
    assert "FROM+rejected" in link.proto.query_string


def test_a_toggle_keeps_its_state_in_the_url() -> None:
    from streamlit.testing.v1 import AppTest

    def script() -> None:
        import streamlit as st

        from leaderboard.app.ui import url_toggle

        st.write(f"on={url_toggle('Compare across papers', 'cross', default=True)}")

    at = AppTest.from_function(script).run()
    assert at.markdown[0].value == "on=True" and "cross" not in at.query_params
    at.toggle[0].set_value(False).run()
    assert at.markdown[0].value == "on=False" and at.query_params["cross"] == "0"
    shared = AppTest.from_function(script)
    shared.query_params["cross"] = "0"
    shared.run()
    assert shared.toggle[0].value is False and shared.markdown[0].value == "on=False"


def test_an_imported_entry_without_a_paper_record_has_a_page(app, pwc_db: Path) -> None:
    """A leaderboard model without a paper (an untitled submission id) is linked to, so its page must exist."""
    orphan = sql(
        pwc_db,
        "select paper_id, min(method) m, min(published) d from results "
        "where paper_id not in (select paper_id from papers where coalesce(title, '') <> '') "
        "and method = 'XLNET-123++ (single model)' group by 1",
    )
    assert len(orphan) == 1
    at = app(pwc_db, "paper", paper=orphan["paper_id"][0])
    assert not at.error
    assert at.header[0].value == "XLNET-123++ (single model) (squad.json)"
    assert "published 2019-12-11" in at.caption[0].value
    assert at.subheader[1].value == "Imported results (2)"
