"""Speed and memory of `leaderboard build` over a folder of synthetic arXiv source tarballs.

    python benchmarks/bench_latex.py [N=1000] [--keep DIR]

Writes N tarballs named like arXiv ids (2401.00001.tar.gz, ...), each a small paper: a main file with macros,
title and abstract, \\input of a tables file with three result tables (12 methods x 8 columns, multi-level
headers, \\multicolumn, \\cite, bold marks) and one hyper-parameter table. Then runs the build in a child
process and prints papers/s and the peak resident memory of the build (parent and workers, from getrusage).
Target (issue 18): >= 20 papers/s on 2 cores, < 1 GB.
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

MAIN = r"""\documentclass{article}
\newcommand{\ours}{Net%(i)d}
\newcommand{\best}[1]{\textbf{#1}}
\title{Net%(i)d: A Synthetic Paper Number %(i)d}
\begin{document}
\begin{abstract}
Net%(i)d reaches %(acc).1f\%% top-1 accuracy on ImageNet and %(ap).1f AP on COCO, outperforming ResNet-50.
\end{abstract}
\section{Experiments}
\input{tables}
\end{document}
"""


HEADER = r"""\begin{tabular}{l|cccc|cccc}\toprule
Method & \multicolumn{4}{c|}{ImageNet} & \multicolumn{4}{c}{COCO} \\ \cmidrule(lr){2-5}\cmidrule(lr){6-9}
 & Top-1 & Top-5 & Params & FLOPs & AP & AP50 & AP75 & APs \\ \midrule
"""
HYPER = r"""\begin{table}\caption{Training hyper-parameters.}
\begin{tabular}{ll} lr & 0.1 \\ epochs & 300 \\ \end{tabular}\end{table}
"""


def table(rng: random.Random, n: int) -> str:
    head = rf"\begin{{table*}}[t]\centering\caption{{Results on ImageNet and COCO (table {n}).}}\label{{tab:{n}}}"
    rows = []
    for m in range(12):
        name = r"\ours{} (ours)" if m == 11 else rf"Model-{rng.randint(1, 400)}~\cite{{ref{m}}}"
        vals = [f"{rng.uniform(60, 90):.1f}" for _ in range(8)]
        if m == 11:
            vals[0] = rf"\best{{{vals[0]}}}"
        rows.append(name + " & " + " & ".join(vals) + r" \\")
    return head + "\n" + HEADER + "\n".join(rows) + "\n" + r"\bottomrule\end{tabular}\end{table*}" + "\n"


def paper(i: int) -> bytes:
    rng = random.Random(i)
    tables = "".join(table(rng, n) for n in range(3))
    tables += HYPER
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, text in (("main.tex", MAIN % {"i": i, "acc": rng.uniform(70, 90), "ap": rng.uniform(30, 60)}),
                           ("tables.tex", tables), ("refs.bib", "@article{ref0, title={x}}\n" * 40)):  # fmt: skip
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def main(n: int, keep: str | None) -> None:
    folder = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="lb-latex-"))
    src = folder / "src"
    src.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (src / f"2401.{i + 1:05d}.tar.gz").write_bytes(paper(i))
    db = folder / "bench.duckdb"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "leaderboard", "build", str(src), "--db", str(db), "--quiet"],
                   check=True)  # fmt: skip
    seconds = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = usage.ru_utime + usage.ru_stime
    print(f"{n} papers in {seconds:.1f}s: {n / seconds:.1f} papers/s; peak RSS of a build process "
          f"{usage.ru_maxrss / 1024:.0f} MB; CPU {cpu:.1f}s ({n / cpu:.1f} papers per CPU-second: the rate on 2 "
          f"otherwise idle cores is at most twice that)")  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=1000, help="tarballs to write and build (default 1000)")
    parser.add_argument("--keep", metavar="DIR", help="write the tarballs and the database here and keep them")
    args = parser.parse_args()
    main(args.n, args.keep)
