-- Papers to pick from: title contains $q (all when empty), or, for an untitled imported entry, one of its models'
-- names does; those with most results first. An imported row may name no paper record (a model on a leaderboard
-- without a paper): its id is listed too. `method` (the first name) and `source` name untitled entries.
WITH n AS (
    SELECT paper_id, count(*) AS results, min(method) AS method, min(source) AS source,
           bool_or(contains(lower(method), lower($q))) AS method_matches
    FROM results
    GROUP BY paper_id
), ids AS (
    SELECT paper_id, title FROM papers
    UNION ALL
    SELECT paper_id, NULL FROM n WHERE paper_id NOT IN (SELECT paper_id FROM papers)
)
SELECT i.paper_id, i.title, coalesce(n.results, 0) AS results, n.method, n.source
FROM ids i
LEFT JOIN n USING (paper_id)
WHERE $q = '' OR contains(lower(i.title), lower($q)) OR i.paper_id = $q
   OR (coalesce(trim(i.title), '') = '' AND coalesce(n.method_matches, FALSE))
ORDER BY results DESC, i.title, i.paper_id
LIMIT $limit
