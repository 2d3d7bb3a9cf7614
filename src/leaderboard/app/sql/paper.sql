-- One paper's record; for an imported entry without one (a model on a leaderboard, no paper), what its rows say.
SELECT paper_id, title, abstract, published, url, authors, categories, source_file, source_line
FROM papers WHERE paper_id = $paper
UNION ALL
SELECT $paper, NULL, NULL, min(published), NULL, NULL, NULL, NULL, NULL
FROM results
WHERE paper_id = $paper AND NOT EXISTS (SELECT 1 FROM papers WHERE paper_id = $paper)
HAVING count(*) > 0
