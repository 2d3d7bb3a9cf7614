"""Write an excerpt of a paper's LaTeX source: its title, its macro definitions and chosen table floats.

    python scripts/latex_excerpt.py SOURCE OUT.tex 1 3 5    # tables 1, 3 and 5 in the reader's numbering

SOURCE is anything the `latex` reader takes (tarball, .tex.gz, main .tex). The excerpt is a small paper the
reader reads the same way (macros expanded, own model name from the title); each float keeps its LaTeX as
written, preceded by a comment naming the file and line it came from. Used to build tests/data/latex/.
"""

from __future__ import annotations

import sys
from pathlib import Path

from leaderboard.sources import latex


def excerpt(source: Path, numbers: list[int]) -> str:
    files, given = latex._files_of(source)
    main = latex._main_file(files, given)
    clean = {n: latex._strip_comments(t) for n, t in files.items()}
    chunks = list(latex._chunks(clean, main)) if main else [(n, 1, t) for n, t in sorted(clean.items())]
    whole = "".join(t for _, _, t in chunks)
    macros = latex.collect_macros(whole)
    out = ["\\documentclass{article}"]
    for name, m in sorted(macros.defs.items()):
        opt = f"[{m.default}]" if m.default is not None else ""
        out.append(
            f"\\newcommand{{\\{name}}}[{m.nargs}]{opt}{{{m.body}}}"
            if m.nargs
            else f"\\newcommand{{\\{name}}}{{{m.body}}}"
        )
    title = latex._title(whole)
    out += [f"\\title{{{title}}}", "\\begin{document}"]
    for number, (offset, table) in enumerate(latex._tables(whole), start=1):
        if number in numbers:
            file, line = latex._where(chunks, offset)
            out += [f"% source: {file}:{line} (table {number})", table]
    out.append("\\end{document}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    Path(sys.argv[2]).write_text(excerpt(Path(sys.argv[1]), [int(n) for n in sys.argv[3:]]), encoding="utf-8")
