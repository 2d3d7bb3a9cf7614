-- Benchmarks that have at least one result with a metric, most reported first.
SELECT benchmark, sum(results) AS results
FROM benchmark_summary
WHERE metric IS NOT NULL
GROUP BY benchmark
ORDER BY results DESC, benchmark
