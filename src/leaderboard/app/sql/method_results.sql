-- Every result of one method (matched by its normalised name), with where its best value stands on each
-- benchmark, metric and setting among all methods (position among `entries`, by the metric's direction).
-- With $confident_only, rows with confident = FALSE are left out of both.
WITH mine AS (
    SELECT r.*, p.url
    FROM results r LEFT JOIN papers p USING (paper_id)
    WHERE (coalesce(r.method_norm, lower(r.method)) = lower($method) OR lower(r.method) = lower($method))
      AND (NOT $confident_only OR r.confident IS NOT FALSE)
), groups AS (
    SELECT DISTINCT benchmark, coalesce(subset, '') AS s, metric, coalesce(unit, '') AS u
    FROM mine WHERE kind = 'absolute' AND benchmark IS NOT NULL AND metric IS NOT NULL
), best AS (
    SELECT r.benchmark, g.s, r.metric, g.u, coalesce(r.method_norm, lower(r.method), 'unnamed:' || r.paper_id) AS k,
           max(CASE WHEN r.higher_is_better THEN r.value ELSE -r.value END) AS score
    FROM results r
    JOIN groups g ON r.benchmark = g.benchmark AND coalesce(r.subset, '') = g.s AND r.metric = g.metric
                 AND coalesce(r.unit, '') = g.u
    WHERE r.kind = 'absolute' AND r.higher_is_better IS NOT NULL AND (NOT $confident_only OR r.confident IS NOT FALSE)
    GROUP BY ALL
), pos AS (
    SELECT *, rank() OVER (PARTITION BY benchmark, s, metric, u ORDER BY score DESC) AS position,
           count(*) OVER (PARTITION BY benchmark, s, metric, u) AS entries
    FROM best
)
SELECT m.benchmark, m.subset, m.metric, m.value, m.value_text, m.unit, m.kind, m.higher_is_better, pos.position,
       pos.entries, CASE WHEN m.is_own_method THEN 'own method' WHEN NOT m.is_own_method THEN 'baseline'
                         WHEN m.source LIKE '%:%' THEN 'imported: ' || split_part(m.source, ':', 2) END AS reported_as,
       m.method, m.title, m.published, m.url, m.paper_id, m.evidence, m.baseline, m.result_id, m.source
FROM mine m
LEFT JOIN pos ON pos.benchmark = m.benchmark AND pos.s = coalesce(m.subset, '') AND pos.metric = m.metric
             AND pos.u = coalesce(m.unit, '') AND pos.k = coalesce(m.method_norm, lower(m.method))
ORDER BY m.benchmark NULLS LAST, m.metric NULLS LAST, m.published DESC NULLS LAST, m.value_start
LIMIT $limit
