-- Metrics reported on the chosen benchmarks (empty = all), most reported first.
SELECT metric, sum(results) AS results
FROM benchmark_summary
WHERE metric IS NOT NULL AND (len($benchmarks::VARCHAR[]) = 0 OR list_contains($benchmarks::VARCHAR[], benchmark))
GROUP BY metric
ORDER BY results DESC, metric
