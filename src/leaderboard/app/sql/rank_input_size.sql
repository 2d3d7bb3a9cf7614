-- How many rows a ranking over the chosen benchmarks and metrics would read.
SELECT count(*) AS n
FROM results r
WHERE r.method IS NOT NULL
  AND (len($benchmarks::VARCHAR[]) = 0 OR list_contains($benchmarks::VARCHAR[], r.benchmark))
  AND (len($metrics::VARCHAR[]) = 0 OR list_contains($metrics::VARCHAR[], r.metric))
