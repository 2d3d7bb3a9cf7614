"""SQL: read-only DuckDB SQL for anyone (sandboxed), the saved queries of queries/ with their parameters, CSV."""

from __future__ import annotations

import streamlit as st

from leaderboard.app import data
from leaderboard.app.ui import csv_download, show_table
from leaderboard.errors import UserError
from leaderboard.queries import SavedQuery, bind_params, list_saved_queries, used_params
from leaderboard.store.sandbox import DEFAULT_ROW_LIMIT, DEFAULT_TIME_LIMIT

ADHOC = "(your own SQL)"
EXAMPLE = "SELECT benchmark, metric, count(*) AS results\nFROM results\nGROUP BY ALL\nORDER BY results DESC\nLIMIT 20"


@st.cache_data(ttl=30, show_spinner=False)
def _saved() -> dict[str, SavedQuery]:
    try:
        return {q.name: q for q in list_saved_queries()}
    except OSError:
        return {}


def render() -> None:
    st.title("SQL")
    st.caption(
        f"Read-only SQL on the database: one SELECT / WITH / DESCRIBE / SHOW / EXPLAIN statement, no file or "
        f"network access, at most {DEFAULT_ROW_LIMIT:,} rows and {DEFAULT_TIME_LIMIT:g} s. Parameters are written "
        "`$name`."
    )
    saved = _saved()
    names = [ADHOC, *saved]
    wanted = st.query_params.get("query", ADHOC)
    choice = st.selectbox(
        "Saved query",
        names,
        index=names.index(wanted) if wanted in names else 0,
        format_func=lambda n: n if n == ADHOC else f"{saved[n].title or n}  ({n})",
    )
    query = saved.get(choice)
    if query is None:
        st.query_params.pop("query", None)
        sql_default = st.query_params.get("sql", EXAMPLE)
    else:
        st.query_params["query"] = choice
        st.query_params.pop("sql", None)
        sql_default = query.sql
        if query.description:
            st.caption(query.description)
    with st.form(f"sql_form_{choice}"):
        sql = st.text_area("SQL", value=sql_default, height=200, key=f"sql_text_{choice}")
        values = _param_inputs(sql, query)
        st.form_submit_button("Run", type="primary", icon=":material/play_arrow:")
    if query is None:
        st.query_params["sql"] = sql
    _run(sql, values, query)
    _schema()


def _param_inputs(sql: str, query: SavedQuery | None) -> dict[str, str]:
    """A text input per `$name` the SQL uses, defaulting to the URL's p_<name>, else the saved default."""
    names = used_params(sql)
    if not names:
        return {}
    defaults = query.params if query else {}
    cols = st.columns(min(len(names), 4))
    values = {}
    for i, name in enumerate(names):
        initial = st.query_params.get(f"p_{name}", defaults.get(name, ""))
        values[name] = cols[i % len(cols)].text_input(f"${name}", value=initial, key=f"param_{name}")
        st.query_params[f"p_{name}"] = values[name]
    return values


def _run(sql: str, values: dict[str, str], query: SavedQuery | None) -> None:
    if not sql.strip():
        return
    try:
        bound = bind_params(SavedQuery(name=query.name if query else "adhoc", sql=sql), values) if values else {}
        result = data.sandboxed(sql, bound)
    except UserError as exc:
        st.error(str(exc), icon=":material/block:")
        return
    frame = result.frame
    note = f"{len(frame):,} row(s) in {result.seconds * 1000:.0f} ms"
    if result.truncated:
        note += f" — stopped at the {DEFAULT_ROW_LIMIT:,}-row limit; add a LIMIT or aggregate"
    st.caption(note)
    show_table(frame)
    csv_download(frame, f"{query.name if query else 'query'}.csv", key="sql_csv")


def _schema() -> None:
    with st.expander("Tables, views and columns"):
        for name in sorted(data.relations()):
            cols = data.run("columns", relation=name)
            st.markdown(f"**{name}** — " + ", ".join(f"`{c}` {t.lower()}" for c, t in cols.itertuples(index=False)))


if __name__ == "__main__":
    render()
