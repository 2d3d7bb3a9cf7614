-- Views users and saved queries rely on. Kept in step with the dashboard's query layer.
-- The database is written once per build, so the two summaries below are materialised as tables when it is
-- built (each is an aggregate or window over every result: ~1 s on a million results as a view, a few ms
-- as a table). Their rows are stored in the order they are looked up by, so a filter reads few row groups.

-- Benchmarks with how much is reported on them.
CREATE OR REPLACE TABLE benchmark_summary AS
SELECT benchmark, metric, count(*) AS results, count(DISTINCT paper_id) AS papers,
       count(DISTINCT coalesce(method_norm, method)) AS methods, any_value(higher_is_better) AS higher_is_better
FROM results
WHERE benchmark IS NOT NULL AND kind = 'absolute'
GROUP BY benchmark, metric
ORDER BY results DESC, benchmark, metric;

-- The best absolute result of each method on each (benchmark, subset, metric, unit), by the metric's
-- direction; rows with unknown direction are left out (an order needs a direction).
CREATE OR REPLACE TABLE leaderboard AS
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
WHERE nth = 1
ORDER BY benchmark, metric, subset NULLS FIRST, unit NULLS FIRST, position, method, result_id;

-- Point lookups of one paper (its record, its results) go through an index instead of a scan of every row
-- group: ~100x faster on a million rows, and the first lookup need not read the whole column from disk.
CREATE INDEX IF NOT EXISTS papers_paper_id ON papers (paper_id);
CREATE INDEX IF NOT EXISTS results_paper_id ON results (paper_id);
