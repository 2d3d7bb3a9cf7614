-- Views users and saved queries rely on. Kept in step with the dashboard's query layer.

-- Benchmarks with how much is reported on them.
CREATE OR REPLACE VIEW benchmark_summary AS
SELECT benchmark, metric, count(*) AS results, count(DISTINCT paper_id) AS papers,
       count(DISTINCT coalesce(method_norm, method)) AS methods, any_value(higher_is_better) AS higher_is_better
FROM results
WHERE benchmark IS NOT NULL AND kind = 'absolute'
GROUP BY benchmark, metric;

-- The best absolute result of each method on each (benchmark, subset, metric, unit), by the metric's
-- direction; rows with unknown direction are left out (an order needs a direction).
CREATE OR REPLACE VIEW leaderboard AS
WITH ranked AS (
    SELECT r.*, p.published, p.url,
           row_number() OVER (
               PARTITION BY benchmark, coalesce(subset, ''), metric, coalesce(unit, ''),
                            coalesce(method_norm, method, paper_id)
               ORDER BY CASE WHEN higher_is_better THEN -value ELSE value END, published NULLS LAST
           ) AS nth
    FROM results r LEFT JOIN papers p USING (paper_id)
    WHERE kind = 'absolute' AND benchmark IS NOT NULL AND metric IS NOT NULL
      AND higher_is_better IS NOT NULL
)
SELECT benchmark, subset, metric, unit, higher_is_better, coalesce(method, '(unnamed)') AS method,
       method_norm, value, value_text, is_own_method, paper_id, title, published, url, evidence, result_id,
       rank() OVER (
           PARTITION BY benchmark, coalesce(subset, ''), metric, coalesce(unit, '')
           ORDER BY CASE WHEN higher_is_better THEN -value ELSE value END
       ) AS position
FROM ranked
WHERE nth = 1;
