-- Benchmarks with conflicts, most first.
SELECT benchmark, count(*) AS conflicts FROM conflicts GROUP BY benchmark ORDER BY conflicts DESC, benchmark
