"""Refit the confidence calibration (src/leaderboard/vocab/calibration.csv) on the tune halves of dev and dev2.

Labels: a dev2 row is right when the judging rules match it to a gold result with its benchmark and metric; a dev
row (recall-only gold) counts only when it matched a gold tuple by value (unmatched dev rows are unknown). Plain
L2-regularised logistic regression with scipy. The `confident` threshold is the lowest probability at which the
dev2 tune rows at or above it have tuple precision >= 0.95 (with a small margin, see --target).

Usage: python scripts/fit_calibration.py [--seed 13] [--target 0.96] [--dry-run]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from leaderboard.extract import Extractor
from leaderboard.extract.calibration import Calibration, features
from leaderboard.extract.gold_eval import run_gold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split_gold import write  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "src" / "leaderboard" / "vocab" / "calibration.csv"


def labelled(ex: Extractor, path: Path) -> list[tuple[dict[str, float], bool]]:
    run = run_gold(path, ex.extract)  # recall-only gold lists only the rows it matched by value
    return [(features(r), ok) for r, ok in run.tally.correct]


def fit(rows: list[tuple[dict[str, float], bool]], l2: float = 1.0) -> tuple[list[str], np.ndarray]:
    names = sorted(rows[0][0])
    x = np.array([[f[n] for n in names] for f, _ in rows])
    y = np.array([1.0 if ok else 0.0 for _, ok in rows])
    xb = np.hstack([np.ones((len(x), 1)), x])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = xb @ w
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-9
        nll = -np.sum(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)) + 0.5 * l2 * np.sum(w[1:] ** 2)
        grad = xb.T @ (p - y) + l2 * np.concatenate([[0.0], w[1:]])
        return nll, grad

    res = minimize(loss, np.zeros(xb.shape[1]), jac=True, method="L-BFGS-B")
    return names, res.x


def threshold(probs: list[float], right: list[bool], target: float) -> float:
    """Lowest p such that the rows with probability >= p have precision >= target (2.0 when none)."""
    order = sorted(zip(probs, right, strict=True), reverse=True)
    best, hits = 2.0, 0
    for k, (p, ok) in enumerate(order, 1):
        hits += ok
        if hits / k >= target and (k == len(order) or order[k][0] < p):
            best = p
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--target", type=float, default=0.96)
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    ex = Extractor.default()
    ex.calibration = Calibration.none()
    with tempfile.TemporaryDirectory() as td:
        paths = write(Path(td), args.seed)
        dev2 = labelled(ex, paths["dev2_tune"])
        dev = labelled(ex, paths["dev_tune"])
    names, w = fit(dev2 + dev)
    cal = Calibration(dict(zip(names, w[1:].tolist(), strict=True)), float(w[0]), 2.0)
    probs = [cal.probability_of(f) for f, _ in dev2]
    t = threshold(probs, [ok for _, ok in dev2], args.target)
    lines = ["# Confidence calibration, written by scripts/fit_calibration.py (logistic regression on tune halves)."]
    lines += ["feature,value", f"(intercept),{w[0]:.6f}", f"(threshold),{t:.4f}"]
    lines += [f"{n},{c:.6f}" for n, c in zip(names, w[1:], strict=True)]
    print("\n".join(lines))
    print(f"rows: dev2 {len(dev2)}, dev {len(dev)}; threshold {t:.4f}", file=sys.stderr)
    if not args.dry_run:
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
