-- The most-reported benchmarks.
SELECT benchmark, count(*) AS results, count(DISTINCT paper_id) AS papers, count(DISTINCT metric) AS metrics, mode(metric) AS metric,
       count(DISTINCT coalesce(method_norm, lower(method))) AS methods
FROM results
WHERE benchmark IS NOT NULL
GROUP BY benchmark
ORDER BY results DESC, benchmark
LIMIT $limit
