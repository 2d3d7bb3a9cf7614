"""Importers of already-tabulated results (Papers with Code evaluation tables, results CSV).

Each reader yields Paper records for the papers it names and Result rows with `source` set to the file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from leaderboard.models import Paper, Rejected, Result

READERS: dict[str, Callable[[Path], Iterator[Paper | Result | Rejected]]] = {}
