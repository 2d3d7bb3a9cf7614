"""The extraction workers' fork server, started as early as a command knows it will want workers.

Light on purpose (it imports only multiprocessing): `leaderboard build` boots the fork server before it
imports the pipeline, so the server imports the extraction code and builds the shipped-vocabulary extractor
(`leaderboard.worker_preload`) on the other core while this process does the same for itself. Each worker
then forks from the server with that extractor built: nothing to unpickle or compile at its start.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from multiprocessing import forkserver, get_all_start_methods

# What the fork server imports once, in order: the workers' module, then the prebuilt extractor.
PRELOAD = ["leaderboard.parallel", "leaderboard.worker_preload"]


def has_fork_server() -> bool:
    return "forkserver" in get_all_start_methods()


@contextmanager
def without_callers_main() -> Iterator[None]:
    """Hide the caller's main script from multiprocessing while it starts processes: it would otherwise run
    that script again in the fork server and in every worker (a Streamlit page, a user's unguarded script),
    and the workers need only the extraction code."""
    caller_main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = caller_main


def boot_fork_server() -> None:
    """Start the fork server unless it is running (returns at once: the server imports in the background)."""
    if not has_fork_server():
        return
    forkserver.set_forkserver_preload(PRELOAD)
    with without_callers_main():
        forkserver.ensure_running()
