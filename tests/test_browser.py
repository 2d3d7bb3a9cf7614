"""Real-browser smoke test: `streamlit run` on a free localhost port, headless Chromium through Playwright.

Every page renders without page errors or Streamlit exceptions, a CSV download matches the table, and a
screenshot of each page lands in screenshots/ (gitignored). Skips only where Chromium is absent.
"""

from __future__ import annotations

import csv
import io
import os
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


@pytest.fixture(scope="module")
def server(synth_db: Path, tmp_path_factory: pytest.TempPathFactory):
    db = tmp_path_factory.mktemp("browser") / "live.duckdb"
    shutil.copy(synth_db, db)
    port = free_port()
    env = {
        **os.environ,
        "LB_DB": str(db),
        "LB_CURATION": str(db.parent / "curation.csv"),
        "PYTHONPATH": str(ROOT / "src"),
    }
    cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"), "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]  # fmt: skip
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
    yield base, db
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


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
