-- Papers to pick from: title contains $q (all when empty), those with most results first.
SELECT p.paper_id, p.title, coalesce(n.results, 0) AS results
FROM papers p
LEFT JOIN (SELECT paper_id, count(*) AS results FROM results GROUP BY paper_id) n USING (paper_id)
WHERE $q = '' OR contains(lower(p.title), lower($q)) OR p.paper_id = $q
ORDER BY results DESC, p.title
LIMIT $limit
