-- Benchmarks whose name contains $q (case-insensitive), with their most-reported metric.
SELECT benchmark, sum(results) AS results, max(papers) AS papers, arg_max(metric, results) AS top_metric
FROM benchmark_summary
WHERE $q = '' OR contains(lower(benchmark), lower($q))
GROUP BY benchmark
ORDER BY results DESC, benchmark
LIMIT $limit
