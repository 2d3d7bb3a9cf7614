-- title: State of the art per benchmark and metric
-- description: The best absolute result on each (benchmark, subset, metric, unit), by the metric's direction, with its paper and evidence.
-- param min_papers: 1
SELECT benchmark, subset, metric, unit, CASE WHEN higher_is_better THEN 'higher' ELSE 'lower' END AS better,
       method, value, value_text, title, published, url, evidence
FROM leaderboard l
WHERE position = 1
  AND (SELECT count(DISTINCT paper_id) FROM leaderboard x
       WHERE x.benchmark = l.benchmark AND x.metric = l.metric) >= $min_papers
ORDER BY benchmark, subset NULLS FIRST, metric;
