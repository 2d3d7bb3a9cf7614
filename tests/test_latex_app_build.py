"""LaTeX sources end to end: a build writes results, `tables` and `result_cells`; the Paper page marks the cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from leaderboard.app.latex_table import table_html
from leaderboard.pipeline import BuildOptions, build
from tests.helpers import sql
from tests.test_latex_tables import _tarball


@pytest.fixture(scope="module")
def latex_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("latex")
    _tarball(folder / "2101.00001v3.tar.gz")
    db = folder / "lb.duckdb"
    build(BuildOptions(sources=[folder], db=db, progress=False, workers=1))
    return db


def test_build_writes_results_tables_and_cells(latex_db: Path) -> None:
    res = sql(latex_db, "select method, metric, value from results where source = 'latex' and kind = 'absolute' "
                        "order by row_number() over ()")  # fmt: skip
    assert len(res) == 5 and set(res["method"]) == {"Faster R-CNN", "BoxNet"}
    tables = sql(latex_db, "select table_number, status, reason from tables order by table_number")
    assert tables["status"].tolist() == ["results", "skipped"]
    assert tables["reason"].iloc[1] == "hyperparameters: 'hyper-parameters' in the caption or header"
    cells = sql(latex_db, "select c.header_path, c.cell_latex, c.bold from result_cells c join results r using "
                          "(result_id) where r.value = 41.9")  # fmt: skip
    assert cells.iloc[0].tolist() == ["COCO > AP", r"\best{41.9}$\pm$0.2", True]
    paper = sql(latex_db, "select paper_id, title from papers")
    assert paper.iloc[0].tolist() == ["2101.00001", "BoxNet: Boxes All the Way Down"]


def test_paper_page_renders_the_table_with_the_cell_marked(app, latex_db: Path) -> None:
    at = app(latex_db, "paper", paper="2101.00001")
    bodies = [h.proto.body for h in at.get("html")]
    latex = [b.split("</style>")[1] for b in bodies if 'class="lb-latex"' in b]
    assert len(latex) == 1
    assert latex[0].count('class="lb-result') == 5 and latex[0].count("lb-picked") == 1
    picker = next(s for s in at.selectbox if s.label == "Show the cell of")
    assert picker.options[0] == "Table 1 · Faster R-CNN · COCO · AP = 37.4"


def test_table_html_marks_result_and_picked_cells() -> None:
    grid = [[[0, 1, "Method", False, False], [1, 2, "COCO", False, False]], [[0, 1, "Ours", False, False],
            [1, 1, "41.9", True, False], [2, 1, "62.0", False, True]]]  # fmt: skip
    out = table_html(grid, {(1, 1), (1, 2)}, (1, 2))
    assert '<td colspan="2">COCO</td>' in out
    assert '<td class="lb-result lb-bold">41.9</td>' in out
    assert '<td class="lb-result lb-picked lb-under">62.0</td>' in out
