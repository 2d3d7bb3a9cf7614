-- Where each LaTeX result of one paper comes from: its table and cell, with what the results row says.
SELECT c.table_number, c.part, c.row_index, c.column_index, c.result_id, r.method, r.benchmark, r.metric, r.value
FROM result_cells c
JOIN results r USING (result_id)
WHERE c.paper_id = $paper AND r.kind = 'absolute'
ORDER BY c.table_number, c.row_index, c.column_index
