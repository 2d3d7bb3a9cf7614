#!/usr/bin/env bash
# A plain `pip install .` (not editable) of a clean copy of this repository, in a fresh virtual environment,
# works from an unrelated folder: `build` (the shipped seed), `queries`, `query sota`, and `serve` (its health
# check answers). Run by .ci/run; takes a minute or two (most of it installing the dependencies).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

mkdir -p "$work/src" "$work/elsewhere"
if git -C "$repo" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$repo" archive HEAD | tar -x -C "$work/src"  # what a clean clone holds
else
  (cd "$repo" && tar --exclude=./.venv --exclude=./.git -cf - .) | tar -x -C "$work/src"
fi
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --upgrade pip >/dev/null 2>&1 || true
"$work/venv/bin/python" -m pip install -q "$work/src"
rm -rf "$work/src"  # the installed package must not need the source tree

lb="$work/venv/bin/leaderboard"
cd "$work/elsewhere"
"$lb" build --quiet --workers 1 --db lb.duckdb
"$lb" queries > queries.txt
grep '^sota ' queries.txt
"$lb" query sota --db lb.duckdb --format csv > sota.csv
head -n 3 sota.csv
test "$(wc -l < sota.csv)" -gt 1
port=$(( 20000 + RANDOM % 20000 ))
"$lb" serve --db lb.duckdb --port "$port" --headless > serve.log 2>&1 &
server=$!
for _ in $(seq 1 120); do
  if "$work/venv/bin/python" -c "import urllib.request as u; u.urlopen('http://localhost:$port/_stcore/health', timeout=2)" 2>/dev/null; then
    echo "install check: build, queries, query sota and serve work from a non-editable install"
    exit 0
  fi
  kill -0 "$server" 2>/dev/null || break
  sleep 0.5
done
cat serve.log
echo "install check: the dashboard did not answer its health check" >&2
exit 1
