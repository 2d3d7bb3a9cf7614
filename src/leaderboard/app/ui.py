"""Small helpers the pages share: URL-synced widgets, links between pages, CSV downloads, direction arrows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import quote, urlencode

import pandas as pd
import streamlit as st

APP_DIR = Path(__file__).resolve().parent

# url path -> (title, icon); the page module is app/page_<url path>.py
PAGES: dict[str, tuple[str, str]] = {
    "overview": ("Overview", ":material/home:"),
    "benchmark": ("Benchmark", ":material/leaderboard:"),
    "rankings": ("Rankings", ":material/social_leaderboard:"),
    "method": ("Method", ":material/model_training:"),
    "paper": ("Paper", ":material/article:"),
    "sql": ("SQL", ":material/database:"),
    "conflicts": ("Conflicts", ":material/compare_arrows:"),
}


def page_file(name: str) -> str:
    """The file of a page, as st.Page and st.page_link want it."""
    return str(APP_DIR / f"page_{name}.py")


def page_link(name: str, label: str, **params: str) -> None:
    """A link to another page of the dashboard, carrying its selection in the URL."""
    st.page_link(page_file(name), label=label, query_params={k: v for k, v in params.items() if v} or None)


def url_selectbox(
    label: str,
    options: Sequence[str],
    param: str,
    *,
    format_func: Callable[[str], str] = str,
    default: str | None = None,
    container=st,
    help: str | None = None,
) -> str | None:
    """A selectbox whose value lives in the URL query parameter `param` (read on open, written on change)."""
    options = list(options)
    key = f"url_{param}"
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]
    wanted = st.query_params.get(param)
    fallback = options.index(default) if default in options else 0
    index = options.index(wanted) if wanted in options else fallback
    if not options:
        container.selectbox(label, [], key=key, help=help)
        return None
    value = container.selectbox(label, options, index=index, key=key, format_func=format_func, help=help)
    if value is not None:
        st.query_params[param] = str(value)
    return value


def url_multiselect(
    label: str, options: Sequence[str], param: str, *, container=st, help: str | None = None, placeholder: str = ""
) -> list[str]:
    """A multiselect whose values live in the URL as repeated query parameters (?param=a&param=b)."""
    options = list(options)
    key = f"url_{param}"
    if key in st.session_state and any(v not in options for v in st.session_state[key]):
        del st.session_state[key]
    default = [v for v in st.query_params.get_all(param) if v in options]
    values = container.multiselect(label, options, default=default, key=key, help=help, placeholder=placeholder)
    if values:
        st.query_params[param] = values
    elif param in st.query_params:
        del st.query_params[param]
    return values


def url_text_input(label: str, param: str, *, container=st, placeholder: str = "", help: str | None = None) -> str:
    """A text input whose value lives in the URL query parameter `param`."""
    key = f"url_{param}"
    value = container.text_input(
        label, value=st.query_params.get(param, ""), key=key, placeholder=placeholder, help=help
    )
    if value:
        st.query_params[param] = value
    elif param in st.query_params:
        del st.query_params[param]
    return value


def arrow(higher_is_better: object) -> str:
    """↑ when higher is better, ↓ when lower is better, '' when unknown."""
    if higher_is_better is None or pd.isna(higher_is_better):
        return ""
    return "↑" if bool(higher_is_better) else "↓"


def internal_url(page: str, label: str | None = None, **params: object) -> str:
    """A relative link to a dashboard page; `label` rides in the fragment so a LinkColumn can display it."""
    query = urlencode({k: str(v) for k, v in params.items() if v is not None and str(v) != ""})
    url = f"{page}?{query}" if query else page
    return f"{url}#{quote(label, safe=' ()[]:,.-+/&@')}" if label else url


LABEL_FROM_FRAGMENT = r"#(.+)$"


def link_columns(df: pd.DataFrame) -> dict[str, object]:
    """Column config for the link columns the query layer's tables carry (paper, method, url, benchmark)."""
    config: dict[str, object] = {}
    if "paper" in df:
        config["paper"] = st.column_config.LinkColumn("paper", display_text=LABEL_FROM_FRAGMENT, width="medium")
    if "method_link" in df:
        config["method_link"] = st.column_config.LinkColumn("method", display_text=LABEL_FROM_FRAGMENT)
    if "benchmark_link" in df:
        config["benchmark_link"] = st.column_config.LinkColumn("benchmark", display_text=LABEL_FROM_FRAGMENT)
    if "url" in df:
        config["url"] = st.column_config.LinkColumn("source", display_text="↗ source", width="small")
    if "evidence" in df:
        config["evidence"] = st.column_config.TextColumn("evidence", width="large")
    if "published" in df:
        config["published"] = st.column_config.DateColumn("published", format="YYYY-MM-DD")
    return config


def with_links(df: pd.DataFrame) -> pd.DataFrame:
    """Add internal link columns built from paper_id/title, method_key/method and benchmark/metric."""
    out = df.copy()
    if {"paper_id", "title"} <= set(out.columns):
        out["paper"] = [
            internal_url("paper", _label(t, p), paper=p) for p, t in zip(out["paper_id"], out["title"], strict=True)
        ]
    if {"method_key", "method"} <= set(out.columns):
        papers = out["paper_id"] if "paper_id" in out.columns else [None] * len(out)
        out["method_link"] = [
            internal_url("method", _label(m, k), method=k)
            if isinstance(k, str)
            else internal_url("paper", "(unnamed)", paper=p)  # no name to look up: the paper that reports it
            if isinstance(p, str)
            else None
            for k, m, p in zip(out["method_key"], out["method"], papers, strict=True)
        ]
    if {"benchmark", "metric"} <= set(out.columns):
        out["benchmark_link"] = [
            internal_url("benchmark", b, benchmark=b, metric=m) if isinstance(b, str) else None
            for b, m in zip(out["benchmark"], out["metric"], strict=True)
        ]
    return out


def _label(text: object, fallback: object) -> str:
    text = text if isinstance(text, str) and text.strip() else str(fallback)
    return text if len(text) <= 90 else text[:87] + "…"


def csv_download(df: pd.DataFrame, file_name: str, label: str = "Download CSV", key: str | None = None) -> None:
    """A download button for `df` as CSV (the table as shown, without the link helper columns)."""
    plain = df.drop(columns=[c for c in ("paper", "method_link", "benchmark_link") if c in df.columns])
    st.download_button(
        label,
        plain.to_csv(index=False).encode("utf-8"),
        file_name=file_name,
        mime="text/csv",
        key=key,
        on_click="ignore",
        icon=":material/download:",
    )


def not_available(what: str, why: str) -> None:
    """The message a page shows instead of failing when the database (or this build) lacks something."""
    st.info(f"**{what}** is not available: {why}", icon=":material/info:")


def safe_file_name(*parts: object) -> str:
    """A file name from free text (benchmark and metric names)."""
    text = "-".join(str(p) for p in parts if p not in (None, ""))
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in text)[:100] or "export"
