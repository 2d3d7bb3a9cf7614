-- The LaTeX tables of one paper that gave results, in reading order (table `tables`, LaTeX sources only).
SELECT table_number, part, file, label, caption, grid, results
FROM tables
WHERE paper_id = $paper AND status = 'results'
ORDER BY source_file, table_number, part
