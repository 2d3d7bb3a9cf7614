"""Every Result the extractor produces on seeds/, tests/data/dev and tests/data/dev2, as sorted JSON lines.

The committed snapshot is tests/data/extract_snapshot.jsonl; tests/test_extract_snapshot.py fails when extraction
output differs from it. After a change that alters extraction output on purpose, regenerate and commit the snapshot
in the same commit (and say in the message what changed and why):

    python scripts/extract_snapshot.py tests/data/extract_snapshot.jsonl

Usage: python scripts/extract_snapshot.py [OUT]   (stdout when OUT is omitted); diff two dumps to compare builds.
The `extractor` field (a hash of the rules' code and vocabulary) is left out: it changes with every edit.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Iterable
from pathlib import Path

from leaderboard.extract import Extractor
from leaderboard.models import Paper

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "data" / "extract_snapshot.jsonl"
SKIP = frozenset({"extractor"})


def seed_papers() -> list[Paper]:
    """The seed listing: stripped non-empty lines, 5 header lines, then title / abstract pairs."""
    out = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        body = lines[5:]
        out += [Paper(f"{path.stem}:s{i}", body[i], body[i + 1]) for i in range(0, len(body) - 1, 2)]
    return out


def jsonl_papers(path: Path, id_key: str) -> list[Paper]:
    rows = (json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip())
    return [Paper(f"{path.parent.name}:{d[id_key]}", d["title"], d["abstract"]) for d in rows]


def papers() -> list[Paper]:
    data = ROOT / "tests" / "data"
    return [
        *seed_papers(),
        *jsonl_papers(data / "dev" / "leaderboard_abstracts_dev.jsonl", "paper_id"),
        *jsonl_papers(data / "dev2" / "abstracts.jsonl", "id"),
    ]


def snapshot_lines(extractor: Extractor, items: Iterable[Paper]) -> list[str]:
    """One sorted JSON line per Result (all fields but `extractor`)."""
    rows = []
    for paper in items:
        for r in extractor.extract(paper):
            d = {k: v for k, v in dataclasses.asdict(r).items() if k not in SKIP}
            rows.append(json.dumps(d, sort_keys=True, default=str, ensure_ascii=False))
    return sorted(rows)


def main() -> None:
    text = "".join(f"{row}\n" for row in snapshot_lines(Extractor.default(), papers()))
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
