"""Split the development gold sets into a tune half and a check half by paper, and score each half.

Tune rules on the tune halves only; report both. A change that helps tune but not check is fitting: drop it.

  python scripts/split_gold.py write OUT_DIR            writes dev_{tune,check}.jsonl and dev2_{tune,check}/
  python scripts/split_gold.py score --scorer SCORER    scores the four halves with SCORER (the reference scorer
                                                        script: `SCORER exhaustive BIN DIR` / `SCORER recall BIN FILE`)
  python scripts/split_gold.py ids                      prints "<set> <half> <paper id>" lines

The split is fixed: papers are ordered by sha256("<seed>:<id>") and the first half is the tune half, so adding a
paper never moves another one between halves. Default seed 13.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT / "tests" / "data" / "dev" / "leaderboard_abstracts_dev.jsonl"
DEV2 = ROOT / "tests" / "data" / "dev2"
DEV2_FILES = ("abstracts.jsonl", "results.jsonl", "non_results.jsonl")
HALVES = ("tune", "check")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def halves(ids: list[str], seed: int) -> dict[str, str]:
    """Paper id -> "tune" | "check": the first half of the ids ordered by their seeded hash is the tune half."""
    order = sorted(set(ids), key=lambda i: hashlib.sha256(f"{seed}:{i}".encode()).hexdigest())
    cut = (len(order) + 1) // 2
    return {pid: ("tune" if k < cut else "check") for k, pid in enumerate(order)}


def write(out: Path, seed: int) -> dict[str, Path]:
    """Write the four halves under `out`; returns {"dev_tune": path, ...} (a file for dev, a folder for dev2)."""
    out.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    dev = _rows(DEV)
    side = halves([r["paper_id"] for r in dev], seed)
    for half in HALVES:
        p = out / f"dev_{half}.jsonl"
        p.write_text("".join(json.dumps(r) + "\n" for r in dev if side[r["paper_id"]] == half), encoding="utf-8")
        paths[f"dev_{half}"] = p
    abstracts = _rows(DEV2 / "abstracts.jsonl")
    side2 = halves([str(a["id"]) for a in abstracts], seed)
    for half in HALVES:
        d = out / f"dev2_{half}"
        d.mkdir(exist_ok=True)
        for name in DEV2_FILES:
            rows = [r for r in _rows(DEV2 / name) if side2.get(str(r["id"])) == half]
            (d / name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        paths[f"dev2_{half}"] = d
    return paths


def score(scorer: str, bin_dir: str, seed: int, which: list[str]) -> dict[str, dict]:
    """Run the scorer on each requested half (scorer "own": `leaderboard evaluate`'s in-process judging rules);
    returns its figures per half."""
    out: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as td:
        paths = write(Path(td), seed)
        if scorer == "own":
            from leaderboard.extract import Extractor
            from leaderboard.extract.gold_eval import run_gold

            ex = Extractor.default()
            for name in which:
                res = run_gold(paths[name], ex.extract)
                out[name] = {k: round(v, 3) for k, v in res.figures.items()} | {"predicted": res.tally.predicted}
            return out
        for name in which:
            mode = "exhaustive" if name.startswith("dev2") else "recall"
            proc = subprocess.run(
                [sys.executable, scorer, mode, bin_dir, str(paths[name])], capture_output=True, text=True, check=False
            )
            if proc.returncode != 0:
                raise SystemExit(f"error: scorer failed on {name}: {proc.stderr.strip()[-400:]}")
            out[name] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


KEYS = {
    "dev2": ("value_precision", "value_recall", "tuple_recall", "tuple_f1"),
    "dev": ("value_recall", "value_dataset_recall", "value_dataset_metric_recall"),
}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=("write", "score", "ids"))
    ap.add_argument("out", nargs="?", help="output folder for `write`")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--scorer", help="reference scorer script, or `own` for the in-process rules (for `score`)")
    ap.add_argument("--bin", default=str(ROOT / ".venv" / "bin"), help="folder holding `leaderboard`")
    ap.add_argument("--only", nargs="*", default=["dev2_tune", "dev2_check", "dev_tune", "dev_check"])
    args = ap.parse_args(argv)
    if args.command == "write":
        if not args.out:
            raise SystemExit("error: write needs OUT_DIR")
        for name, path in write(Path(args.out), args.seed).items():
            print(name, path)
    elif args.command == "ids":
        for r in _rows(DEV):
            print("dev", halves([x["paper_id"] for x in _rows(DEV)], args.seed)[r["paper_id"]], r["paper_id"])
        side2 = halves([str(a["id"]) for a in _rows(DEV2 / "abstracts.jsonl")], args.seed)
        for pid, half in sorted(side2.items()):
            print("dev2", half, pid)
    else:
        if not args.scorer:
            raise SystemExit("error: score needs --scorer PATH")
        for name, res in score(args.scorer, args.bin, args.seed, args.only).items():
            keys = KEYS["dev2" if name.startswith("dev2") else "dev"]
            print(f"{name:11s} " + " ".join(f"{k}={res.get(k)}" for k in keys) + f" predicted={res.get('predicted')}")


if __name__ == "__main__":
    main()
