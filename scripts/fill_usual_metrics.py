"""Give every benchmark in vocab/benchmarks.csv without a usual metric the usual metric of its task, when the
other benchmarks of that task agree (at least 2 of them and 60% on one metric). Rewrites the file in place and
marks each filled row's source with "metric:task-majority". A row whose source holds "metric:none" (training
data, or a benchmark whose score is not its task's usual metric) is left empty. Re-run after adding benchmarks.

Usage: python scripts/fill_usual_metrics.py [--dry-run]
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter, defaultdict
from pathlib import Path

PATH = Path(__file__).resolve().parent.parent / "src" / "leaderboard" / "vocab" / "benchmarks.csv"
MARK = "metric:task-majority"


def fill(lines: list[str]) -> tuple[list[str], int]:
    """The file's lines with empty metrics filled from the task majority; and how many were filled."""
    body = [ln for ln in lines if ln.strip() and not ln.startswith("#")]
    rows = list(csv.DictReader(body))
    by_task: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        if r["metric"] and r["task"] and MARK not in r["source"]:
            by_task[r["task"]][r["metric"]] += 1
    usual = {}
    for task, counts in by_task.items():
        metric, n = counts.most_common(1)[0]
        if n >= 2 and n / sum(counts.values()) >= 0.6:
            usual[task] = metric
    out, filled = [], 0
    header = next(csv.reader([body[0]]))
    for ln in lines:
        if not ln.strip() or ln.startswith("#") or ln == body[0]:
            out.append(ln)
            continue
        r = next(csv.DictReader([body[0], ln]))
        if not r["metric"] and r["task"] in usual and "metric:none" not in r["source"]:
            r["metric"], r["source"] = usual[r["task"]], f"{r['source']};{MARK}" if r["source"] else MARK
            buf = io.StringIO()
            csv.DictWriter(buf, header, lineterminator="").writerow(r)
            ln, filled = buf.getvalue(), filled + 1
        out.append(ln)
    return out, filled


def main() -> None:
    lines = PATH.read_text(encoding="utf-8").split("\n")
    out, filled = fill(lines)
    print(f"{filled} benchmarks given their task's usual metric", file=sys.stderr)
    if "--dry-run" not in sys.argv:
        PATH.write_text("\n".join(out), encoding="utf-8")


if __name__ == "__main__":
    main()
