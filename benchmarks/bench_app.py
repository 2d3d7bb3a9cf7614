"""Dashboard timing on a large database: cold first render of each page through Streamlit's AppTest.

    python benchmarks/bench_app.py --db /tmp/big.duckdb --results 1000000

Builds the synthetic database first when the file is missing. Modules are imported first (as in a running server,
by rendering every page on a tiny database); then each page is timed in a fresh AppTest with Streamlit's caches
cleared and a new database connection (the first visit a user pays for), then once more warm (cached queries).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "overview": {},
    "benchmark": {"benchmark": "CIFAR-10", "metric": "FID"},
    "method": {},
    "paper": {},
    "sql": {},
    "rankings": {"benchmarks": ["CIFAR-10"], "metrics": ["FID"]},
}


def time_page(page: str, params: dict) -> tuple[float, float]:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    for k, v in params.items():
        at.query_params[k] = v
    started = time.perf_counter()
    at.run()
    if page != "overview":
        at.switch_page(f"src/leaderboard/app/page_{page}.py").run()
    cold = time.perf_counter() - started
    assert not at.exception, [e.value for e in at.exception]
    started = time.perf_counter()
    at.run()
    warm = time.perf_counter() - started
    return cold, warm


def warm_up(path: Path) -> None:
    """Import everything the pages import (a running server has) by rendering each page on a tiny database."""
    from synthetic_db import make_synthetic_db

    make_synthetic_db(path, 200)
    os.environ["LB_DB"] = str(path.resolve())
    for page, params in PAGES.items():
        time_page(page, params)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("benchmarks/out/big.duckdb"))
    parser.add_argument("--results", type=int, default=1_000_000)
    args = parser.parse_args()
    if not args.db.is_file():
        from synthetic_db import make_synthetic_db

        args.db.parent.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        make_synthetic_db(args.db, args.results)
        print(f"built {args.db} ({args.results:,} results) in {time.perf_counter() - started:.1f}s")
    warm_up(args.db.parent / "warmup.duckdb")
    os.environ["LB_DB"] = str(args.db.resolve())
    for page, params in PAGES.items():
        cold, warm = time_page(page, params)
        # the overview is the first page; other pages include one overview run before switching
        print(f"{page:10} cold {cold:6.2f}s   warm {warm:6.2f}s")


if __name__ == "__main__":
    main()
