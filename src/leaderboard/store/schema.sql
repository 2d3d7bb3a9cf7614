-- Load-time tables of a build. The pipeline streams rows into these; finalize.sql turns them into the
-- tables users query (papers, results, rejected) and views.sql adds the views.

CREATE TABLE papers_raw (
    seq          BIGINT,      -- load order: later records with the same paper_id supersede earlier ones
    paper_id     VARCHAR NOT NULL,
    title        VARCHAR,
    abstract     VARCHAR USING COMPRESSION zstd,  -- long text: zstd costs a third of the CPU of the default analysis
    published    DATE,
    url          VARCHAR,
    authors      VARCHAR,
    categories   VARCHAR,
    source_file  VARCHAR,
    source_line  INTEGER,
    has_abstract BOOLEAN      -- a non-empty abstract (set at load time, so finalize.sql never reads the abstracts)
);

CREATE TABLE extracted (
    paper_seq         BIGINT,  -- papers_raw.seq of the record the row came from (NULL for imports)
    paper_id          VARCHAR NOT NULL,
    value             DOUBLE NOT NULL,
    value_text        VARCHAR,
    kind              VARCHAR,
    method            VARCHAR,
    method_norm       VARCHAR,
    is_own_method     BOOLEAN,
    benchmark         VARCHAR,
    benchmark_raw     VARCHAR,
    benchmark_known   BOOLEAN,
    subset            VARCHAR,
    metric            VARCHAR,
    metric_raw        VARCHAR,
    unit              VARCHAR,
    higher_is_better  BOOLEAN,
    value_to          DOUBLE,
    spread            DOUBLE,
    qualifier         VARCHAR,
    baseline          VARCHAR,
    delta_relative    BOOLEAN,
    improvement       BOOLEAN,
    evidence          VARCHAR,
    sentence_start    INTEGER,
    value_start       INTEGER,
    value_end         INTEGER,
    benchmark_start   INTEGER,
    benchmark_end     INTEGER,
    metric_start      INTEGER,
    metric_end        INTEGER,
    confidence        DOUBLE,
    extractor         VARCHAR,
    rules             VARCHAR,  -- JSON object: field -> the rule that decided it (extract/trace.py)
    source            VARCHAR,
    title             VARCHAR,
    published         DATE,     -- set by finalize.sql: the row's own date (imports), else its paper's
    result_id         VARCHAR NOT NULL,
    ordinal           INTEGER,
    metric_implied    BOOLEAN,   -- the metric is not written: the benchmark's usual one
    confident         BOOLEAN,   -- confidence above the fitted threshold (tuple precision >= 0.95 on dev2)
    value_half_ulp    DOUBLE     -- half a unit in the last written digit of value_text, on value's scale
);

CREATE TABLE rejected (
    source_file  VARCHAR,
    line         INTEGER,
    reason       VARCHAR,
    raw          VARCHAR,
    stage        VARCHAR      -- read | import | dedup | curation
);

-- The curation file as loaded (see curation.py); curate.sql applies it and fills status and result_ids.
CREATE TABLE curations (
    line              INTEGER,     -- line in source_file
    action            VARCHAR,     -- reject | fix | add
    result_id         VARCHAR,     -- the row it names (reject, fix), when named by id
    paper_id          VARCHAR,
    value_start       INTEGER,
    value_end         INTEGER,
    field             VARCHAR,     -- fix: the field it sets
    value             VARCHAR,     -- fix: the new value ('' clears); add: the number
    benchmark         VARCHAR,
    metric            VARCHAR,
    method            VARCHAR,
    subset            VARCHAR,
    unit              VARCHAR,
    higher_is_better  BOOLEAN,
    note              VARCHAR,
    created_at        VARCHAR,
    added_id          VARCHAR,     -- add: the result_id of the added row
    method_norm       VARCHAR,     -- the method key (knowledge.canon.method_norm) of an add's method or a fix's new method
    value_half_ulp    DOUBLE,      -- add, or fix of the value: the written precision of `value` (knowledge/precision.py)
    source_file       VARCHAR,
    raw               VARCHAR,
    status            VARCHAR,     -- applied | orphaned | duplicate (set at finalize)
    result_ids        VARCHAR[]    -- the rows it touched (set at finalize)
);

CREATE TABLE build_info (
    key    VARCHAR PRIMARY KEY,
    value  VARCHAR
);

-- Importers' side records (Papers with Code, results CSV): one row per imported result, joined on result_id.
CREATE TABLE result_extras (
    result_id             VARCHAR NOT NULL,
    source                VARCHAR,     -- = results.source (pwc:<file> | csv:<file>)
    source_file           VARCHAR,     -- the path as given to the build
    locator               VARCHAR,     -- where in the file: task > dataset > sub-dataset, row, metric | line N
    task                  VARCHAR,     -- task path, ' > '-separated
    dataset               VARCHAR,     -- dataset and sub-dataset path as written, ' > '-separated
    paper_title           VARCHAR,
    paper_url             VARCHAR,
    paper_date            DATE,
    code_links            VARCHAR[],
    model_links           VARCHAR[],
    uses_additional_data  BOOLEAN,
    note                  VARCHAR      -- footnote marks or a remark written beside the number
);

-- The vocabulary's metrics as used by this build (shipped plus --vocab files): unit and direction.
CREATE TABLE metric_info (
    metric            VARCHAR PRIMARY KEY,
    unit              VARCHAR,
    higher_is_better  BOOLEAN
);

-- Every table environment of the LaTeX sources read (sources/latex.py): results read from it, or why not.
CREATE TABLE tables (
    paper_id      VARCHAR,
    source_file   VARCHAR,     -- the path given to the build (tarball, .tex, folder file)
    file          VARCHAR,     -- the .tex file inside the paper holding the table
    table_number  INTEGER,     -- 1-based, in the paper's reading order
    part          INTEGER,     -- the tabular's position within its float (sub-tables)
    label         VARCHAR,
    caption       VARCHAR,
    rows          INTEGER,
    columns       INTEGER,
    results       INTEGER,     -- results read from the table
    status        VARCHAR,     -- results | skipped | unreadable
    reason        VARCHAR,     -- why skipped or unreadable
    grid          VARCHAR,     -- cell texts, JSON: rows of [column, span, text, bold, underline]
    latex         VARCHAR      -- the tabular as written (truncated)
);

-- Provenance of results read from LaTeX table cells (results.source = 'latex'): one row per result_id.
CREATE TABLE result_cells (
    result_id     VARCHAR NOT NULL,
    paper_id      VARCHAR,
    source_file   VARCHAR,
    file          VARCHAR,
    table_number  INTEGER,
    part          INTEGER,
    label         VARCHAR,
    caption       VARCHAR,
    row_index     INTEGER,     -- 0-based in the tabular, header rows included
    column_index  INTEGER,
    header_path   VARCHAR,     -- ' > '-joined headers above the cell ("COCO > AP50")
    row_header    VARCHAR,     -- the method cell as written
    setting       VARCHAR,     -- group row / other row-header columns
    cell_latex    VARCHAR,
    bold          BOOLEAN,     -- the paper's own best marks
    underline     BOOLEAN,
    cited         BOOLEAN      -- the row header cites: a baseline
);
