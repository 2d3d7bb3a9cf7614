"""Paths and `LB_*` environment variables, read in one place.

    LB_DB         the database file (default leaderboard.duckdb in the working directory)
    LB_CURATION   the curation file (default curation.csv beside the database)
    LB_QUERIES    the folder of saved queries (default the project's queries/, else ./queries)
    LB_ERROR_LOG  where internal errors are logged (default leaderboard-error.log in the temp folder)

Each value is read when asked for (never cached), so a test or the dashboard can change the environment.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from leaderboard.errors import UserError

ENV_DB = "LB_DB"
ENV_CURATION = "LB_CURATION"
ENV_QUERIES = "LB_QUERIES"
ENV_ERROR_LOG = "LB_ERROR_LOG"
DEFAULT_DB = "leaderboard.duckdb"
DEFAULT_CURATION = "curation.csv"


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The database path: the argument, else $LB_DB, else leaderboard.duckdb in the working directory."""
    return Path(path or os.environ.get(ENV_DB) or DEFAULT_DB)


def curation_path(db: str | os.PathLike | None = None, explicit: str | os.PathLike | None = None) -> Path:
    """The curation file: `explicit`, else $LB_CURATION, else curation.csv beside the database."""
    chosen = explicit or os.environ.get(ENV_CURATION)
    return Path(chosen) if chosen else db_path(db).parent / DEFAULT_CURATION


def project_root() -> Path:
    """The folder holding app.py, seeds/ and queries/ (the checkout this package was installed from)."""
    here = Path(__file__).resolve().parents[2]
    return here if (here / "app.py").is_file() else Path.cwd()


def default_sources() -> list[Path]:
    """The sources of a build given none: the project's seeds/ folder."""
    seeds = project_root() / "seeds"
    if not seeds.is_dir():
        raise UserError("no sources given and no seeds/ folder found")
    return [seeds]


def queries_dir() -> Path:
    """Where saved queries live: $LB_QUERIES, else the project's queries/ folder, else ./queries."""
    env = os.environ.get(ENV_QUERIES)
    if env:
        return Path(env)
    project = Path(__file__).resolve().parents[2] / "queries"
    return project if project.is_dir() else Path("queries")


def error_log_path() -> Path:
    """Where internal errors are logged: $LB_ERROR_LOG, else leaderboard-error.log in the temp folder."""
    return Path(os.environ.get(ENV_ERROR_LOG) or Path(tempfile.gettempdir()) / "leaderboard-error.log")
