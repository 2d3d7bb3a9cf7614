"""Turning one raw input record (a dict from JSON, CSV, ...) into a Paper, or a Rejected with the reason."""

from __future__ import annotations

import re
from collections.abc import Mapping

from leaderboard.models import Paper, Rejected, title_paper_id

MAX_ABSTRACT_CHARS = 100_000
MAX_TITLE_CHARS = 2_000
RAW_KEEP_CHARS = 500

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def squash_ws(text: str) -> str:
    """Collapse runs of whitespace (hard line breaks, indentation) into single spaces."""
    return " ".join(text.split())  # str.split() splits on exactly what \s matches, and is ~10x faster


def truncate(raw: str | None, limit: int = RAW_KEEP_CHARS) -> str | None:
    """Keep the start of an offending record for the `rejected` table."""
    if raw is None:
        return None
    return raw if len(raw) <= limit else raw[:limit] + "…"


def iso_date(value: object) -> str | None:
    """An ISO date "YYYY-MM-DD" from a string that starts with one, else None."""
    if not isinstance(value, str):
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not (1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _text_field(record: Mapping, name: str, limit: int) -> str | Rejected | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        return Rejected("", None, f"field '{name}' is {type(value).__name__}, not a string")
    if "\x00" in value:
        return Rejected("", None, f"field '{name}' contains a NUL byte")
    if len(value) > limit:
        return Rejected("", None, f"field '{name}' is {len(value):,} characters (limit {limit:,})")
    return value


def record_to_paper(
    record: object,
    source_file: str,
    line: int,
    raw: str | None = None,
    normalise_ws: bool = True,
) -> Paper | Rejected:
    """Validate one decoded record (a mapping with id/title/abstract and optional metadata)."""

    def reject(reason: str) -> Rejected:
        return Rejected(source_file, line, reason, truncate(raw))

    if not isinstance(record, Mapping):
        return reject(f"record is a JSON {type(record).__name__}, not an object")
    fields: dict[str, str | None] = {}
    for name, limit in (("title", MAX_TITLE_CHARS), ("abstract", MAX_ABSTRACT_CHARS)):
        value = _text_field(record, name, limit)
        if isinstance(value, Rejected):
            return reject(value.reason)
        if value is None or not value.strip():
            return reject(f"missing or empty '{name}'")
        fields[name] = squash_ws(value) if normalise_ws else value.strip()
    raw_id = record.get("id", record.get("paper_id"))
    if raw_id is not None and not isinstance(raw_id, str | int):
        return reject(f"field 'id' is {type(raw_id).__name__}, not a string")
    paper_id = str(raw_id).strip() if raw_id is not None and str(raw_id).strip() else None
    title = fields["title"] or ""
    authors = record.get("authors")
    if isinstance(authors, list):
        authors = ", ".join(str(a) for a in authors if isinstance(a, str))
    return Paper(
        paper_id=paper_id or title_paper_id(title),
        title=title,
        abstract=fields["abstract"] or "",
        published=iso_date(record.get("date") or record.get("published")),
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        authors=authors if isinstance(authors, str) else None,
        categories=record.get("categories") if isinstance(record.get("categories"), str) else None,
        source_file=source_file,
        source_line=line,
    )
