-- The most-reported benchmarks, with their papers and their most-reported metric (one pass; quick on 1M rows).
SELECT benchmark, count(*) AS results, count(DISTINCT paper_id) AS papers, mode(metric) AS metric
FROM results
WHERE benchmark IS NOT NULL
GROUP BY benchmark
ORDER BY results DESC, benchmark
LIMIT $limit
