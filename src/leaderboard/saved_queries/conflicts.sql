-- title: Where sources disagree
-- description: The same method, benchmark, subset and metric reported with values that differ beyond the precision written (view conflicts), widest spread first.
-- param benchmark: %
SELECT method, benchmark, subset, metric, unit, n_sources, n_papers, min_value, max_value, spread, sources
FROM conflicts
WHERE benchmark ILIKE $benchmark
ORDER BY spread / greatest(abs(max_value), 1e-9) DESC, benchmark, metric, method;
