-- title: Benchmarks shared by several papers
-- description: Benchmark and metric pairs reported by at least min_papers papers: where cross-paper comparisons exist.
-- param min_papers: 2
SELECT benchmark, metric, count(DISTINCT paper_id) AS papers, count(DISTINCT coalesce(method_norm, method)) AS methods,
       count(*) AS results, min(value) AS min_value, max(value) AS max_value
FROM results
WHERE benchmark IS NOT NULL AND kind = 'absolute'
GROUP BY benchmark, metric
HAVING count(DISTINCT paper_id) >= $min_papers
ORDER BY papers DESC, results DESC, benchmark;
