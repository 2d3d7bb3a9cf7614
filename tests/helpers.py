"""Test helpers: synthetic papers and a CLI runner that uses this checkout's package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

ABSTRACT = (
    "We present a simple method for image classification. Our model reaches {acc}% top-1 accuracy on ImageNet "
    "and an FID of {fid} on CIFAR-10, which improves on prior work. Code is available."
)


def good_record(i: int) -> dict:
    """A valid paper whose abstract the extractor finds results in."""
    return {
        "id": f"p{i:05d}",
        "title": f"Net{i}: A Paper Number {i}",
        "abstract": ABSTRACT.format(acc=f"{70 + i % 30}.{i % 10}", fid=f"{2 + i % 7}.{i % 10}5"),
    }


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 300):
    """Run `python -m leaderboard ARGS` in a subprocess; returns the CompletedProcess."""
    base = {k: v for k, v in os.environ.items() if k not in ("LB_DB", "LB_CURATION")}
    full_env = {**base, "PYTHONPATH": str(SRC), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "leaderboard", *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
