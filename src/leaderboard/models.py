"""Records passed between pipeline stages: Paper (sources), Result (extract/import), Rejected (any stage).

These dataclasses are the contract between stages. Their field names are the column names of the
DuckDB tables `papers`, `results` and `rejected` (see store/schema.sql), so keep the two in step.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field, fields

from leaderboard.knowledge.precision import half_ulp

RAW_KEEP_CHARS = 500  # characters of an offending record kept in `rejected.raw`
_SURROGATE = re.compile("[\ud800-\udfff]")


def has_surrogates(text: str) -> bool:
    """True when `text` holds lone surrogates (from undecodable bytes or a JSON "\\ud800" escape)."""
    return _SURROGATE.search(text) is not None


def clean_text(text: str) -> str:
    """Text that is safe to store: lone surrogates and NUL bytes replaced by U+FFFD."""
    return _SURROGATE.sub("\ufffd", text).replace("\x00", "\ufffd")


def truncate(raw: str | None, limit: int = RAW_KEEP_CHARS) -> str | None:
    """Keep the start of an offending record for the `rejected` table."""
    if raw is None:
        return None
    raw = raw if len(raw) <= limit else raw[:limit] + "…"
    return clean_text(raw)


def stable_id(*parts: object, length: int = 16) -> str:
    """A short, deterministic id from the given parts (same parts, same id, across runs and machines)."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def title_paper_id(title: str) -> str:
    """Stable id for a record that has none: derived from its whitespace- and case-normalised title."""
    norm = " ".join(title.lower().split())
    return "t-" + stable_id(norm, length=12)


@dataclass(slots=True)
class Paper:
    """One input record: a paper's title and abstract with its metadata."""

    paper_id: str
    title: str
    abstract: str
    published: str | None = None  # ISO date "YYYY-MM-DD"
    url: str | None = None
    authors: str | None = None
    categories: str | None = None
    source_file: str | None = None
    source_line: int | None = None  # 1-based line (or record number) in source_file


@dataclass(slots=True)
class Result:
    """One reported number with its attribution and provenance.

    Offsets are character offsets into the paper's abstract (end exclusive): abstract[value_start:value_end]
    is the number's surface text, which always lies inside `evidence`
    (abstract[sentence_start:sentence_start + len(evidence)] == evidence). Mention offsets are None when the
    field was not found in the text (e.g. a benchmark inferred from the title or an imported row).
    """

    paper_id: str
    value: float  # the number as written: 92.0 for "92.0%"
    value_text: str  # surface text of the number, e.g. "92.0%", "$2.20$", "85.3 ± 0.2"
    kind: str = "absolute"  # absolute | delta | range
    method: str | None = None  # as written (or resolved from "we/our model")
    method_norm: str | None = None  # normalised for identity across papers
    is_own_method: bool | None = None  # the paper's own method (True) or a baseline/other system (False)
    benchmark: str | None = None  # canonical name when known, else as written
    benchmark_raw: str | None = None  # surface text of the mention
    benchmark_known: bool | None = None  # True when found in the vocabulary
    subset: str | None = None  # split or setting: test-clean, val, 5-shot, 256x256
    metric: str | None = None  # canonical name when known, else as written
    metric_raw: str | None = None
    unit: str | None = None  # "%", "pp" (percentage points), "x", "points", or a metric unit; None when bare
    higher_is_better: bool | None = None
    value_to: float | None = None  # upper end of a range / "to" value of a transition
    spread: float | None = None  # the "± 0.2"
    qualifier: str | None = None  # up to | at least | over | about | nearly | ...
    baseline: str | None = None  # for deltas: what the change is measured against
    delta_relative: bool | None = None  # for deltas: relative (%) or absolute (points)
    improvement: bool | None = None  # for deltas: True when the method is better than the baseline
    evidence: str = ""  # the sentence
    sentence_start: int | None = None
    value_start: int | None = None
    value_end: int | None = None
    benchmark_start: int | None = None
    benchmark_end: int | None = None
    metric_start: int | None = None
    metric_end: int | None = None
    confidence: float = 0.5  # probability that (value, benchmark, metric) is right (extract/calibration.py)
    extractor: str = ""  # name/version of what produced the row
    rules: str = ""  # JSON object: field -> the rule (or importer) that decided it
    source: str = "abstract"  # abstract | pwc:<file> | csv:<file>
    title: str | None = None  # filled by the pipeline from the paper
    result_id: str = ""  # stable; filled by assign_result_ids
    ordinal: int = field(default=0, repr=False)  # tie-breaker when one number yields several rows
    metric_implied: bool | None = None  # the metric is not written: the benchmark's usual one (or the task's)
    confident: bool | None = None  # confidence above the threshold fitted for tuple precision >= 0.95
    value_half_ulp: float | None = None  # half a unit in value_text's last digit, on value's scale; set at creation

    def __post_init__(self) -> None:
        if self.value_half_ulp is None:  # computed once, when the row is made (knowledge/precision.py)
            self.value_half_ulp = half_ulp(self.value_text, self.value)


@dataclass(slots=True)
class Rejected:
    """An input record (or imported cell) that could not be used, kept with the reason."""

    source_file: str
    line: int | None
    reason: str
    raw: str | None = None  # the offending text, truncated
    stage: str = "read"  # read | import | dedup | curation


@dataclass(slots=True)
class ResultExtra:
    """What an importer knows about an imported result beyond the `results` columns (table `result_extras`).

    One row per imported result, joined on result_id. List fields are stored as VARCHAR[] columns.
    """

    result_id: str
    source: str  # the same as results.source: pwc:<file name> | csv:<file name>
    source_file: str  # the path as given to the build
    locator: str  # where in the file: "Task > Dataset > Sub-dataset, row 3, metric 'EM'" or "line 7"
    task: str | None = None  # the task path, " > "-separated ("Dialogue > Dialogue Act Classification")
    dataset: str | None = None  # the dataset and sub-dataset path as written, " > "-separated
    paper_title: str | None = None
    paper_url: str | None = None
    paper_date: str | None = None  # ISO date
    code_links: list[str] = field(default_factory=list)
    model_links: list[str] = field(default_factory=list)
    uses_additional_data: bool | None = None
    note: str | None = None  # what was written beside the number: footnote marks, a remark


def column_names(cls: type) -> list[str]:
    """Field names of a record dataclass, in declaration order (the table's column order)."""
    return [f.name for f in fields(cls)]


def assign_result_ids(results: list[Result]) -> None:
    """Give each result a stable id from its paper, source and the offsets of its number.

    The id depends on where the number is in the text, not on how it was attributed, so improving the
    extractor's attribution keeps ids (and curations keyed by them) stable.
    """
    seen: dict[tuple, int] = {}
    for r in results:
        key = (
            r.source,
            r.paper_id,
            r.value_start,
            r.value_end,
            r.value_text,
            r.benchmark,
            r.metric,
            r.method,
        )
        if r.value_start is not None:
            key = (r.source, r.paper_id, r.value_start, r.value_end)
        n = seen.get(key, 0)
        seen[key] = n + 1
        r.ordinal = n
        r.result_id = stable_id(*key, n)
