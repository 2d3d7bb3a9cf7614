-- The rows the ranking engine needs, restricted in DuckDB to the chosen benchmarks and metrics (empty = all, and
-- then also rows without a benchmark, which compare methods within their paper, as `leaderboard rank` does).
-- `source`, `qualifier` and the imported rows' `uses_additional_data` define tables and settings.
SELECT r.paper_id, r.value, r.value_text, r.kind, r.method, r.method_norm, r.is_own_method, r.benchmark, r.subset,
       r.metric, r.unit, r.higher_is_better, r.baseline, r.improvement, r.delta_relative, r.result_id, r.source,
       r.qualifier, r.value_half_ulp, p.published, e.uses_additional_data
FROM results r
LEFT JOIN papers p USING (paper_id)
LEFT JOIN result_extras e USING (result_id)
WHERE r.method IS NOT NULL
  AND (len($benchmarks::VARCHAR[]) = 0 OR list_contains($benchmarks::VARCHAR[], r.benchmark))
  AND (len($metrics::VARCHAR[]) = 0 OR list_contains($metrics::VARCHAR[], r.metric))
