"""Notes and warnings a ranking table carries, in plain words (rank_pairs attaches them)."""

from __future__ import annotations

import pandas as pd


def hessian_note(method: str, how: str, level: float) -> str:
    """The Hessian interval note, in plain words."""
    exact = "exactly" if "hutchinson" not in how else "by a randomised estimate"
    if method == "bt":
        return f"{level:.0%} intervals: from the curvature of the Bradley-Terry fit (inverted {exact})"
    return (
        f"{level:.0%} intervals: Bradley-Terry curvature around the {method} ratings, a rough guide only "
        "(use --ci bootstrap for intervals of this method)"
    )


def separation_warnings(table: pd.DataFrame) -> tuple[str, ...]:
    """A warning per component of 3+ methods where the intervals cannot tell any two methods apart."""
    out = []
    for comp, grp in table.groupby("component"):
        if len(grp) >= 3 and (grp["rank"] == 1).all():
            where = "" if table["component"].nunique() == 1 else f" (component {comp})"
            out.append(
                f"the {len(grp)} methods' intervals all overlap{where}: the data cannot tell any two of them "
                "apart, so every rank is 1"
            )
    return tuple(out)
