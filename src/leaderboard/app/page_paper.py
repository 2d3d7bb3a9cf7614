"""Paper: the abstract with every extracted number marked and linked to its row, the rows, and corrections."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import streamlit as st

from leaderboard.app import data, latex_table
from leaderboard.app.highlight import STYLE, abstract_html, results_html
from leaderboard.app.ui import (
    csv_download,
    not_available,
    paper_label,
    safe_file_name,
    show_table,
    source_file,
    url_selectbox,
)
from leaderboard.display import cell_text

OPTION_LIMIT = 300
FIXABLE_FALLBACK = ("benchmark", "metric", "method", "value", "subset", "unit", "higher_is_better")
ACTIONS = {"reject": "Reject: not a result / wrong row", "fix": "Fix one field", "add": "Add a missed result"}


def render() -> None:
    st.title("Paper")
    c1, c2 = st.columns([1, 2])
    q = c1.text_input("Find a paper", placeholder="title (or model name) contains …")
    options = data.run("paper_options", q=q, limit=OPTION_LIMIT)
    wanted = st.query_params.get("paper")
    if wanted and wanted not in set(options["paper_id"]) and not q:
        found = data.run("paper_options", q=wanted, limit=OPTION_LIMIT)
        options = pd.concat([found[found["paper_id"] == wanted], options], ignore_index=True)
    labels = {
        p: paper_label(t, p, m, s)
        for p, t, m, s in options[["paper_id", "title", "method", "source"]].itertuples(index=False)
    }
    if not labels:
        st.info("No paper matches." if q else "This database has no papers.")
        return
    paper_id = url_selectbox(
        "Paper", list(labels), "paper", container=c2, format_func=lambda p: _short(labels.get(p) or p), strict=True
    )
    if paper_id is None:
        return
    paper = data.run("paper", paper=paper_id).iloc[0]
    results = data.run("paper_results", paper=paper_id)
    st.header(labels[paper_id])
    st.caption(_meta(paper, results))
    _abstract(paper, results)
    latex_table.render(paper_id)  # the paper's LaTeX results tables, the picked result's cell marked
    _report(paper_id, results)


def _short(text: str, n: int = 110) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _meta(paper: pd.Series, results: pd.DataFrame) -> str:
    parts = [f"id `{paper['paper_id']}`"]
    imported = sorted({f for f in map(source_file, results["source"]) if f})
    if imported:
        parts.append(f"results imported from {', '.join(imported)} (curated leaderboards, not read from the paper)")
    if pd.notna(paper["published"]):
        parts.append(f"published {pd.Timestamp(paper['published']).date()}")
    if isinstance(paper["authors"], str) and paper["authors"]:
        parts.append(_short(paper["authors"], 120))
    if isinstance(paper["url"], str) and paper["url"].startswith(("http://", "https://")):
        parts.append(f"[source ↗]({paper['url']})")
    if isinstance(paper["source_file"], str):
        line = f":{int(paper['source_line'])}" if pd.notna(paper["source_line"]) else ""
        parts.append(f"from `{paper['source_file'].rsplit('/', 1)[-1]}{line}`")
    return " · ".join(parts)


def _abstract(paper: pd.Series, results: pd.DataFrame) -> None:
    abstract = paper["abstract"] if isinstance(paper["abstract"], str) else ""
    st.subheader("Abstract")
    if not abstract:
        st.caption("No abstract in this record.")
    else:
        body, skipped = abstract_html(abstract, results)
        st.html(STYLE + body)
        legend = "Marked numbers link to their row below (green: the paper's own method); underlined: benchmark "
        legend += "(solid) and metric (dotted) mentions."
        if skipped:
            legend += f" {skipped} row(s) have offsets that could not be marked."
        st.caption(legend)
    imported = results["source"].str.contains(":", na=False).all() and len(results)
    st.subheader(f"{'Imported' if imported else 'Extracted'} results ({len(results)})")
    if results.empty:
        st.caption("Nothing was extracted from this paper.")
        return
    st.html(STYLE + results_html(results))
    unsure = int(results["confident"].eq(False).sum()) if "confident" in results else 0
    if unsure:
        st.caption(
            f"{unsure} row(s) marked “?” are below the confidence threshold (hidden by default on the other pages)."
        )
    with st.expander("All columns"):
        show_table(results)
    csv_download(results, safe_file_name("paper", paper["paper_id"]) + ".csv", key="paper_csv")


def _already_saved(path: Path, cur: object) -> bool:
    """True when the file already holds this correction (a double click, a resubmitted form): saving is idempotent."""
    from leaderboard.curation import load_curations

    if not path.is_file():
        return False
    saved, _ = load_curations(path)
    same = dataclasses.replace(cur, note=None, created_at=None)
    return any(dataclasses.replace(c, note=None, created_at=None, line=None) == same for c in saved)


def _row_label(row: pd.Series) -> str:
    """A result as the correction form lists it: value · method · benchmark · metric, "—" where one is missing."""
    value = row["value_text"] if isinstance(row["value_text"], str) and row["value_text"] else row["value"]
    return " · ".join(str(cell_text(v, "—")) for v in (value, row["method"], row["benchmark"], row["metric"]))


def _report(paper_id: str, results: pd.DataFrame) -> None:
    st.subheader("Report a wrong number")
    try:
        from leaderboard.curation import Curation, append_curation, curation_path
    except ImportError:
        not_available("Reporting corrections", "this build has no curation module (leaderboard.curation)")
        return
    try:
        from leaderboard.curation import FIXABLE
    except ImportError:
        FIXABLE = FIXABLE_FALLBACK  # noqa: N806
    path = curation_path(data.database_path())
    st.caption(f"Corrections are appended to `{path}` and applied on the next `leaderboard build`.")
    action = st.radio("What is wrong?", list(ACTIONS), format_func=ACTIONS.get, horizontal=True, key="report_action")
    labels = {row["result_id"]: f"#{n} {_row_label(row)}" for n, (_, row) in enumerate(results.iterrows(), start=1)}
    with st.form("report", clear_on_submit=True):
        if action in ("reject", "fix"):
            if not labels:
                st.caption("This paper has no extracted row to correct; add a missed result instead.")
            rid = st.selectbox("Row", list(labels), format_func=labels.get)
        if action == "fix":
            field = st.selectbox("Field", list(FIXABLE))
            value = st.text_input("Correct value", help="Leave empty to clear the field")
        if action == "add":
            a1, a2, a3 = st.columns(3)
            value = a1.text_input("Value (the number)")
            benchmark = a2.text_input("Benchmark")
            metric = a3.text_input("Metric")
            method = a1.text_input("Method (optional)")
            subset = a2.text_input("Subset (optional)")
            unit = a3.text_input("Unit (optional)")
        note = st.text_input("Note (why)")
        submitted = st.form_submit_button("Save correction", type="primary")
    if not submitted:
        return
    try:
        if action == "reject":
            cur = Curation.reject(rid, note=note or None)
        elif action == "fix":
            cur = Curation.fix(rid, field, value, note=note or None)
        else:
            cur = Curation.add(
                paper_id,
                value,
                benchmark,
                metric,
                method=method or None,
                subset=subset or None,
                unit=unit or None,
                note=note or None,
            )
        if _already_saved(path, cur):
            st.info(
                f"Already saved: {cur.action} {cur.result_id or cur.paper_id} is in `{path.name}` (not added again)."
            )
            return
        append_curation(path, cur)
    except Exception as exc:  # the curation API's validation errors are messages for the user
        st.error(f"Not saved: {exc}")
        return
    st.success(f"Saved: {cur.action} {cur.result_id or cur.paper_id}. It takes effect on the next build.")


if __name__ == "__main__":
    render()
