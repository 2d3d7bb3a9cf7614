"""Result tables of papers' LaTeX sources: parse (parse.py), lay out (layout.py), read as results (results.py).

sources/latex.py   a paper's files -> its table environments (LaTeX text) and macros
tables/parse.py    one table environment -> ParsedTable (rows of cells, caption, label, rules)
tables/layout.py   ParsedTable -> header paths, row-header columns, group rows, body rows
tables/results.py  laid-out table -> Result rows + ResultCell provenance, or a skip reason
tables/evaluate.py cell-level scoring against a table gold file (`leaderboard evaluate`)
"""
