"""LaTeX tables: parsing (cells, spans, marks, macros), layout (header paths, groups) and reading sources."""

from __future__ import annotations

import gzip
import io
import tarfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaderboard.models import Paper, Rejected, Result
from leaderboard.sources.detect import detect_format
from leaderboard.sources.latex import paper_id_for, read_latex
from leaderboard.tables.layout import lay_out, read_value
from leaderboard.tables.macros import collect_macros
from leaderboard.tables.parse import TableError, parse_table
from leaderboard.tables.records import LatexTable, ResultCell

TABLE = r"""\begin{table*}[t]\centering\caption{Detection on MS COCO val2017 (AP $\uparrow$).}\label{tab:det}
\resizebox{\linewidth}{!}{\begin{tabular}{ll|cc|c}\toprule
\multirow{2}{*}{Backbone} & \multirow{2}{*}{Detector} & \multicolumn{2}{c|}{COCO} & \#Params \\ \cmidrule(lr){3-4}
 & & AP & AP50 & \\ \midrule
\multirow{2}{*}{R-50} & Faster R-CNN~\cite{ren} & 37.4 & 58.1 & 41M \\
 & \detname{} (ours) & \best{41.9}$\pm$0.2 & \underline{62.0} (+3.9) & 40M \\ \midrule
\multicolumn{5}{c}{\textit{Larger backbones}} \\
R-101 & Faster R-CNN~\citep{ren} & -- & 60.1 & 60M \\ \bottomrule
\end{tabular}}\end{table*}"""
PREAMBLE = r"\newcommand{\detname}{BoxNet}\newcommand{\best}[1]{\textbf{#1}}"


def test_parse_reads_cells_spans_and_marks() -> None:
    (t,) = parse_table(TABLE, collect_macros(PREAMBLE))
    assert (t.env, t.label, t.ncols, len(t.rows)) == ("table*", "tab:det", 5, 6)
    assert t.caption == "Detection on MS COCO val2017 (AP ↑)."
    head = t.rows[0].cells
    assert [(c.col, c.span, c.rowspan, c.text) for c in head] == [
        (0, 1, 2, "Backbone"), (1, 1, 2, "Detector"), (2, 2, 1, "COCO"), (4, 1, 1, "#Params")
    ]  # fmt: skip
    ours = t.rows[3].cells
    assert (ours[1].text, ours[1].macro_names) == ("BoxNet (ours)", ("detname",))
    assert (ours[2].text, ours[2].bold, ours[2].underline) == ("41.9±0.2", True, False)
    assert (ours[3].text, ours[3].bold, ours[3].underline) == ("62.0 (+3.9)", False, True)
    assert t.rows[2].cells[1].cite and t.rows[5].cells[1].cite
    assert t.rows[1].rules_above == ("part",) and t.rows[4].rules_above == ("mid",)


def test_layout_header_paths_label_columns_and_groups() -> None:
    (t,) = parse_table(TABLE, collect_macros(PREAMBLE))
    lay = lay_out(t)
    assert lay.header_rows == 2 and lay.label_cols == (0, 1) and lay.method_col == 1
    assert lay.paths == {2: ("COCO", "AP"), 3: ("COCO", "AP50"), 4: ("#Params",)}
    assert [(r.index, r.method.text, r.settings) for r in lay.rows] == [
        (2, "Faster R-CNN", ("R-50",)),
        (3, "BoxNet (ours)", ("R-50",)),
        (5, "Faster R-CNN", ("Larger backbones", "R-101")),
    ]  # fmt: skip
    assert lay.rows[2].values[0][1] == "missing"


@pytest.mark.parametrize(
    ("text", "value", "spread", "delta", "unit"),
    [("76.1 (+1.2)", 76.1, None, 1.2, None), ("80.2±0.1", 80.2, 0.1, None, None), ("45.3%", 45.3, None, None, "%"),
     ("12.0 ↓0.4", 12.0, None, -0.4, None), ("1,234", 1234.0, None, None, None), ("3.1 (−0.5)", 3.1, None, -0.5, None),
     ("71.3^+0.8", 71.3, None, 0.8, None), ("64.2_±0.3", 64.2, 0.3, None, None),
     ("0.52^{−1.5%}", 0.52, None, -1.5, None), ("∼31", 31.0, None, None, None), ("≈ 0.7%", 0.7, None, None, "%")],
)  # fmt: skip
def test_read_value(text: str, value: float, spread: float | None, delta: float | None, unit: str | None) -> None:
    r = read_value(text)
    assert (r.value, r.spread, r.delta, r.unit) == (value, spread, delta, unit)


@pytest.mark.parametrize("text", ["-", "--", "N/A", "n/a", "—"])
def test_missing_marks(text: str) -> None:
    assert read_value(text) == "missing"


def test_words_are_not_values() -> None:
    assert read_value("Top-1") is None and read_value("ResNet 50") is None


def test_a_float_without_tabular_is_rejected_with_the_reason() -> None:
    with pytest.raises(TableError, match="no tabular body"):
        parse_table(r"\begin{table}\caption{x}\includegraphics{a.png}\end{table}")


_TOKENS = [*"ab1.2 &\\{}[]%$^_~#", "\\\\", "\\multicolumn{2}{c}{", "\\multirow{3}{*}{", "\\midrule", "\\textbf{"]
_LATEXY = st.lists(st.sampled_from(_TOKENS), max_size=60).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_LATEXY)
def test_parser_never_crashes(body: str) -> None:
    latex = "\\begin{table}\\begin{tabular}{cc}" + body + "\\end{tabular}\\end{table}"
    try:
        tables = parse_table(latex)
    except TableError as exc:
        assert str(exc)
        return
    for t in tables:
        lay_out(t)  # never raises on what the parser accepts
        assert t.ncols >= 1 and all(c.span >= 1 for r in t.rows for c in r.cells)


@settings(max_examples=200, deadline=None)
@given(
    value=st.decimals(min_value=0, max_value=999, places=2),
    change=st.decimals(min_value=-99, max_value=99, places=1),
    script=st.sampled_from(["^", "_", "^{", "_{"]),
    prefix=st.sampled_from(["", "∼", "≈ "]),
)
def test_scripted_and_approximate_values_read_their_number(value, change, script, prefix: str) -> None:
    sign = "+" if change >= 0 else "-"
    close = "}" if script.endswith("{") else ""
    r = read_value(f"{prefix}{value}{script}{sign}{abs(change)}{close}")
    assert (r.value, r.delta) == (float(value), float(change))
    spread = read_value(f"{prefix}{value}{script}±{abs(change)}{close}")
    assert (spread.value, spread.spread, spread.delta) == (float(value), abs(float(change)), None)


@settings(max_examples=100, deadline=None)
@given(cut=st.integers(min_value=0, max_value=len(TABLE)))
def test_truncated_tables_read_or_are_rejected(cut: int) -> None:
    try:
        parse_table(TABLE[:cut], collect_macros(PREAMBLE))
    except TableError as exc:
        assert "tabular" in str(exc) or "parse" in str(exc) or "rows" in str(exc)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("2010.11929.tar.gz", "2010.11929"), ("2010.11929v2/main.tex", "2010.11929"), ("1706.03762v5.gz", "1706.03762"),
     ("paper/main.tex", None), ("arXiv-2305.12345v1.tar.gz", "2305.12345")],
)  # fmt: skip
def test_paper_id_from_arxiv_names(name: str, expected: str | None) -> None:
    assert paper_id_for(Path("/data") / name) == expected


DOC = (
    r"""\documentclass{article}
%\newcommand{\detname}{Commented}
"""
    + PREAMBLE
    + r"""
\title{BoxNet: Boxes All the Way Down}
\begin{document}\begin{abstract}BoxNet reaches 41.9 AP on COCO.\end{abstract}
\input{tables/det}
\begin{table}\caption{Training hyper-parameters.}\begin{tabular}{ll} lr & 0.1 \\ epochs & 12 \end{tabular}\end{table}
\end{document}
"""
)


def _tarball(path: Path) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for name, text in (("ms.tex", DOC), ("tables/det.tex", TABLE), ("refs.bib", "@article{ren}")):
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def _kinds(items: list) -> dict[str, int]:
    out: dict[str, int] = {}
    for it in items:
        out[type(it).__name__] = out.get(type(it).__name__, 0) + 1
    return out


def test_tarball_is_streamed_with_inputs_followed(tmp_path: Path) -> None:
    path = _tarball(tmp_path / "2101.00001v3.tar.gz")
    assert detect_format(path) == "latex"
    items = list(read_latex(path))
    assert _kinds(items) == {"Paper": 1, "Result": 6, "ResultCell": 6, "LatexTable": 2}
    paper = items[0]
    assert isinstance(paper, Paper) and (paper.paper_id, paper.title) == (
        "2101.00001",
        "BoxNet: Boxes All the Way Down",
    )
    results = [r for r in items if isinstance(r, Result)]
    ours = [r for r in results if r.is_own_method]
    assert {(r.method, r.benchmark, r.metric, r.value, r.kind) for r in ours} == {
        ("BoxNet", "COCO", "AP", 41.9, "absolute"), ("BoxNet", "COCO", "AP50", 62.0, "absolute"),
        ("BoxNet", "COCO", "AP50", 3.9, "delta"),
    }  # fmt: skip
    assert all(r.source == "latex" and r.paper_id == "2101.00001" for r in results)
    assert {r.is_own_method for r in results if r.method == "Faster R-CNN"} == {False}
    tables = [t for t in items if isinstance(t, LatexTable)]
    assert [(t.file, t.table_number, t.status) for t in tables] == [
        ("tables/det.tex", 1, "results"),
        ("ms.tex", 2, "skipped"),
    ]
    cell = next(c for c in items if isinstance(c, ResultCell) and c.cell_latex.startswith("\\best"))
    assert (cell.row_index, cell.column_index, cell.header_path, cell.bold) == (3, 2, "COCO > AP", True)


def test_gzipped_single_tex_and_folder_read_the_same(tmp_path: Path) -> None:
    single = DOC.replace(r"\input{tables/det}", TABLE)
    gz = tmp_path / "2101.00002"
    gz.write_bytes(gzip.compress(single.encode()))
    assert detect_format(gz) == "latex"
    folder = tmp_path / "2101.00002v1"
    (folder / "tables").mkdir(parents=True)
    (folder / "main.tex").write_text(DOC)
    (folder / "tables" / "det.tex").write_text(TABLE)
    from_gz = sorted((r.method, r.metric, r.value) for r in read_latex(gz) if isinstance(r, Result))
    from_main = sorted((r.method, r.metric, r.value) for r in read_latex(folder / "main.tex") if isinstance(r, Result))
    assert from_gz == from_main and len(from_gz) == 6
    assert list(read_latex(folder / "tables" / "det.tex")) == []  # read through main.tex's \input


def test_corrupt_tarball_is_one_rejected_line(tmp_path: Path) -> None:
    bad = tmp_path / "2101.00003.tar.gz"
    bad.write_bytes(gzip.compress(b"not a tar archive at all" * 40))
    items = list(read_latex(bad))
    assert len(items) == 1 and isinstance(items[0], Rejected) and "cannot read LaTeX source" in items[0].reason


def test_a_source_without_a_title_is_still_a_paper(tmp_path: Path) -> None:
    path = tmp_path / "2207.01234.tex"
    path.write_text(
        r"\documentclass{article}\begin{document}\begin{table}\caption{Tagging accuracy.}\begin{tabular}{lc}"
        r"Tagger & Acc \\ \midrule CRF~\cite{c} & 96.1 \\ BiLSTM & 97.3 \\ \end{tabular}\end{table}\end{document}",
        encoding="utf-8",
    )
    items = list(read_latex(path))
    papers = [i for i in items if isinstance(i, Paper)]
    assert [(p.paper_id, p.title) for p in papers] == [("2207.01234", "2207.01234.tex")]
    assert {r.paper_id for r in items if isinstance(r, Result)} == {"2207.01234"}
