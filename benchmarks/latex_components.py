"""How many connected components the rankings have with abstract rows only, and with LaTeX table rows added.

    python benchmarks/latex_components.py leaderboard.duckdb

Reads `results` of a built database (e.g. `leaderboard build papers/ --db lb.duckdb` over papers' LaTeX
sources, whose abstracts and tables both become rows) and ranks twice with the default options: rows with
source 'abstract', then all rows. Prints methods ranked, components and the largest component's size.
"""

from __future__ import annotations

import argparse

from leaderboard.rank.api import rank_results
from leaderboard.store.db import connect_read_only


def summary(results, label: str) -> str:
    if results.empty:
        return f"{label:<22} no results"
    table = rank_results(results).table
    if table.empty:
        return f"{label:<22} {len(results)} rows, no comparisons"
    sizes = table.groupby("component").size().sort_values(ascending=False)
    return (
        f"{label:<22} {len(results):>6} rows  {len(table):>5} methods ranked  {len(sizes):>4} components  "
        f"largest {int(sizes.iloc[0])}  mean size {sizes.mean():.1f}"
    )


def main(db: str) -> None:
    con = connect_read_only(db)
    results = con.execute("SELECT * FROM results").df()
    print(summary(results[results["source"] == "abstract"], "abstracts only"))
    print(summary(results, "abstracts + tables"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", help="a built database (leaderboard build ... --db DB)")
    main(parser.parse_args().db)
