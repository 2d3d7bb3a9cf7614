-- One row per method on a benchmark, metric and setting: its best value by the metric's direction, the paper
-- that reports it, and who says so (how many papers report the method here, how many of them are third parties:
-- papers that report it as a baseline; an imported row does not say, so it is neither own nor third party).
-- Rows are ranked only when the direction is known (rank is NULL otherwise). With $confident_only, extracted
-- rows below the confidence threshold (confident = FALSE) are left out.
WITH rows AS (
    SELECT r.*, p.url, coalesce(r.method_norm, lower(r.method)) AS method_key
    FROM results r LEFT JOIN papers p USING (paper_id)
    WHERE r.kind = 'absolute' AND r.benchmark = $benchmark AND r.metric = $metric
      AND coalesce(r.subset, '') = $subset AND coalesce(r.unit, '') = $unit
      AND (NOT $confident_only OR r.confident IS NOT FALSE)
), direction AS (
    SELECT any_value(higher_is_better) FILTER (WHERE higher_is_better IS NOT NULL) AS hib FROM rows
), scored AS (
    SELECT rows.*, CASE WHEN d.hib IS NULL OR d.hib THEN value ELSE -value END AS score, d.hib
    FROM rows, direction d
), best AS (
    SELECT coalesce(method_key, 'unnamed:' || paper_id) AS entry,
           arg_max(s, (score, -epoch(coalesce(published, DATE '9999-12-31')))) AS b,
           count(DISTINCT paper_id) AS reports,
           count(DISTINCT paper_id) FILTER (WHERE is_own_method = FALSE) AS third_party,
           min(value) AS lowest, max(value) AS highest
    FROM scored s
    GROUP BY entry
)
SELECT CASE WHEN b.hib IS NULL THEN NULL ELSE rank() OVER (ORDER BY b.score DESC) END AS rank,
       coalesce(b.method, '(unnamed)') AS method, b.value, b.value_text, b.unit, b.hib AS higher_is_better,
       CASE WHEN b.is_own_method THEN 'own method' WHEN NOT b.is_own_method THEN 'baseline'
            WHEN b.source LIKE '%:%' THEN 'imported: ' || split_part(b.source, ':', 2) END AS reported_as,
       reports, third_party, highest - lowest AS spread,
       b.title, b.published, b.url, b.paper_id, b.evidence, b.method_key, b.result_id, b.source, b.is_own_method
FROM best
ORDER BY b.score DESC, method
LIMIT $limit
