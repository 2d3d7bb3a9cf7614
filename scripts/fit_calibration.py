"""Refit the confidence calibration (src/leaderboard/vocab/calibration.csv) and print its tune/check figures.

One deterministic command (the split, the folds and the optimiser have no randomness):

    python scripts/fit_calibration.py [--seed 13] [--target 0.96] [--folds 5] [--dry-run]

Labels: a dev2 row (exhaustive gold) is right when the judging rules match it to a gold result with its benchmark
and metric, wrong otherwise (extra rows included); a dev row (recall-only gold) is labelled only when it matched a
gold tuple by value. Model: L2-regularised logistic regression (scipy) over extract/calibration.py's features; the
penalty is chosen by grouped k-fold cross-validation (folds by paper) and the `confident` threshold is the lowest
probability at which the dev2 rows at or above it have tuple precision >= --target in out-of-fold predictions.

1. Honest figures: fit on the tune halves of dev and dev2, report the tune half (out of fold) and the check half.
2. Shipped fit: the same procedure on both halves (all of dev and dev2); written to vocab/calibration.csv.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from leaderboard.extract import Extractor
from leaderboard.extract.calibration import FEATURES, Calibration, feature_values
from leaderboard.extract.gold_eval import run_gold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split_gold import write  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "src" / "leaderboard" / "vocab" / "calibration.csv"
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)


@dataclass(frozen=True, slots=True)
class Labelled:
    """The labelled rows of one gold half: features, right/wrong, paper ids, and its count of clear gold results."""

    x: np.ndarray
    y: np.ndarray
    papers: tuple[str, ...]
    clear: int

    @staticmethod
    def join(parts: list[Labelled]) -> Labelled:
        return Labelled(
            np.vstack([p.x for p in parts]),
            np.concatenate([p.y for p in parts]),
            tuple(pid for p in parts for pid in p.papers),
            sum(p.clear for p in parts),
        )


def labelled(ex: Extractor, path: Path) -> Labelled:
    run = run_gold(path, ex.extract)  # recall-only gold lists only the rows it matched by value
    rows = run.tally.correct
    x = np.array([feature_values(r) for r, _ in rows], dtype=float).reshape(len(rows), len(FEATURES))
    y = np.array([1.0 if ok else 0.0 for _, ok in rows])
    return Labelled(x, y, tuple(r.paper_id for r, _ in rows), run.tally.clear)


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Intercept and coefficients of the L2-penalised logistic regression (the intercept is not penalised)."""
    xb = np.hstack([np.ones((len(x), 1)), x])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -40, 40)))
        eps = 1e-9
        nll = -np.sum(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)) + 0.5 * l2 * np.sum(w[1:] ** 2)
        grad = xb.T @ (p - y) + l2 * np.concatenate([[0.0], w[1:]])
        return nll, grad

    return minimize(loss, np.zeros(xb.shape[1]), jac=True, method="L-BFGS-B").x


def predict(w: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(w[0] + x @ w[1:], -40, 40)))


def fold_of(papers: tuple[str, ...], k: int, seed: int) -> np.ndarray:
    """Each row's fold: a hash of its paper id, so that one paper's rows are never split across folds."""
    return np.array([int(hashlib.sha256(f"{seed}:{p}".encode()).hexdigest(), 16) % k for p in papers])


def out_of_fold(data: Labelled, l2: float, k: int, seed: int) -> np.ndarray:
    """Each row's probability from the model fitted on the other folds."""
    folds, oof = fold_of(data.papers, k, seed), np.zeros(len(data.y))
    for i in range(k):
        test = folds == i
        if test.any() and (~test).any():
            oof[test] = predict(fit(data.x[~test], data.y[~test], l2), data.x[test])
    return oof


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def choose_penalty(data: Labelled, k: int, seed: int) -> float:
    """The penalty with the lowest out-of-fold log-loss (the larger one on ties)."""
    scores = {l2: log_loss(out_of_fold(data, l2, k, seed), data.y) for l2 in PENALTIES}
    return min(PENALTIES, key=lambda l2: (round(scores[l2], 4), -l2))


def threshold(probs: list[float], right: list[bool], target: float) -> float:
    """Lowest p such that the rows with probability >= p have precision >= target (2.0 when none)."""
    order = sorted(zip(probs, right, strict=True), reverse=True)
    best, hits = 2.0, 0
    for k, (p, ok) in enumerate(order, 1):
        hits += ok
        if hits / k >= target and (k == len(order) or order[k][0] < p):
            best = p
    return best


def figures(p: np.ndarray, data: Labelled, t: float) -> str:
    """Confident rows, their tuple precision, the share of clear gold results they cover, and log-loss."""
    sel = p >= t
    n, hits = int(sel.sum()), int(data.y[sel].sum())
    prec = f"{hits / n:.3f}" if n else "-"
    cover = hits / data.clear if data.clear else 0.0
    return (
        f"confident {n:3d}/{len(p):3d}, tuple precision {prec}, cover {cover:.3f}, log-loss {log_loss(p, data.y):.3f}"
    )


def calibrate(fit_on: Labelled, dev2: Labelled, k: int, seed: int, target: float) -> tuple[np.ndarray, float, float]:
    """Coefficients, threshold and penalty fitted on `fit_on`; the threshold from out-of-fold dev2 rows."""
    l2 = choose_penalty(fit_on, k, seed)
    oof = out_of_fold(fit_on, l2, k, seed)
    mask = np.array([pid in set(dev2.papers) for pid in fit_on.papers])
    t = threshold(oof[mask].tolist(), (fit_on.y[mask] > 0).tolist(), target)
    return fit(fit_on.x, fit_on.y, l2), t, l2


def csv_text(w: np.ndarray, t: float, l2: float) -> str:
    lines = [
        "# Confidence calibration, written by scripts/fit_calibration.py (logistic regression on dev + dev2,",
        f"# both halves; L2 penalty {l2:g} chosen by grouped cross-validation; threshold from out-of-fold rows).",
        "feature,value",
        f"(intercept),{w[0]:.6f}",
        f"(threshold),{t:.4f}",
    ]
    return "\n".join([*lines, *(f"{n},{c:.6f}" for n, c in zip(FEATURES, w[1:], strict=True))]) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=13, help="the tune/check split's seed (scripts/split_gold.py)")
    ap.add_argument("--target", type=float, default=0.96, help="tuple precision of confident rows (with margin)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--dry-run", action="store_true", help="print the fit, do not write calibration.csv")
    args = ap.parse_args()
    ex = Extractor.default()
    ex.calibration = Calibration.none()
    with tempfile.TemporaryDirectory() as td:
        paths = write(Path(td), args.seed)
        h = {name: labelled(ex, path) for name, path in paths.items()}
    k, seed = args.folds, args.seed
    tune = Labelled.join([h["dev2_tune"], h["dev_tune"]])
    w, t, l2 = calibrate(tune, h["dev2_tune"], k, seed, args.target)
    n_tune = len(h["dev2_tune"].y)
    print(f"fit on tune halves (L2 {l2:g}, threshold {t:.4f}):")
    print(f"  dev2 tune (out of fold)  {figures(out_of_fold(tune, l2, k, seed)[:n_tune], h['dev2_tune'], t)}")
    print(f"  dev2 check               {figures(predict(w, h['dev2_check'].x), h['dev2_check'], t)}")
    print(f"  dev check (matched rows) {figures(predict(w, h['dev_check'].x), h['dev_check'], t)}")
    dev2 = Labelled.join([h["dev2_tune"], h["dev2_check"]])
    both = Labelled.join([dev2, h["dev_tune"], h["dev_check"]])
    w, t, l2 = calibrate(both, dev2, k, seed, args.target)
    oof = out_of_fold(both, l2, k, seed)[: len(dev2.y)]
    print(f"shipped fit on both halves (L2 {l2:g}, threshold {t:.4f}):")
    print(f"  dev2 (out of fold)       {figures(oof, dev2, t)}")
    print(f"  dev2 (in sample)         {figures(predict(w, dev2.x), dev2, t)}")
    text = csv_text(w, t, l2)
    if args.dry_run:
        print(text, end="")
    else:
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT.relative_to(OUT.parents[2])}")


if __name__ == "__main__":
    main()
