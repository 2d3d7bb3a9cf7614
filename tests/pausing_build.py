"""Run `leaderboard build ...` but stop at a named point and wait to be killed (for test_atomic_build.py).

    python tests/pausing_build.py POINT build SOURCES --db DB ...

POINT is one of: enter (temp file created), loading (after the 3rd chunk of papers), finalize (finalize.sql
done, curations not yet applied), views (results built, views not yet), rename (file closed, just before
the atomic rename). At the point it prints "PAUSED POINT" and sleeps, so the test can SIGKILL it there.
"""

from __future__ import annotations

import os
import sys
import time

from leaderboard import pipeline
from leaderboard.store import db as dbmod

pipeline.BLOCK_BYTES = 64 * 1024  # small units of work: the test inputs make several chunks (and use the pool)


def pause(point: str, wanted: str) -> None:
    if point == wanted:
        print(f"PAUSED {point}", flush=True)
        time.sleep(600)


def install(wanted: str) -> None:
    writer = dbmod.BuildWriter
    enter, add_tables, sql_text, replace = writer.__enter__, writer.add_tables, dbmod.sql_text, os.replace
    calls = {"add_tables": 0}

    def patched_enter(self):
        out = enter(self)
        pause("enter", wanted)
        return out

    def patched_add_tables(self, papers, results, rejected):
        out = add_tables(self, papers, results, rejected)
        if papers is not None and papers.num_rows:
            calls["add_tables"] += 1
            if calls["add_tables"] == 3:
                pause("loading", wanted)
        return out

    def patched_sql_text(name: str) -> str:
        pause({"curate.sql": "finalize", "views.sql": "views"}.get(name, ""), wanted)
        return sql_text(name)

    def patched_replace(src, dst):
        pause("rename", wanted)
        return replace(src, dst)

    writer.__enter__ = patched_enter
    writer.add_tables = patched_add_tables
    dbmod.sql_text = patched_sql_text
    dbmod.os.replace = patched_replace


if __name__ == "__main__":
    install(sys.argv[1])
    sys.argv = ["leaderboard", *sys.argv[2:]]
    from leaderboard.cli import main

    main()
