"""What the importers share: paper ids for imported rows, memoised names, and building an imported Result.

Paper ids of imported rows, in order of preference (the same rule for every importer):
1. the arXiv id when the paper URL (or a title that is a URL) is an arXiv link, version dropped
   ("https://arxiv.org/pdf/1904.09482v2.pdf" -> "1904.09482"), so imported and extracted rows of a paper meet;
2. else `t-...` from the title, the id the paper readers give a record without one (so titles meet too);
3. else `u-...` from the paper URL; a site's home page ("https://senseforth.ai/") names who submitted, not
   what, and several submissions share it, so its id also takes the method name and date (one per submission);
4. else `m-...` from the method name and date: a leaderboard submission without a paper;
5. else `r-...` from the file and the row: nothing names the row's origin.
A Paper record (no abstract) is written for 1-3; 4 and 5 have no `papers` row.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from leaderboard.extract.vocab import Vocabulary
from leaderboard.models import Paper, Result, stable_id, title_paper_id
from leaderboard.normalise import (
    Canonical,
    MethodName,
    MetricName,
    canonical_benchmark,
    canonical_method,
    canonical_metric,
    task_subset,
)
from leaderboard.sources.cells import CellValue
from leaderboard.sources.records import iso_date

IMPORT_CONFIDENCE = 1.0
_ARXIV = re.compile(
    r"arxiv\.org/(?:abs|pdf|html)/(?P<id>\d{4}\.\d{4,5}|[a-z][a-z.\-]*/\d{7})(?:v\d+)?|^(?:arxiv:)?(?P<bare>\d{4}\.\d{4,5})(?:v\d+)?$",
    re.IGNORECASE,
)
_URL = re.compile(r"https?://\S+", re.IGNORECASE)


def arxiv_id(text: str | None) -> str | None:
    """The arXiv id in a URL, an "arXiv:2101.00001v2" reference or a bare id; None when there is none."""
    if not text:
        return None
    m = _ARXIV.search(text.strip())
    return (m.group("id") or m.group("bare")) if m else None


def first_url(text: str | None) -> str | None:
    """The first http(s) URL in a field ("(Singapore Management University) https://..." -> the URL)."""
    m = _URL.search(text or "")
    return m.group(0).rstrip(").,;") if m else None


# A converter's stand-in for markup it stripped ("\x02wzxhzdk:6\x03": Python-Markdown's placeholder for HTML).
_PLACEHOLDER = re.compile(r"\x02[^\x02\x03]{0,64}\x03")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Bracketed link labels with no title around them ("[13] [code]", "[Preprint] [2]"): references, not a title.
_REFERENCE_MARKS = re.compile(r"(?:\[[^\[\]]{0,24}\]\s*)+")


def clean_text(text: str) -> str:
    """An imported field without markup placeholders and control characters, whitespace squashed
    ("Joshi et al. \x02wzxhzdk:6\x03 (2019)" -> "Joshi et al. (2019)")."""
    return " ".join(_CONTROL.sub(" ", _PLACEHOLDER.sub(" ", text)).split())


def is_real_title(title: str | None) -> bool:
    """A title that is neither empty, nor a URL (the archive sometimes repeats the URL as the title), nor only
    reference marks ("[13] [code]")."""
    text = (title or "").strip()
    return bool(text) and "://" not in text and not text.startswith("www.") and not _REFERENCE_MARKS.fullmatch(text)


def is_home_page(url: str) -> bool:
    """A URL of a whole site (no path, no query): it names an organisation, not one paper."""
    parts = urlsplit(url.strip())
    return parts.path.strip("/") == "" and not parts.query and not parts.fragment


@dataclass(frozen=True, slots=True)
class PaperRef:
    """Which paper an imported row belongs to, and the Paper record to write for it (if any)."""

    paper_id: str
    title: str | None
    url: str | None
    date: str | None
    record: bool  # write a Paper record (ids from arXiv, title or URL)

    def paper(self, source_file: str, line: int | None) -> Paper:
        return Paper(
            self.paper_id, self.title or "", "", self.date, self.url, source_file=source_file, source_line=line
        )


def paper_ref(url: str | None, title: str | None, method: str | None, date: str | None, row_key: str) -> PaperRef:
    """The paper of an imported row, by the rule in the module docstring."""
    raw_title, title = title, " ".join(title.split()) if is_real_title(title) else None
    link = first_url(url) or (None if title else first_url(raw_title))
    date = iso_date(date)
    aid = arxiv_id(url) or arxiv_id(link)
    if aid:
        return PaperRef(aid, title, link or f"https://arxiv.org/abs/{aid}", date, True)
    if title:
        return PaperRef(title_paper_id(title), title, link, date, True)
    if link:
        key = re.sub(r"^https?://(www\.)?", "", link.lower()).rstrip("/")
        parts = (key, (method or "").lower(), date) if is_home_page(link) else (key,)
        return PaperRef("u-" + stable_id(*parts, length=12), None, link, date, True)
    if method:
        return PaperRef("m-" + stable_id(method.lower(), date, length=12), None, None, date, False)
    return PaperRef("r-" + stable_id(row_key, length=12), None, None, date, False)


@dataclass(slots=True)
class Namer:
    """The shared normalisation (leaderboard.normalise) with results memoised per name for one import."""

    vocab: Vocabulary
    _benchmarks: dict[str, Canonical] = field(default_factory=dict)
    _metrics: dict[str, MetricName] = field(default_factory=dict)
    _methods: dict[str, MethodName] = field(default_factory=dict)
    _tasks: dict[tuple, str | None] = field(default_factory=dict)
    _labels: re.Pattern | None = None

    def role(self, name: str) -> tuple[str, bool | None]:
        """ROLE-LABEL: a leading label of a row's role before a colon ("Baseline : Lead-3") names a baseline
        the paper reports, not a system of its own: ("Lead-3", False). Other names are returned as they are, with
        None (their role is not said). The labels are grammar rows `baseline_label,<label>,`."""
        if self._labels is None:
            labels = sorted((p for k, p, _ in self.vocab.grammar if k == "baseline_label"), key=len, reverse=True)
            alt = "|".join(r"\s+".join(map(re.escape, label.split())) for label in labels) or r"(?!x)x"
            self._labels = re.compile(rf"^\s*(?:{alt})\s*[:：]\s*(?P<name>\S.*)$", re.IGNORECASE)
        m = self._labels.match(name)
        return (m.group("name").strip(), False) if m else (name, None)

    def benchmark(self, name: str) -> Canonical:
        if name not in self._benchmarks:
            self._benchmarks[name] = canonical_benchmark(name, self.vocab)
        return self._benchmarks[name]

    def metric(self, name: str) -> MetricName:
        if name not in self._metrics:
            self._metrics[name] = canonical_metric(name, self.vocab)
        return self._metrics[name]

    def method(self, name: str) -> MethodName:
        if name not in self._methods:
            self._methods[name] = canonical_method(name, self.vocab)
        return self._methods[name]

    def task(self, task_path: list[str], benchmark: Canonical) -> str | None:
        key = (*task_path, "\x1f", benchmark)
        if key not in self._tasks:
            self._tasks[key] = task_subset(task_path, benchmark, self.vocab)
        return self._tasks[key]


def source_tag(kind: str, path: Path) -> str:
    """The `results.source` of an import: "pwc:squad.json", "csv:my_results.csv"."""
    return f"{kind}:{path.name}"


@dataclass(frozen=True, slots=True)
class Names:
    """The normalised names of one imported result."""

    method: MethodName | None
    benchmark: Canonical
    benchmark_raw: str
    metric: MetricName
    metric_raw: str
    subset: str | None
    is_own_method: bool | None = None  # False: the row is a baseline the paper reports (Namer.role)


def imported_result(
    ref: PaperRef, names: Names, cell: CellValue, *, source: str, extractor: str, evidence: str, result_id: str
) -> Result:
    """One imported number as a `results` row (no text offsets: it comes from a table, not an abstract)."""
    method = names.method
    rules = {"result": extractor}
    if names.is_own_method is not None:
        rules["is_own_method"] = "import.role_label"
    return Result(
        paper_id=ref.paper_id,
        value=cell.value,
        value_text=cell.text,
        kind="absolute",
        method=method.name if method else None,
        method_norm=method.norm if method else None,
        is_own_method=names.is_own_method,
        benchmark=names.benchmark.name,
        benchmark_raw=names.benchmark_raw,
        benchmark_known=names.benchmark.known,
        subset=names.subset,
        metric=names.metric.name,
        metric_raw=names.metric_raw,
        unit=cell.unit or names.metric.unit,
        higher_is_better=names.metric.higher_is_better,
        spread=cell.spread,
        qualifier=cell.qualifier,
        evidence=evidence,
        confidence=IMPORT_CONFIDENCE,
        confident=True,  # a curated leaderboard's number, not an extracted guess: never hidden as unsure
        extractor=extractor,
        rules=json.dumps(rules, separators=(",", ":")),  # the importer decided every field
        source=source,
        title=ref.title,
        result_id=result_id,
    )
