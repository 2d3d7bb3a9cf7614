"""Extraction output over seeds/, tests/data/dev and tests/data/dev2 equals the committed snapshot."""

from __future__ import annotations

import difflib
import importlib.util

from leaderboard.extract import Extractor
from tests.helpers import ROOT

_spec = importlib.util.spec_from_file_location("extract_snapshot", ROOT / "scripts" / "extract_snapshot.py")
snap = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(snap)


def test_extraction_equals_committed_snapshot(extractor: Extractor) -> None:
    expected = snap.SNAPSHOT.read_text(encoding="utf-8").splitlines()
    actual = snap.snapshot_lines(extractor, snap.papers())
    if actual != expected:
        diff = list(difflib.unified_diff(expected, actual, "committed snapshot", "extraction now", n=0, lineterm=""))
        shown = "\n".join(line[:300] for line in diff[:40])
        raise AssertionError(
            f"extraction output differs from tests/data/extract_snapshot.jsonl ({len(diff)} diff lines).\n"
            "If the change is intended, regenerate it with `python scripts/extract_snapshot.py "
            "tests/data/extract_snapshot.jsonl` and commit it in the same commit as the change, saying why.\n" + shown
        )


def test_snapshot_covers_every_corpus() -> None:
    ids = {p.paper_id.split(":")[0] for p in snap.papers()}
    assert ids == {"000_8d80533cf89b728c", "dev", "dev2"}
    assert len(snap.papers()) == 72 + 167 + 80


def test_tracing_does_not_change_extraction(extractor: Extractor) -> None:
    from leaderboard.extract.trace import Trace

    for paper in snap.papers():
        trace = Trace()
        assert extractor.extract(paper, trace) == extractor.extract(paper), paper.paper_id
