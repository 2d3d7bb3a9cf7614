-- Papers to pick from: title (or, for an untitled imported entry, its model's name) contains $q (all when
-- empty), those with most results first. `method` and `source` name untitled entries.
WITH n AS (
    SELECT paper_id, count(*) AS results, mode(method) AS method, min(source) AS source
    FROM results
    GROUP BY paper_id
)
SELECT p.paper_id, p.title, coalesce(n.results, 0) AS results, n.method, n.source
FROM papers p
LEFT JOIN n USING (paper_id)
WHERE $q = '' OR contains(lower(coalesce(nullif(trim(p.title), ''), n.method, '')), lower($q)) OR p.paper_id = $q
ORDER BY results DESC, p.title, p.paper_id
LIMIT $limit
