"""The package carries everything it reads (a plain `pip install .` works; scripts/check_install.sh does that in
CI), `serve` answers from any folder and says whether it opened a browser, and the README starts as promised."""

from __future__ import annotations

import fnmatch
import os
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from importlib import resources
from pathlib import Path

from leaderboard.serving import browser_reason
from tests.helpers import ROOT, SRC


def test_every_data_file_of_the_package_is_package_data() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["leaderboard"]
    package = SRC / "leaderboard"
    data = [
        (Path(folder) / name).relative_to(package).as_posix()
        for folder, _, names in os.walk(package, followlinks=True)  # seeds/ is a link to the repository's seeds/
        for name in names
        if not name.endswith((".py", ".pyc")) and "__pycache__" not in folder
    ]
    assert {"app/sql/sota_over_time.sql", "saved_queries/sota.sql", "store/schema.sql", "vocab/benchmarks.csv"} <= set(
        data
    )
    assert any(d.startswith("seeds/") and d.endswith(".txt") for d in data)
    assert [d for d in data if not any(fnmatch.fnmatch(d, p) for p in patterns)] == []


def test_shipped_resources_are_found_with_importlib() -> None:
    root = resources.files("leaderboard")
    assert sorted(p.name for p in (root / "seeds").iterdir() if p.name.endswith(".txt")) == [
        p.name for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    assert (root / "saved_queries" / "sota.sql").is_file()
    assert (root / "app" / "streamlit_app.py").is_file()


def test_readme_starts_with_name_description_and_two_commands() -> None:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# leaderboard"
    assert lines[2].startswith("Turns the results research papers report into")
    start = lines.index("```sh")
    block = lines[start + 1 : lines.index("```", start)]
    assert len(block) == 2
    assert block[0].startswith("pip install . && leaderboard serve ")
    test_command = block[1].split("#")[0].strip()
    assert test_command == "pip install -e '.[test]' && pytest"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert test_command in ci and "scripts/check_install.sh" in ci


def test_browser_only_where_there_is_a_display(monkeypatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert browser_reason(False) == "--headless"
    assert browser_reason(None) == "no display here"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_from_an_unrelated_folder(seed_db: Path, tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("LB_DB", "DISPLAY", "WAYLAND_DISPLAY")}
    env["PYTHONPATH"] = str(SRC)
    proc = subprocess.Popen(
        [sys.executable, "-m", "leaderboard", "serve", "--db", str(seed_db), "--port", str(port)],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline, ok = time.monotonic() + 120, False
        while time.monotonic() < deadline and proc.poll() is None and not ok:
            try:
                with urllib.request.urlopen(f"http://localhost:{port}/_stcore/health", timeout=2) as response:
                    ok = response.status == 200 and response.read() == b"ok"
            except OSError:
                time.sleep(0.5)
        assert ok, "the dashboard's health check did not answer"
        time.sleep(1.0)  # serve prints whether it opened a browser once the health check answers
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            _, err = proc.communicate()
    assert f"dashboard on http://localhost:{port}" in err
    assert f"not opening a browser (no display here); open http://localhost:{port} yourself" in err
    assert proc.returncode == 0
