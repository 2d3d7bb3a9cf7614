-- Papers whose title contains $q (or whose id is $q), with how many results were extracted from each.
SELECT p.paper_id, p.title, p.published, p.url, coalesce(n.results, 0) AS results
FROM papers p
LEFT JOIN (SELECT paper_id, count(*) AS results FROM results GROUP BY paper_id) n USING (paper_id)
WHERE $q = '' OR contains(lower(p.title), lower($q)) OR p.paper_id = $q
ORDER BY results DESC, p.published DESC NULLS LAST, p.title
LIMIT $limit
