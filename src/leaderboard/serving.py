"""`leaderboard serve`: run the Streamlit dashboard in a child process and open it in a browser when one exists."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
import webbrowser
from pathlib import Path

import click

from leaderboard.settings import ENV_DB

READY_TIMEOUT = 60.0  # seconds to wait for the dashboard's health check before giving up on the browser


def browser_reason(explicit: bool | None) -> str | None:
    """Why no browser is opened (None: open one). A terminal without a display gets no browser unless asked:
    a text-mode browser would take over the terminal the server logs to."""
    if explicit is False:
        return "--headless"
    on_desktop = sys.platform in ("darwin", "win32") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    if not explicit and not on_desktop:
        return "no display here"
    try:
        webbrowser.get()
    except webbrowser.Error:
        return "no browser found"
    return None


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = READY_TIMEOUT) -> bool:
    """Poll the dashboard's health check until it answers, the server exits or `timeout` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def run_dashboard(app: Path, db: Path, port: int, headless: bool | None) -> int:
    """Serve `app` on `port` with LB_DB=`db` until the server stops or Ctrl-C; returns the exit status.

    `headless`: True never opens a browser, False opens one even without a display, None opens one when
    there is a display. Either way one line says whether a browser was opened.
    """
    url = f"http://localhost:{port}"
    env = {**os.environ, ENV_DB: str(db)}
    cmd = [sys.executable, "-m", "streamlit", "run", str(app), "--server.port", str(port),
           "--server.headless", "true", "--browser.gatherUsageStats", "false",
           "--client.toolbarMode", "minimal"]  # fmt: skip
    click.echo(f"dashboard on {url}  (database {db}; Ctrl-C to stop)", err=True)
    proc = subprocess.Popen(cmd, env=env)
    try:
        reason = browser_reason(None if headless is None else not headless)
        if wait_ready(url, proc):
            if reason is None and webbrowser.open(url):
                click.echo(f"opened {url} in your browser", err=True)
            else:
                click.echo(f"not opening a browser ({reason or 'it did not start'}); open {url} yourself", err=True)
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        return 0
