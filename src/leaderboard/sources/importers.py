"""Importers of already-tabulated results (Papers with Code evaluation tables, results CSV).

Each reader takes a path and the build's vocabulary and yields Paper records for the papers it names,
Result rows with `source` set to "<kind>:<file name>", a ResultExtra per result (table `result_extras`) and
Rejected cells or rows (stage "import"). Names go through leaderboard.normalise, as extracted ones do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from leaderboard.extract.vocab import Vocabulary
from leaderboard.models import Paper, Rejected, Result, ResultExtra
from leaderboard.sources.pwc import read_pwc
from leaderboard.sources.results_csv import read_results_csv

Importer = Callable[..., Iterator[Paper | Result | ResultExtra | Rejected]]

READERS: dict[str, Importer] = {
    "pwc": read_pwc,
    "results-csv": read_results_csv,
}


def import_file(
    path: Path, fmt: str, vocab: Vocabulary | None = None
) -> Iterator[Paper | Result | ResultExtra | Rejected]:
    """Run one importer by format name (for tests and scripts)."""
    return READERS[fmt](path, vocab=vocab)
