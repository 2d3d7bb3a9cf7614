"""Compare two built databases table by table: same tables, same columns and types, the same rows.

For a speed change to the build: build the same corpus before and after, then

    python benchmarks/compare_builds.py before.duckdb after.duckdb

Every table and view of both files is compared (`build_info` only by key: its values hold the build's time
and paths): columns with their types in order, then the rows as multisets (`EXCEPT ALL` both ways, NULLs
equal), and with `--ordered` also the order the rows are stored in. Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

SKIP_VALUES = {"build_info"}  # per-build values (time, paths): compared by key only


def _objects(con: duckdb.DuckDBPyConnection, db: str) -> dict[str, str]:
    rows = con.execute(
        "SELECT table_name, table_type FROM information_schema.tables "
        "WHERE table_catalog = ? AND table_schema = 'main'",
        [db],
    ).fetchall()
    return dict(rows)


def _columns(con: duckdb.DuckDBPyConnection, db: str, table: str) -> list[tuple[str, str]]:
    return con.execute(
        "SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = ? "
        "AND table_schema = 'main' AND table_name = ? ORDER BY ordinal_position",
        [db, table],
    ).fetchall()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def compare(a: Path, b: Path, ordered: bool = False) -> list[str]:
    """The differences between the databases `a` and `b` (empty when they hold the same tables and rows)."""
    con = duckdb.connect(":memory:")
    con.execute("ATTACH $p AS a (READ_ONLY)", {"p": str(a)})
    con.execute("ATTACH $p AS b (READ_ONLY)", {"p": str(b)})
    problems = []
    objs_a, objs_b = _objects(con, "a"), _objects(con, "b")
    for name in sorted(set(objs_a) ^ set(objs_b)):
        problems.append(f"{name}: only in {'a' if name in objs_a else 'b'}")
    for name in sorted(set(objs_a) & set(objs_b)):
        cols_a, cols_b = _columns(con, "a", name), _columns(con, "b", name)
        if cols_a != cols_b:
            problems.append(f"{name}: columns differ: {cols_a} != {cols_b}")
            continue
        t = _quote(name)
        cols = "*" if name not in SKIP_VALUES else "key"
        n_a, n_b = (con.execute(f"SELECT count(*) FROM {db}.{t}").fetchone()[0] for db in ("a", "b"))
        diff_a, diff_b = (
            con.execute(
                f"SELECT count(*) FROM (SELECT {cols} FROM {x}.{t} EXCEPT ALL SELECT {cols} FROM {y}.{t})"
            ).fetchone()[0]
            for x, y in (("a", "b"), ("b", "a"))
        )
        status = "same" if n_a == n_b and not diff_a and not diff_b else "DIFFERENT"
        if status != "same":
            problems.append(f"{name}: {n_a:,} rows in a, {n_b:,} in b; {diff_a:,} only in a, {diff_b:,} only in b")
        elif ordered and name not in SKIP_VALUES and objs_a[name] == "BASE TABLE":
            moved = con.execute(
                f"SELECT count(*) FROM (SELECT row_number() OVER () AS i, {cols} FROM a.{t}) x "
                f"JOIN (SELECT row_number() OVER () AS i, {cols} FROM b.{t}) y USING (i) "
                "WHERE x IS DISTINCT FROM y"
            ).fetchone()[0]
            if moved:
                status = "same rows, other order"
                problems.append(f"{name}: {moved:,} rows stored in another order")
        print(f"{name:>24} {objs_a[name]:>10} {n_a:>10,} rows: {status}")
    return problems


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a", type=Path)
    ap.add_argument("b", type=Path)
    ap.add_argument("--ordered", action="store_true", help="Also compare the order rows are stored in.")
    args = ap.parse_args(argv)
    problems = compare(args.a, args.b, args.ordered)
    for p in problems:
        print("DIFF", p)
    print("identical" if not problems else f"{len(problems)} difference(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
