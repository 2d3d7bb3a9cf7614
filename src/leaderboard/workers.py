"""The extraction workers' fork server, started as early as a command knows it will want workers.

Light on purpose (it imports only multiprocessing): `leaderboard build` boots the fork server before it
imports the pipeline, so the server imports the extraction code and builds the shipped-vocabulary extractor
(`leaderboard.worker_preload`) on the other core while this process does the same for itself. Each worker
then forks from the server with that extractor built: nothing to unpickle or compile at its start.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from multiprocessing import forkserver, get_all_start_methods
from pathlib import Path

# What the fork server imports once, in order: the workers' module, then the prebuilt extractor.
PRELOAD = ["leaderboard.parallel", "leaderboard.worker_preload"]
# Inputs up to about one unit of work (pipeline.BLOCK_BYTES) are extracted in-process: no pool, so no early server.
EARLY_BOOT_BYTES = 1 << 20


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


def input_bytes(sources: Iterable[Path]) -> int:
    """Total size of the files named or held (recursively) by `sources`; missing paths count 0."""
    total = 0
    for source in sources:
        files = source.rglob("*") if source.is_dir() else (source,)
        total += sum(f.stat().st_size for f in files if f.is_file())
    return total


def boot_fork_server_for(sources: Iterable[Path], workers: int) -> None:
    """Boot the fork server now when the build will want workers: more than one process and more than one unit
    of input. Smaller builds never start it (the pool boots it itself if it starts after all)."""
    if workers > 1 and input_bytes(sources) > EARLY_BOOT_BYTES:
        boot_fork_server()


def boot_fork_server() -> None:
    """Start the fork server unless it is running (returns at once: the server imports in the background)."""
    if not has_fork_server():
        return
    forkserver.set_forkserver_preload(PRELOAD)
    with without_callers_main():
        forkserver.ensure_running()
