-- Metrics reported on one benchmark, most reported first.
SELECT metric, results, papers, higher_is_better
FROM benchmark_summary
WHERE benchmark = $benchmark AND metric IS NOT NULL
ORDER BY results DESC, metric
