-- One paper's record.
SELECT paper_id, title, abstract, published, url, authors, categories, source_file, source_line
FROM papers WHERE paper_id = $paper
