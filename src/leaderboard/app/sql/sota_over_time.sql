-- State of the art over time on a benchmark, metric and setting: every result whose value beat all results of
-- earlier papers (by the row's date: an imported submission's own, else its paper's; the metric's direction
-- must be known). `is_sota` marks the record-setters. $confident_only leaves out rows with confident = FALSE.
WITH rows AS (
    SELECT r.value, r.method, r.paper_id, r.result_id, r.is_own_method, r.higher_is_better, r.published,
           coalesce(p.title, r.title) AS title
    FROM results r LEFT JOIN papers p USING (paper_id)
    WHERE r.kind = 'absolute' AND r.benchmark = $benchmark AND r.metric = $metric
      AND coalesce(r.subset, '') = $subset AND coalesce(r.unit, '') = $unit AND r.published IS NOT NULL
      AND (NOT $confident_only OR r.confident IS NOT FALSE)
), direction AS (
    SELECT any_value(higher_is_better) FILTER (WHERE higher_is_better IS NOT NULL) AS hib FROM rows
), scored AS (
    SELECT rows.* EXCLUDE (higher_is_better), CASE WHEN d.hib THEN value ELSE -value END AS score
    FROM rows, direction d
    WHERE d.hib IS NOT NULL
), dated AS (
    -- the best result of each date, then whether it beats everything published before that date
    SELECT published, arg_max(s, score) AS rec FROM scored s GROUP BY published
), frontier AS (
    SELECT published, rec.method, rec.value, rec.paper_id, rec.title, rec.result_id, rec.score,
           max(rec.score) OVER (ORDER BY published ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev
    FROM dated
)
SELECT published, coalesce(method, '(unnamed)') AS method, value, paper_id, title, result_id, TRUE AS is_sota
FROM frontier
WHERE prev IS NULL OR score > prev
UNION ALL
SELECT * FROM (
    SELECT published, coalesce(method, '(unnamed)'), value, paper_id, title, result_id, FALSE
    FROM scored
    ORDER BY hash(result_id)
    LIMIT $sample
)
ORDER BY published, is_sota
