-- rank_input.sql for a database without the `result_extras` table: results with their paper's date.
SELECT r.*, p.published
FROM results r
LEFT JOIN papers p USING (paper_id)
