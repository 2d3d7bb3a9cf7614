"""The guide's module-size convention: files under 300 lines in the extractor, under 400 elsewhere in src/.

A module that outgrows its limit is a sign that it holds more than one concept; split it by concept."""

from __future__ import annotations

from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src" / "leaderboard"
EXTRACT = SRC / "extract"


def _limit(path: Path) -> int:
    return 300 if EXTRACT in path.parents else 400


def _too_long() -> list[str]:
    out = []
    for path in sorted(SRC.rglob("*.py")):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines >= _limit(path):
            out.append(f"{path.relative_to(SRC)}: {lines} lines (limit < {_limit(path)})")
    return out


def test_every_module_is_under_its_line_limit() -> None:
    assert _too_long() == []


@pytest.mark.parametrize(("relative", "limit"), [("extract/engine.py", 300), ("rank/api.py", 400), ("cli.py", 400)])
def test_limits_depend_on_the_package(relative: str, limit: int) -> None:
    assert _limit(SRC / relative) == limit
