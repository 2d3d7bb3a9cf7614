"""Refit the confidence calibration (src/leaderboard/vocab/calibration.csv) and print its figures per gold set.

One deterministic command (the split, the folds and the optimiser have no randomness), under a minute:

    python scripts/fit_calibration.py [--seed 13] [--target 0.96] [--folds 5] [--dry-run]

Gold sets: dev2 and the looked-at probe sets (tests/data/probes, probes2, probes3, probes4 and probes5; exhaustive:
every row is labelled; a row is right when the judging rules match it to a gold result with its benchmark and
metric, wrong otherwise, extra rows included) and dev (recall-only: only the rows matched by value are labelled).
Model: L2-regularised logistic regression (scipy) over extract/calibration.py's few general features; the penalty
is chosen by grouped k-fold cross-validation (folds by paper; the mean of the per-set out-of-fold log-losses). The
`confident` threshold is the lowest probability at which the out-of-fold rows at or above it reach tuple precision
--target on dev2 and on the pooled probe sets (`--threshold-on dev2` for dev2 alone), capped so that dev2's
confident rows keep --min-cover of its clear results: dev2 alone gave a threshold whose confident rows were 0.81
precise on the never-fitted probe set 5.

1. Honest figures: (a) fit on the tune halves of dev and dev2 plus the probe sets, report the dev2 and dev check
   halves; (b) fit on dev and dev2 only, report the probe sets as text the fit never saw.
   `--unseen` folders (default: tests/data/probes6 when present, the blind set of the latest round) are never
   fitted: they are scored by the fits of (a), (b) and the shipped fit.
2. Shipped fit on everything: out-of-fold figures, reliability table and calibration error per set; written to
   vocab/calibration.csv. Check the lines marked `check:` (dev2 precision >= 0.95 and cover >= 0.50).
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
from leaderboard.extract.calibration import FEATURES, Calibration, feature_values, shared_numbers
from leaderboard.extract.gold_eval import BANDS, calibration_error, run_gold

sys.path.insert(0, str(Path(__file__).resolve().parent))
from split_gold import write  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "leaderboard" / "vocab" / "calibration.csv"
PROBES = tuple(ROOT / "tests" / "data" / name for name in ("probes", "probes2", "probes3", "probes4", "probes5"))
UNSEEN = tuple(p for p in (ROOT / "tests" / "data" / "probes6",) if p.is_dir())
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
    """The judged rows of one gold set with their features (read among all rows of their abstract)."""
    shared: dict[str, frozenset[int]] = {}

    def extract(paper):  # some features compare a row with the other rows of its abstract
        rows = ex.extract(paper)
        shared[paper.paper_id] = shared_numbers(rows)
        return rows

    run = run_gold(path, extract)  # recall-only gold lists only the rows it matched by value
    rows = run.tally.correct
    x = np.array([feature_values(r, shared[r.paper_id]) for r, _ in rows], dtype=float)
    y = np.array([1.0 if ok else 0.0 for _, ok in rows])
    return Labelled(x.reshape(len(rows), len(FEATURES)), y, tuple(r.paper_id for r, _ in rows), run.tally.clear)


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
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))) if len(y) else 0.0


def split(values: np.ndarray, parts: list[Labelled]) -> list[np.ndarray]:
    """`values` of a join of `parts`, cut back into one array per part."""
    ends = np.cumsum([len(p.y) for p in parts])
    return np.split(values, ends[:-1])


def choose_penalty(parts: list[Labelled], k: int, seed: int) -> float:
    """The penalty with the lowest mean over the sets of their out-of-fold log-loss (the larger one on ties)."""
    data = Labelled.join(parts)
    scores = {}
    for l2 in PENALTIES:
        oof = split(out_of_fold(data, l2, k, seed), parts)
        scores[l2] = float(np.mean([log_loss(p, d.y) for p, d in zip(oof, parts, strict=True) if len(d.y)]))
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
    """Confident rows, their tuple precision, the share of clear gold results they cover, log-loss, ECE."""
    sel = p >= t
    n, hits = int(sel.sum()), int(data.y[sel].sum())
    prec = f"{hits / n:.3f}" if n else "-"
    cover = hits / data.clear if data.clear else 0.0
    ece = calibration_error(p.tolist(), (data.y > 0).tolist()) if len(p) else 0.0
    return (
        f"confident {n:3d}/{len(p):3d}, tuple precision {prec}, cover {cover:.3f}, "
        f"log-loss {log_loss(p, data.y):.3f}, ECE {ece:.3f}"
    )


def bands(p: np.ndarray, y: np.ndarray) -> str:
    """The reliability table in one line: per confidence band, rows:precision."""
    cells = []
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        m = (p >= lo) & (p < hi)
        cells.append(f"[{lo:.2f},{min(hi, 1.0):.2f}) {int(m.sum())}:" + (f"{y[m].mean():.2f}" if m.any() else "-"))
    return "  ".join(cells)


def cover_cap(p: np.ndarray, data: Labelled, min_cover: float) -> float:
    """Highest p' at which the rows with probability >= p' still cover `min_cover` of the clear gold results."""
    need = min_cover * data.clear
    hits = 0
    for prob, ok in sorted(zip(p.tolist(), (data.y > 0).tolist(), strict=True), reverse=True):
        hits += ok
        if hits >= need:
            return prob
    return 0.0


def calibrate(
    parts: list[Labelled], strict: tuple[int, ...], k: int, seed: int, target: float, min_cover: float
) -> tuple[np.ndarray, float, float]:
    """Coefficients, threshold and penalty fitted on `parts`. The threshold is the lowest at which the out-of-fold
    rows of every exhaustive part in `strict` (parts[0] is dev2) reach `target` precision, but never so high that
    dev2's confident rows cover less than `min_cover` of its clear gold results."""
    l2 = choose_penalty(parts, k, seed)
    oof = split(out_of_fold(Labelled.join(parts), l2, k, seed), parts)
    t = max(threshold(oof[i].tolist(), (parts[i].y > 0).tolist(), target) for i in strict)
    t = min(t, cover_cap(oof[0], parts[0], min_cover))
    data = Labelled.join(parts)
    return fit(data.x, data.y, l2), t, l2


def csv_text(w: np.ndarray, t: float, l2: float) -> str:
    lines = [
        "# Confidence calibration, written by scripts/fit_calibration.py (logistic regression on dev, dev2 and",
        f"# the probe sets; L2 penalty {l2:g} chosen by grouped cross-validation; threshold from out-of-fold dev2",
        "# and probe sets.",
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
    ap.add_argument(
        "--threshold-on",
        choices=("dev2", "dev2+probes"),
        default="dev2+probes",
        help="the exhaustive sets whose out-of-fold confident rows must reach --target (dev2 alone is looser)",
    )
    ap.add_argument("--min-cover", type=float, default=0.55, help="dev2 share of clear results confident rows keep")
    ap.add_argument("--probes", type=Path, nargs="*", default=PROBES, help="exhaustive gold folders fitted with dev2")
    ap.add_argument("--unseen", type=Path, nargs="*", default=UNSEEN, help="exhaustive gold folders never fitted")
    ap.add_argument("--dry-run", action="store_true", help="print the fit, do not write calibration.csv")
    args = ap.parse_args()
    ex = Extractor.default()
    ex.calibration = Calibration.none()
    with tempfile.TemporaryDirectory() as td:
        paths = write(Path(td), args.seed)
        h = {name: labelled(ex, path) for name, path in paths.items()}
    probes = Labelled.join([labelled(ex, p) for p in args.probes])
    unseen = {p.name: labelled(ex, p) for p in args.unseen}
    k, seed = args.folds, args.seed

    def never_fitted(w: np.ndarray, t: float) -> None:
        for name, data in unseen.items():
            print(f"  {name + ' (never fitted)':25s} {figures(predict(w, data.x), data, t)}")

    strict = (0, 2) if args.threshold_on == "dev2+probes" else (0,)
    parts = [h["dev2_tune"], h["dev_tune"], probes]
    w, t, l2 = calibrate(parts, strict, k, seed, args.target, args.min_cover)
    oof = split(out_of_fold(Labelled.join(parts), l2, k, seed), parts)
    print(f"(a) fit on dev2 tune + dev tune + probes (L2 {l2:g}, threshold {t:.4f}):")
    print(f"  dev2 tune (out of fold)   {figures(oof[0], h['dev2_tune'], t)}")
    print(f"  probes (out of fold)      {figures(oof[2], probes, t)}")
    print(f"  dev2 check                {figures(predict(w, h['dev2_check'].x), h['dev2_check'], t)}")
    print(f"  dev check (matched rows)  {figures(predict(w, h['dev_check'].x), h['dev_check'], t)}")
    never_fitted(w, t)
    dev2 = Labelled.join([h["dev2_tune"], h["dev2_check"]])
    dev = Labelled.join([h["dev_tune"], h["dev_check"]])
    w, t, l2 = calibrate([dev2, dev], (0,), k, seed, args.target, args.min_cover)
    print(f"(b) fit on dev2 + dev only (L2 {l2:g}, threshold {t:.4f}); the probe sets as unseen text:")
    print(f"  probes (never fitted)     {figures(predict(w, probes.x), probes, t)}")
    never_fitted(w, t)
    parts = [dev2, dev, probes]
    w, t, l2 = calibrate(parts, strict, k, seed, args.target, args.min_cover)
    oof = split(out_of_fold(Labelled.join(parts), l2, k, seed), parts)
    print(f"shipped fit on dev2 + dev + probes (L2 {l2:g}, threshold {t:.4f}):")
    for name, p, data in zip(("dev2", "dev (matched rows)", "probes"), oof, parts, strict=True):
        print(f"  {name + ' (out of fold)':25s} {figures(p, data, t)}")
        print(f"    reliability {bands(p, data.y)}")
    never_fitted(w, t)
    inside = predict(w, dev2.x)
    print(f"  {'dev2 (in sample)':25s} {figures(inside, dev2, t)}")
    sel = inside >= t
    prec, cover = dev2.y[sel].mean() if sel.any() else 0.0, dev2.y[sel].sum() / max(dev2.clear, 1)
    print(f"check: dev2 confident precision {prec:.3f} (>= 0.95) and cover {cover:.3f} (>= 0.50) in sample;")
    print("check: the out-of-fold precision of dev2 and probes above, and each set's ECE (lower is better)")
    print("  coefficients: " + ", ".join(f"{n} {c:+.2f}" for n, c in zip(FEATURES, w[1:], strict=True)))
    text = csv_text(w, t, l2)
    if args.dry_run:
        print(text, end="")
    else:
        OUT.write_text(text, encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
