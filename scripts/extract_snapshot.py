"""Every Result the extractor produces on the seed and dev abstracts, as sorted JSON lines (output-equality check).

Usage: python scripts/extract_snapshot.py [OUT]   (stdout when OUT is omitted); diff two dumps to compare builds.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from leaderboard.extract import Extractor

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import load_papers  # noqa: E402


def main() -> None:
    extractor = Extractor.default()
    rows = []
    for paper in load_papers():
        for r in extractor.extract(paper):
            rows.append(json.dumps(dataclasses.asdict(r), sort_keys=True, default=str))
    text = "".join(f"{row}\n" for row in sorted(rows))
    if len(sys.argv) > 1:
        Path(sys.argv[1]).write_text(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
