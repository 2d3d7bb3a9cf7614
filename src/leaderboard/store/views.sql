-- Views users and saved queries rely on. Kept in step with the dashboard's query layer.
-- The database is written once per build, so the two summaries below and `conflicts` / `conflict_rows` are
-- materialised as tables when it is built (each is an aggregate, window or self-join over every result:
-- 0.5-1 s on a million results as a view, a few ms as a table). Their rows are stored in the order they are
-- looked up by, so a filter reads few row groups.

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
    SELECT r.*, p.url,
           row_number() OVER (
               PARTITION BY benchmark, coalesce(subset, ''), metric, coalesce(unit, ''),
                            coalesce(method_norm, method, paper_id)
               ORDER BY CASE WHEN higher_is_better THEN -value ELSE value END, r.published NULLS LAST
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

-- Absolute results that name a method, benchmark and metric, ready to compare across sources and papers:
-- method_key (method_norm, else the lower-cased method), group_id (stable id of the (method_key, benchmark,
-- subset, metric) group), reporter (source and paper; imported rows without a paper, ids m-... and r-...
-- from sources/imported.py, are one reporter per source), value_cmp (the value on a common scale) and
-- half_ulp (half a unit in the last written digit of value_cmp: "92.0" is 92.0 +- 0.05, "24M" is +- 0.5M; the
-- row's value_half_ulp, computed once when the row was made by knowledge/precision.py, on value_cmp's scale).
-- Fractions on percent metrics: when the metric is a percentage (metric_info.unit = '%', or some row of the
-- group is written with '%') and some value of the group is above 1, a bare value of at most 1 is read as a
-- fraction and multiplied by 100 (0.924 -> 92.4, with its precision scaled too).
CREATE OR REPLACE VIEW comparable_results AS
WITH base AS (
    SELECT r.*, coalesce(r.method_norm, lower(r.method)) AS method_key,
           source || chr(31) || CASE WHEN paper_id LIKE 'm-%' OR paper_id LIKE 'r-%' THEN '' ELSE paper_id END
               AS reporter,
           coalesce(m.unit = '%', false) AS pct_metric
    FROM results r LEFT JOIN metric_info m ON m.metric = r.metric
    WHERE r.kind = 'absolute' AND r.method IS NOT NULL AND r.benchmark IS NOT NULL AND r.metric IS NOT NULL
),
prec AS (
    SELECT *,
           md5(concat_ws(chr(31), method_key, benchmark, coalesce(subset, ''), metric))[:16] AS group_id,
           coalesce(value_half_ulp, 0) AS half_raw,
           (bool_or(pct_metric OR coalesce(unit = '%', false)) OVER g AND max(abs(value)) OVER g > 1) AS pct_group
    FROM base
    WINDOW g AS (PARTITION BY method_key, benchmark, coalesce(subset, ''), metric)
),
scaled AS (
    SELECT *, CASE WHEN pct_group AND coalesce(unit, '') <> '%' AND abs(value) <= 1 THEN 100 ELSE 1 END AS factor
    FROM prec
)
SELECT * EXCLUDE (half_raw, factor), value * factor AS value_cmp, half_raw * factor AS half_ulp
FROM scaled;

-- conflicts: the same (method, benchmark, subset, metric) reported by several reporters (sources or papers)
-- with values that disagree at the precision they are written at: two values disagree when they differ by
-- more than half a unit in the last digit of the coarser one (92.0 vs 92.04 agree, 92.0 vs 92.4 do not,
-- 92 vs 92.4 agree, 0.924 vs 92.4% on a percent metric agree). A group is listed when two of its values
-- from different reporters disagree; two numbers of one paper in one source, or repeated leaderboard
-- submissions of one system in one file, are not a conflict by themselves.
-- Stable columns, in this order (the dashboard relies on them):
--   conflict_id VARCHAR (stable per group), method VARCHAR (one spelling as written), method_norm VARCHAR,
--   benchmark VARCHAR, subset VARCHAR, metric VARCHAR, unit VARCHAR (of min/max_value: '%' on percent
--   groups), higher_is_better BOOLEAN, n_sources BIGINT, n_papers BIGINT, n_results BIGINT, n_values BIGINT
--   (distinct values), min_value DOUBLE, max_value DOUBLE, spread DOUBLE (max - min), sources VARCHAR
--   (distinct sources, sorted, ', '-separated), result_ids VARCHAR (all member results, by value then
--   source, ','-separated). One row per member result: view conflict_rows.
CREATE OR REPLACE TABLE conflicts AS
WITH disputed AS (
    SELECT DISTINCT a.group_id
    FROM comparable_results a
    JOIN comparable_results b ON a.group_id = b.group_id AND a.reporter < b.reporter
    WHERE abs(a.value_cmp - b.value_cmp) > greatest(a.half_ulp, b.half_ulp) + 1e-9 * greatest(1, abs(a.value_cmp))
)
SELECT group_id AS conflict_id, min(method) AS method, method_key AS method_norm, benchmark, subset, metric,
       CASE WHEN bool_or(pct_group) THEN '%' ELSE min(unit) END AS unit,
       bool_or(higher_is_better) AS higher_is_better,
       count(DISTINCT source) AS n_sources, count(DISTINCT paper_id) AS n_papers, count(*) AS n_results,
       count(DISTINCT value_cmp) AS n_values, min(value_cmp) AS min_value, max(value_cmp) AS max_value,
       max(value_cmp) - min(value_cmp) AS spread,
       string_agg(DISTINCT source, ', ' ORDER BY source) AS sources,
       string_agg(result_id, ',' ORDER BY value_cmp, source, result_id) AS result_ids
FROM comparable_results
WHERE group_id IN (SELECT group_id FROM disputed)
GROUP BY group_id, method_key, benchmark, subset, metric
ORDER BY benchmark, metric, subset NULLS FIRST, method_norm;

-- The member results of each conflict, one row each, with where they come from.
CREATE OR REPLACE TABLE conflict_rows AS
SELECT c.conflict_id, r.method, r.benchmark, r.subset, r.metric, r.source, r.paper_id, r.title, r.value,
       r.value_text, r.unit, r.value_cmp, r.result_id, r.evidence
FROM comparable_results r
JOIN conflicts c ON c.conflict_id = r.group_id
ORDER BY c.conflict_id, r.value_cmp, r.source, r.result_id;

-- Metrics whose direction the vocabulary does not give (left out of the leaderboard until a --vocab file
-- says whether higher is better).
CREATE OR REPLACE VIEW unknown_directions AS
SELECT metric, count(*) AS results, count(DISTINCT benchmark) AS benchmarks,
       string_agg(DISTINCT metric_raw, ' | ' ORDER BY metric_raw) AS written_as,
       string_agg(DISTINCT source, ', ' ORDER BY source) AS sources
FROM results
WHERE metric IS NOT NULL AND higher_is_better IS NULL
GROUP BY metric
ORDER BY results DESC, metric;
