-- The rows `leaderboard rank` reads: every result with its paper's date and, for imported rows, whether the
-- leaderboard marks the entry as trained on extra data (a setting: such entries form their own group).
SELECT r.*, p.published, e.uses_additional_data
FROM results r
LEFT JOIN papers p USING (paper_id)
LEFT JOIN result_extras e USING (result_id)
