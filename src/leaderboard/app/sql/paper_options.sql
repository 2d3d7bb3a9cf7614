-- Papers to pick from: title contains $q (all when empty), or, for an untitled imported entry, one of its models'
-- names does; those with most results first. `method` (the first name) and `source` name untitled entries.
WITH n AS (
    SELECT paper_id, count(*) AS results, min(method) AS method, min(source) AS source,
           bool_or(contains(lower(method), lower($q))) AS method_matches
    FROM results
    GROUP BY paper_id
)
SELECT p.paper_id, p.title, coalesce(n.results, 0) AS results, n.method, n.source
FROM papers p
LEFT JOIN n USING (paper_id)
WHERE $q = '' OR contains(lower(p.title), lower($q)) OR p.paper_id = $q
   OR (coalesce(trim(p.title), '') = '' AND coalesce(n.method_matches, FALSE))
ORDER BY results DESC, p.title, p.paper_id
LIMIT $limit
