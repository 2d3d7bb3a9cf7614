"""Real-browser smoke test: `streamlit run` on a free localhost port, headless Chromium through Playwright.

Every page renders without page errors or Streamlit exceptions, a CSV download matches the table, and a
screenshot of each page lands in screenshots/ (gitignored). Skips only where Chromium is absent.
"""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import ROOT, sql

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
SHOTS = ROOT / "screenshots"
PAGES = {
    "benchmark": "Benchmark",
    "rankings": "Rankings",
    "method": "Method",
    "paper": "Paper",
    "sql": "SQL",
    "conflicts": "Conflicts",
    "overview": "Overview",
}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed at /usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path):
    """`streamlit run app.py` on a free port with the options `leaderboard serve` passes; yields the base URL."""
    port = free_port()
    env = {
        **os.environ,
        "LB_DB": str(db),
        "LB_CURATION": str(db.parent / "curation.csv"),
        "PYTHONPATH": str(ROOT / "src"),
    }
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none", "--client.toolbarMode", "minimal"]  # fmt: skip
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=1) as resp:
                if resp.status == 200:
                    break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + proc.stdout.read().decode(errors="replace")[-2000:])
    try:
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def server(synth_db: Path, tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("browser") / "live.duckdb"
    shutil.copy(synth_db, db)
    for base in start_server(db):
        yield base, db


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


IDLE = "() => !document.querySelector('[data-testid=stStatusWidget]')" + (
    " && document.querySelectorAll('[data-testid=stSkeleton]').length === 0"
)


def wait_idle(page, title: str) -> None:
    """Until the page's title heading is shown and Streamlit has stayed idle (not running the script) for 0.8 s."""
    page.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=30_000)
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline:
        page.wait_for_function(IDLE, timeout=30_000)
        page.wait_for_timeout(800)  # the running indicator shows up with a delay; charts and grids paint
        if page.evaluate(IDLE):
            return
    raise AssertionError(f"{title}: the app kept running")


@pytest.fixture(scope="module")
def tab(server, browser):
    """One browser tab on the dashboard, with the page errors it reports."""
    base, _ = server
    page = browser.new_page(viewport={"width": 1400, "height": 1500}, accept_downloads=True)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(base, wait_until="domcontentloaded")
    wait_idle(page, "Overview")
    yield page, errors
    page.close()


def test_every_page_renders(tab) -> None:
    page, errors = tab
    SHOTS.mkdir(exist_ok=True)
    for name, title in PAGES.items():
        page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name=title, exact=True).click()
        wait_idle(page, title)
        assert page.locator('[data-testid="stException"]').count() == 0, name
        assert errors == [], (name, errors)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    assert {p.name for p in SHOTS.glob("*.png")} >= {f"{n}.png" for n in PAGES}


def test_paper_marks_link_to_their_rows(tab) -> None:
    page, errors = tab
    page.locator('[data-testid="stSidebarNav"]').get_by_role("link", name="Paper", exact=True).click()
    wait_idle(page, "Paper")
    marks = page.locator("a.lb-num")
    assert marks.count() == 8  # every synthetic abstract reports 8 numbers
    marks.nth(2).click()
    assert page.url.endswith("#lb-r-3")
    assert page.locator("tr#lb-r-3 td").nth(1).inner_text() == marks.nth(2).inner_text()
    assert errors == []


def test_shared_url_and_csv_download(server, tab) -> None:
    base, db = server
    page, errors = tab
    page.goto(f"{base}/benchmark?benchmark=CIFAR-10&metric=FID", wait_until="domcontentloaded")
    wait_idle(page, "Benchmark")
    assert page.locator('[data-testid="stDataFrame"]').count() == 1
    assert page.locator(".vega-embed").count() == 1
    assert "benchmark=CIFAR-10" in page.url and "metric=FID" in page.url
    with page.expect_download() as info:
        page.get_by_role("button", name="Download CSV").click()
    download = info.value
    assert download.suggested_filename == "leaderboard-CIFAR-10-FID.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8"))))
    expected = sql(db, "select method, min(value) v from results where benchmark='CIFAR-10' and metric='FID' "
                       "group by 1 order by 2, 1")  # fmt: skip
    assert [r["method"] for r in rows] == expected["method"].tolist()
    assert [float(r["value"]) for r in rows] == expected["v"].tolist()
    assert [int(r["rank"]) for r in rows] == list(range(1, len(expected) + 1))
    assert errors == []


# --- Seeds + three Papers with Code files: boxes that follow the page, names shown whole, blanks (issue #17) ---

PWC = ROOT / "tests" / "data" / "pwc"
# Records every text the page draws on a canvas (the grids draw their cells there), so a test sees what a reader sees.
RECORD_DRAWN = """(() => { window.__drawn = []; const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
    window.__drawn.push(String(text)); return fill.call(this, text, ...rest); }; })();"""
MISSING_MARKERS = {"None", "nan", "NaN", "<NA>", "NaT"}


@pytest.fixture(scope="module")
def pwc_server(tmp_path_factory: pytest.TempPathFactory):
    from leaderboard.pipeline import BuildOptions, build
    from tests.helpers import SEEDS

    db = tmp_path_factory.mktemp("browser-pwc") / "pwc.duckdb"
    sources = [SEEDS, *(PWC / f"{n}.json" for n in ("squad", "snli", "nlp-progress"))]
    build(BuildOptions(sources=sources, db=db, progress=False, workers=1))
    for base in start_server(db):
        yield base, db


@pytest.fixture
def pwc_tab(pwc_server, browser):
    base, _ = pwc_server
    page = browser.new_page(viewport={"width": 1400, "height": 1500})
    page.add_init_script(RECORD_DRAWN)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page, base
    assert errors == []
    page.close()


def open_page(page, url: str, title: str) -> None:
    page.goto(url, wait_until="domcontentloaded")
    wait_idle(page, title)


def boxes(page) -> dict[str, str]:
    """Label -> the text each selection box shows."""
    out = {}
    for box in page.locator('[data-testid="stSelectbox"]').all():
        out[box.locator('[data-testid="stWidgetLabel"]').inner_text().strip()] = box.locator("input").input_value()
    return out


def choose(page, label: str, option: str, title: str) -> None:
    """Pick `option` in the box labelled `label` the way a reader does: open it, type, click the option."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has=page.get_by_text(label, exact=True)).first
    box.locator("input").click()
    page.keyboard.type(option)
    page.get_by_role("option", name=option, exact=True).first.click()
    page.wait_for_timeout(300)
    wait_idle(page, title)


def drawn(page) -> set[str]:
    return set(page.evaluate("window.__drawn"))


def has_column(page, header: str) -> bool:
    """Whether the page's grid shows a column headed `header` (waits up to 15 s: the grid repaints after the run)."""
    cells = page.locator('[data-testid="stDataFrame"] [role="columnheader"]')
    try:
        cells.filter(has_text=re.compile(f"^{re.escape(header)}$")).first.wait_for(state="attached", timeout=15_000)
    except Exception:  # noqa: BLE001  (playwright's TimeoutError; playwright is imported only where Chromium runs)
        return False
    return True


def test_benchmark_box_moves_metric_and_setting_with_it(pwc_tab, pwc_server) -> None:
    page, base = pwc_tab
    _, db = pwc_server
    open_page(page, f"{base}/benchmark?benchmark=SQuAD2.0", "Benchmark")
    assert boxes(page) == {
        "Benchmark": "SQuAD2.0",
        "Metric": "Exact Match ↑",
        "Setting": "all / unspecified subset · unit %",
    }
    choose(page, "Benchmark", "WikiText-103", "Benchmark")
    shown = boxes(page)
    metrics = sql(db, "select distinct metric from results where benchmark = 'WikiText-103'")["metric"].tolist()
    metric = shown["Metric"].removesuffix(" ↓").removesuffix(" ↑")
    assert shown["Benchmark"] == "WikiText-103" and metric in metrics
    subsets = sql(
        db, "select distinct subset from results where benchmark = 'WikiText-103' and metric = $m", {"m": metric}
    )
    assert shown["Setting"] in subsets["subset"].tolist()
    assert has_column(page, shown["Metric"])  # the value column's header is the metric the box shows
    assert "benchmark=WikiText-103" in page.url and f"metric={metric}" in page.url
    choose(page, "Metric", "Parameters", "Benchmark")
    assert boxes(page)["Setting"] == "Word Level Models"
    assert has_column(page, "Parameters")
    assert "Perplexity ↓" not in page.locator('[data-testid="stDataFrame"] [role="columnheader"]').all_text_contents()


def test_method_and_paper_boxes_show_what_the_page_shows(pwc_tab) -> None:
    page, base = pwc_tab
    open_page(page, f"{base}/method", "Method")
    choose(page, "Method", "LUKE (single model)", "Method")
    assert boxes(page)["Method"] == page.locator("h2").first.inner_text().strip() == "LUKE (single model)"
    page.get_by_label("Find a method").fill("XLNET")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    wait_idle(page, "Method")
    assert boxes(page)["Method"] == page.locator("h2").first.inner_text().strip()
    open_page(page, f"{base}/paper?paper=1810.04805", "Paper")
    header = page.locator("h2").first.inner_text().strip()
    assert boxes(page)["Paper"] == header and header.startswith("BERT")
    page.get_by_label("Find a paper").fill("XLNET-123")
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    wait_idle(page, "Paper")
    assert boxes(page)["Paper"] == page.locator("h2").first.inner_text().strip()  # the search moved both
    choose(page, "Paper", "XLNET-123++ (single model) (squad.json)", "Paper")
    assert boxes(page)["Paper"] == page.locator("h2").first.inner_text().strip()
    assert page.locator("h2").first.inner_text().strip() == "XLNET-123++ (single model) (squad.json)"


def test_a_plus_in_a_name_is_shown_intact(pwc_tab) -> None:
    page, base = pwc_tab
    open_page(page, f"{base}/benchmark?benchmark=SQuAD1.1&metric=F1", "Benchmark")
    texts = drawn(page)
    assert "XLNET-123++ (single model)" in texts
    assert "XLNET-123   (single model)" not in texts and "XLNET-123  (single model)" not in texts


@pytest.mark.parametrize(
    ("path", "title", "message"),
    [
        ("benchmark?benchmark=NoSuchBench", "Benchmark", "Benchmark “NoSuchBench” does not exist in this database."),
        ("paper?paper=nosuchpaper", "Paper", "Paper “nosuchpaper” does not exist in this database."),
        ("method?method=nosuchmethod", "Method", "Method “nosuchmethod” does not exist in this database."),
    ],
)
def test_a_bad_link_says_its_target_does_not_exist(pwc_tab, path, title, message) -> None:
    page, base = pwc_tab
    open_page(page, f"{base}/{path}", title)
    assert message in page.locator('[data-testid="stAlert"]').first.inner_text()
    assert page.locator('[data-testid="stDataFrame"]').count() == 0 and page.locator("h2").count() == 0
    assert list(boxes(page).values())[-1] == ""  # the box shows nothing rather than another target


def test_no_cell_shows_none_or_nan_and_no_deploy_button(pwc_tab) -> None:
    page, base = pwc_tab
    for path, title in [
        ("benchmark?benchmark=WikiText-103&metric=Perplexity", "Benchmark"),
        ("method?method=bert", "Method"),
        ("paper?paper=1810.04805", "Paper"),
        ("sql?sql=SELECT+*+FROM+results+ORDER+BY+result_id+LIMIT+50", "SQL"),
        ("?q=XLNet", "Overview"),
    ]:
        open_page(page, f"{base}/{path}", title)
        assert page.locator('[data-testid="stDataFrame"]').count() >= 1, path
        assert not drawn(page) & MISSING_MARKERS, (path, drawn(page) & MISSING_MARKERS)
        assert page.get_by_role("button", name="Deploy").count() == 0
