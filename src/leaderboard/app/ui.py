"""Small helpers the pages share: URL-synced widgets, links between pages, CSV downloads, direction arrows."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import quote, unquote, urlencode

import pandas as pd
import streamlit as st

from leaderboard.display import blank_missing

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


def page_link(name: str, label: str, icon: str | None = None, **params: str) -> None:
    """A link to another page of the dashboard, carrying its selection in the URL."""
    query = {k: v for k, v in params.items() if v} or None
    st.page_link(page_file(name), label=label, icon=icon, query_params=query)


def _chosen(key: str, param: str, options: list[str], default: str | None) -> tuple[str | None, str | None]:
    """What a URL-synced box must show, and the URL value that names nothing here (or None).

    The URL wins when it changed since this box last wrote it (a link, a shared URL, the first visit); otherwise
    the box keeps the user's choice while it is still an option; else the default, else the first option.
    """
    wanted = st.query_params.get(param)
    written = st.session_state.get(f"{key}__url")
    current = st.session_state.get(key)
    if wanted is not None and wanted != written:
        return (wanted, None) if wanted in options else (None, wanted)
    if current in options:
        return current, None
    if current is None and wanted is not None and wanted == written and wanted not in options:
        return None, wanted  # still showing "no such ..." until the user picks something
    return (default if default in options else options[0]), None


def url_selectbox(
    label: str,
    options: Sequence[str],
    param: str,
    *,
    format_func: Callable[[str], str] = str,
    default: str | None = None,
    container=st,
    help: str | None = None,
    strict: bool = False,
) -> str | None:
    """A selectbox whose value lives in the URL query parameter `param` and always shows what the page uses.

    The value is set through session state before the widget is drawn, so the browser's box is told about every
    change (new options after another box changed, a link with other parameters). A URL value that is not an
    option is said so: with `strict` (the page's subject: a benchmark, paper, method) the box stays empty and
    None is returned; otherwise the page goes on with the default and a note.
    """
    options = list(options)
    key = f"url_{param}"
    if not options:
        container.selectbox(label, [], key=key, help=help)
        return None
    chosen, unknown = _chosen(key, param, options, default)
    if unknown is not None and not strict:
        chosen = default if default in options else options[0]
        st.caption(f"The link's {label.lower()} “{unknown}” is not available here; showing {format_func(chosen)}.")
    if st.session_state.get(key) != chosen or key not in st.session_state:
        st.session_state[key] = chosen
    value = container.selectbox(
        label, options, key=key, format_func=format_func, help=help, index=0, placeholder=f"Choose a {label.lower()}"
    )
    if value is None and unknown is not None:
        st.session_state[f"{key}__url"] = unknown
        st.error(f"{label} “{unknown}” does not exist in this database. Choose one above.", icon=":material/link_off:")
        return None
    if value is not None:
        st.query_params[param] = str(value)
        st.session_state[f"{key}__url"] = str(value)
    return value


def url_toggle(label: str, param: str, *, default: bool, container=st, help: str | None = None) -> bool:
    """A toggle whose state lives in the URL (`param=1` / `param=0`, absent when it is the default)."""
    key = f"url_{param}"
    wanted = st.query_params.get(param)
    if wanted is not None and wanted != st.session_state.get(f"{key}__url"):
        st.session_state[key] = wanted not in ("0", "false", "no", "off")
    elif key not in st.session_state:
        st.session_state[key] = default
    value = bool(container.toggle(label, key=key, help=help))
    if value == default:
        st.query_params.pop(param, None)
        st.session_state[f"{key}__url"] = None
    else:
        st.query_params[param] = "1" if value else "0"
        st.session_state[f"{key}__url"] = st.query_params[param]
    return value


CONFIDENT_PARAM = "confident"


def confident_toggle(container=st) -> bool:
    """The "Only confident extractions" toggle (on by default, `?confident=0` in the URL when off)."""
    return url_toggle(
        "Only confident extractions",
        CONFIDENT_PARAM,
        default=True,
        container=container,
        help="Hide extracted rows whose calibrated confidence is below the threshold where tuple precision is "
        "at least 0.95 on dev2. Imported and curated rows are always shown.",
    )


def hidden_caption(hidden: int, confident_only: bool, container=st) -> None:
    """Say how many extracted rows the confidence toggle hides (or would hide, when it is off)."""
    if not hidden:
        return
    if confident_only:
        container.caption(f"{hidden:,} extracted rows below the confidence threshold are hidden.")
    else:
        container.caption(f"Showing all rows, including {hidden:,} extracted rows below the confidence threshold.")


def url_multiselect(
    label: str, options: Sequence[str], param: str, *, container=st, help: str | None = None, placeholder: str = ""
) -> list[str]:
    """A multiselect whose values live in the URL as repeated query parameters (?param=a&param=b).

    Like `url_selectbox`: set through session state before the widget is drawn (so the browser shows it), the URL
    winning when it changed since this box wrote it; values that stop being options are dropped.
    """
    options = list(options)
    key = f"url_{param}"
    wanted = list(st.query_params.get_all(param))
    written = st.session_state.get(f"{key}__url")
    if key not in st.session_state or wanted != written:
        chosen = [v for v in wanted if v in options]
    else:
        chosen = [v for v in st.session_state[key] if v in options]
    if st.session_state.get(key) != chosen:
        st.session_state[key] = chosen
    values = container.multiselect(label, options, key=key, help=help, placeholder=placeholder)
    if values:
        st.query_params[param] = values
    elif param in st.query_params:
        del st.query_params[param]
    st.session_state[f"{key}__url"] = list(values)
    return values


def url_text_input(label: str, param: str, *, container=st, placeholder: str = "", help: str | None = None) -> str:
    """A text input whose value lives in the URL query parameter `param` (the URL wins when it changed)."""
    key = f"url_{param}"
    wanted = st.query_params.get(param, "")
    if key not in st.session_state or wanted != st.session_state.get(f"{key}__url"):
        st.session_state[key] = wanted
    value = container.text_input(label, key=key, placeholder=placeholder, help=help)
    if value:
        st.query_params[param] = value
    elif param in st.query_params:
        del st.query_params[param]
    st.session_state[f"{key}__url"] = value
    return value


def arrow(higher_is_better: object) -> str:
    """↑ when higher is better, ↓ when lower is better, '' when unknown."""
    if higher_is_better is None or pd.isna(higher_is_better):
        return ""
    return "↑" if bool(higher_is_better) else "↓"


def internal_url(page: str, label: str | None = None, **params: object) -> str:
    """A relative link to a dashboard page; `label` rides in the fragment so a LinkColumn can display it.

    The label is percent-encoded whole: the grid decodes it as a form value, where a bare "+" would become a space.
    """
    query = urlencode({k: str(v) for k, v in params.items() if v is not None and str(v) != ""})
    url = f"{page}?{query}" if query else page
    return f"{url}#{quote(label, safe='')}" if label else url


LABEL_FROM_FRAGMENT = r"#(.+)$"


def link_columns(df: pd.DataFrame) -> dict[str, object]:
    """Column config for the link columns the query layer's tables carry (paper, method, url, benchmark)."""
    config: dict[str, object] = {}
    # names and titles get the width they need (up to a limit; the grid scrolls sideways), the method pinned left
    if "paper" in df:
        config["paper"] = st.column_config.LinkColumn(
            "paper", display_text=LABEL_FROM_FRAGMENT, width=fit_width(df["paper"], 360)
        )
    if "method_link" in df:
        config["method_link"] = st.column_config.LinkColumn(
            "method", display_text=LABEL_FROM_FRAGMENT, pinned=True, width=fit_width(df["method_link"], 320)
        )
    if "benchmark_link" in df:
        config["benchmark_link"] = st.column_config.LinkColumn(
            "benchmark", display_text=LABEL_FROM_FRAGMENT, width=fit_width(df["benchmark_link"], 260)
        )
    if "url" in df:
        config["url"] = st.column_config.LinkColumn("source", display_text="↗ source", width=80)
    if "evidence" in df:
        config["evidence"] = st.column_config.TextColumn("evidence", width="large")
    if "published" in df:
        config["published"] = st.column_config.DateColumn("published", format="YYYY-MM-DD", width=100)
    return config


def fit_width(links: pd.Series, most: int) -> int:
    """Pixels a link column needs to show its longest label whole (at most `most`; longer ones scroll)."""
    labels = [unquote(str(u).rpartition("#")[2]) for u in links if isinstance(u, str)]
    longest = max((len(t) for t in labels), default=8)
    return max(80, min(most, int(6.6 * longest) + 24))


def source_file(source: object) -> str | None:
    """The file an imported row comes from ("pwc:squad.json" -> "squad.json"); None for extracted rows."""
    if not isinstance(source, str) or ":" not in source:
        return None
    return source.split(":", 1)[1] or None


UNNAMED = "(unnamed)"  # what the tables show for a result without a method name

# results.source "<kind>:<file>" of imported rows -> what the kind is, in words
IMPORT_KINDS = {"pwc": "a curated leaderboard", "csv": "an imported results table"}


def imported_from(source: object) -> str | None:
    """ "a curated leaderboard (squad.json)" for an imported row; None for a row read from an abstract."""
    where = source_file(source)
    if where is None:
        return None
    return f"{IMPORT_KINDS.get(str(source).split(':', 1)[0], 'an import')} ({where})"


def paper_label(title: object, paper_id: object, method: object = None, source: object = None) -> str:
    """How a link names a paper: its title; for an untitled imported entry the model's name and its file."""
    if isinstance(title, str) and title.strip():
        return title.strip()
    where = source_file(source)
    if isinstance(method, str) and method.strip() and method != UNNAMED:
        return f"{method.strip()} ({where})" if where else method.strip()
    return f"untitled entry {paper_id} ({where})" if where else str(paper_id)


def with_links(df: pd.DataFrame) -> pd.DataFrame:
    """Add internal link columns built from paper_id/title, method_key/method and benchmark/metric."""
    out = df.copy()
    n = len(out)
    if {"paper_id", "title"} <= set(out.columns):
        methods = out["method"] if "method" in out.columns else [None] * n
        sources = out["source"] if "source" in out.columns else [None] * n
        out["paper"] = [
            internal_url("paper", paper_label(t, p, m, s), paper=p)
            for p, t, m, s in zip(out["paper_id"], out["title"], methods, sources, strict=True)
        ]
    if {"method_key", "method"} <= set(out.columns):
        papers = out["paper_id"] if "paper_id" in out.columns else [None] * n
        out["method_link"] = [
            internal_url("method", m if isinstance(m, str) and m.strip() else k, method=k)
            if isinstance(k, str)
            else internal_url("paper", UNNAMED, paper=p)  # no name to look up: the paper that reports it
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


def _as_text(config: object) -> object:
    """A number/date column's config turned into a text column's (its values became text to show blanks)."""
    if not isinstance(config, dict) or config.get("type_config", {}).get("type") not in ("number", "date", "datetime"):
        return config
    return st.column_config.TextColumn(config.get("label"), help=config.get("help"), width=config.get("width"))


def show_table(df: pd.DataFrame, *, column_config: dict | None = None, **kwargs: object):
    """st.dataframe with every missing value shown blank (never a grey "None"), full width, without the index."""
    shown = blank_missing(df, text=True)
    changed = {c for c in df.columns if shown[c].dtype != df[c].dtype}
    config = {k: _as_text(v) if k in changed else v for k, v in (column_config or {}).items()}
    for name in kwargs.get("column_order") or shown.columns:  # type: ignore[union-attr]
        if name in shown.columns and not (isinstance(config.get(name), dict) and config[name].get("width")):
            config[name] = _with_width(config.get(name), name, shown[name])
    return st.dataframe(shown, hide_index=True, column_config=config, width="stretch", **kwargs)


def _with_width(config: object, name: str, column: pd.Series) -> object:
    """A column's config with the width its header and (first 200) values need, so neither is cut (max 420 px)."""
    label = config.get("label") if isinstance(config, dict) and config.get("label") else name
    longest = max([len(str(label)) + 2, *(len(str(v)) for v in column.head(200).tolist())])
    width = max(60, min(420, int(6.6 * longest) + 24))
    if isinstance(config, dict):
        return {**config, "width": width}
    return st.column_config.Column(width=width)


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
