"""Result tables of papers' LaTeX sources: parse (parse.py), lay out (layout.py), read as results (results.py).

sources/latex.py   a paper's files -> its table environments (LaTeX text) and macros
tables/render.py   LaTeX nodes -> text with bold/underline/cite marks (the paper's macros expanded)
tables/parse.py    one table environment -> ParsedTable (rows of cells, caption, label, rules)
tables/layout.py   ParsedTable -> header paths, row-header columns, group rows, body rows
tables/context.py  what every table of one paper shares: cue phrases (vocab/latex_tables.csv), names
tables/kinds.py    which tables are results: skip reasons, transposed tables (methods head the columns)
tables/names.py    benchmark, metric and method of a value cell from its headers, group rows and caption
tables/results.py  laid-out table -> Result rows + ResultCell provenance, or a skip reason
tables/evaluate.py cell-level scoring against a table gold file (`leaderboard evaluate`)
"""
