-- Head to head inside papers: for one method, every other method the same paper reports on the same benchmark,
-- metric and setting, and how often the method's (best) value there is better, worse or equal.
WITH tables AS (
    SELECT paper_id, benchmark, coalesce(subset, '') AS s, metric, coalesce(unit, '') AS u,
           coalesce(method_norm, lower(method)) AS k, mode(method) AS method,
           max(CASE WHEN higher_is_better THEN value ELSE -value END) AS score
    FROM results
    WHERE kind = 'absolute' AND higher_is_better IS NOT NULL AND method IS NOT NULL AND benchmark IS NOT NULL
      AND metric IS NOT NULL
      AND paper_id IN (SELECT paper_id FROM results
                       WHERE coalesce(method_norm, lower(method)) = lower($method) OR lower(method) = lower($method))
    GROUP BY paper_id, benchmark, s, metric, u, k
), me AS (
    SELECT * FROM tables WHERE k = lower($method)
       OR k IN (SELECT coalesce(method_norm, lower(method)) FROM results WHERE lower(method) = lower($method))
)
SELECT o.method AS opponent, o.k AS method_key,
       count(*) FILTER (WHERE me.score > o.score) AS wins,
       count(*) FILTER (WHERE me.score < o.score) AS losses,
       count(*) FILTER (WHERE me.score = o.score) AS ties,
       count(DISTINCT me.paper_id) AS papers,
       string_agg(DISTINCT me.benchmark, ', ' ORDER BY me.benchmark) AS benchmarks
FROM me JOIN tables o
  ON o.paper_id = me.paper_id AND o.benchmark = me.benchmark AND o.s = me.s AND o.metric = me.metric AND o.u = me.u
 AND o.k <> me.k
GROUP BY o.k, o.method
ORDER BY wins + losses + ties DESC, wins DESC, opponent
