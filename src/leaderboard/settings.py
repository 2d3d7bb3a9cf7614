"""Paths and `LB_*` environment variables, read in one place.

    LB_DB         the database file (default leaderboard.duckdb in the working directory)
    LB_CURATION   the curation file (default curation.csv beside the database)
    LB_QUERIES    a folder of saved queries that adds to the shipped ones and ./queries
    LB_ERROR_LOG  where internal errors are logged (default leaderboard-error.log in the temp folder)
    LB_CONFIRM_SECONDS  the dashboard asks for a click before a computation estimated to take longer (default 5)

Each value is read when asked for (never cached), so a test or the dashboard can change the environment.
"""

from __future__ import annotations

import os
import tempfile
from importlib import resources
from pathlib import Path

from leaderboard.errors import UserError

ENV_DB = "LB_DB"
ENV_CURATION = "LB_CURATION"
ENV_QUERIES = "LB_QUERIES"
ENV_ERROR_LOG = "LB_ERROR_LOG"
ENV_CONFIRM_SECONDS = "LB_CONFIRM_SECONDS"
DEFAULT_CONFIRM_SECONDS = 5.0
DEFAULT_DB = "leaderboard.duckdb"
DEFAULT_CURATION = "curation.csv"


def db_path(path: str | os.PathLike | None = None) -> Path:
    """The database path: the argument, else $LB_DB, else leaderboard.duckdb in the working directory."""
    return Path(path or os.environ.get(ENV_DB) or DEFAULT_DB)


def curation_path(db: str | os.PathLike | None = None, explicit: str | os.PathLike | None = None) -> Path:
    """The curation file: `explicit`, else $LB_CURATION, else curation.csv beside the database."""
    chosen = explicit or os.environ.get(ENV_CURATION)
    return Path(chosen) if chosen else db_path(db).parent / DEFAULT_CURATION


def shipped(name: str) -> Path:
    """A file or folder shipped in the package (seeds/, saved_queries/, the dashboard's entry point), found with
    importlib.resources, so a plain `pip install .` finds it as a checkout does."""
    return Path(str(resources.files("leaderboard") / name))


def default_sources() -> list[Path]:
    """The sources of a build given none: ./seeds when the working directory has one, else the shipped seeds."""
    local = Path("seeds")
    if local.is_dir():
        return [local]
    seeds = shipped("seeds")
    if not seeds.is_dir():
        raise UserError("no sources given, no seeds/ folder here and none shipped with the package")
    return [seeds]


def query_folders() -> list[Path]:
    """Where saved queries come from, later folders replacing earlier ones' queries of the same name: the
    shipped ones, ./queries, then $LB_QUERIES (the folders that exist)."""
    folders = [shipped("saved_queries"), Path("queries")]
    if os.environ.get(ENV_QUERIES):
        folders.append(Path(os.environ[ENV_QUERIES]))
    return [f for f in folders if f.is_dir()]


def error_log_path() -> Path:
    """Where internal errors are logged: $LB_ERROR_LOG, else leaderboard-error.log in the temp folder."""
    return Path(os.environ.get(ENV_ERROR_LOG) or Path(tempfile.gettempdir()) / "leaderboard-error.log")


def confirm_seconds() -> float:
    """$LB_CONFIRM_SECONDS as a number of seconds (0 or more), else DEFAULT_CONFIRM_SECONDS."""
    try:
        value = float(os.environ.get(ENV_CONFIRM_SECONDS, ""))
    except ValueError:
        return DEFAULT_CONFIRM_SECONDS
    return value if value >= 0 else DEFAULT_CONFIRM_SECONDS
