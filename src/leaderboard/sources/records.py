"""Turning one raw input record (a dict from JSON, CSV, ...) into a Paper, or a Rejected with the reason."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from leaderboard.models import Paper, Rejected, clean_text, has_surrogates, title_paper_id, truncate

MAX_ABSTRACT_CHARS = 100_000
MAX_TITLE_CHARS = 2_000
MAX_FIELD_CHARS = 10_000  # id, url, authors, categories

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_JSON_TYPES = {"str": "string", "list": "array", "dict": "object", "int": "number", "float": "number",
               "bool": "boolean", "NoneType": "null"}  # fmt: skip


def json_type(value: object) -> str:
    """The JSON name of a decoded value's type ("string", "array", ...)."""
    name = type(value).__name__
    return _JSON_TYPES.get(name, name)


def json_escapes(text: str) -> bool:
    """Whether JSON text may decode to a NUL or a lone surrogate: only a `\\u` escape can produce either (a
    raw control character is invalid JSON, and text decoded from UTF-8 holds no surrogate)."""
    return "\\u" in text


# The ASCII characters str.split() and \s take for whitespace, each mapped to a space (bytes.translate).
_ASCII_SPACES = bytes.maketrans(b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f", b" " * 9)


def squash_ws(text: str) -> str:
    """Collapse runs of whitespace (hard line breaks, indentation) into single spaces, strip the ends.

    The same as `" ".join(text.split())` (str.split() splits on exactly what \\s matches). ASCII text (nearly
    every abstract; `isascii` is O(1)) takes C-level byte passes instead: whitespace to spaces, then double
    spaces halved until none is left; 2.7x faster on snapshot abstracts (tests/test_properties_readers.py).
    """
    if not text.isascii():
        return " ".join(text.split())
    data = text.encode("ascii").translate(_ASCII_SPACES).strip(b" ")
    while b"  " in data:
        data = data.replace(b"  ", b" ")
    return data.decode("ascii")


def iso_date(value: object) -> str | None:
    """An ISO date "YYYY-MM-DD" from a string that starts with one, else None."""
    if not isinstance(value, str):
        return None
    m = _DATE.match(value.strip())
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:  # 2020-02-31
        return None


def _text_field(record: Mapping, name: str, limit: int, escaped: bool = True) -> str | Rejected | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        return Rejected("", None, f"field '{name}' is a {json_type(value)}, not a string")
    if escaped and "\x00" in value:
        return Rejected("", None, f"field '{name}' contains a NUL byte")
    if escaped and has_surrogates(value):
        return Rejected("", None, f"field '{name}' is not valid Unicode (lone surrogate)")
    if len(value) > limit:
        return Rejected("", None, f"field '{name}' is {len(value):,} characters (limit {limit:,})")
    return value


def _optional_field(record: Mapping, name: str, escaped: bool = True) -> str | None:
    """An optional metadata string: kept when it is a clean string, else dropped (never fatal)."""
    value = record.get(name)
    if not isinstance(value, str) or len(value) > MAX_FIELD_CHARS:
        return None
    return clean_text(value) if escaped else value


def record_to_paper(
    record: object,
    source_file: str,
    line: int,
    raw: str | None = None,
    normalise_ws: bool = True,
    escaped: bool = True,
) -> Paper | Rejected:
    """Validate one decoded record (a mapping with id/title/abstract and optional metadata).

    `escaped=False` says the record was decoded from JSON text without `\\u` escapes (see `json_escapes`):
    its strings then hold no NUL and no lone surrogate, and are not searched for them.
    """

    def reject(reason: str) -> Rejected:
        return Rejected(source_file, line, reason, truncate(raw))

    if not isinstance(record, Mapping):
        return reject(f"record is a JSON {json_type(record)}, not an object")
    fields: dict[str, str | None] = {}
    for name, limit in (("title", MAX_TITLE_CHARS), ("abstract", MAX_ABSTRACT_CHARS)):
        value = _text_field(record, name, limit, escaped)
        if isinstance(value, Rejected):
            return reject(value.reason)
        if not value or value.isspace():  # (no stripped copy of the abstract to test it)
            return reject(f"missing or empty '{name}'")
        fields[name] = squash_ws(value) if normalise_ws else value.strip()
    raw_id = record.get("id", record.get("paper_id"))
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        return reject(f"field 'id' is a {json_type(raw_id)}, not a string or integer")
    if isinstance(raw_id, str):
        bad_id = _text_field(record, "id" if "id" in record else "paper_id", 1_000, escaped)
        if isinstance(bad_id, Rejected):
            return reject(bad_id.reason)
    paper_id = str(raw_id).strip() if raw_id is not None and str(raw_id).strip() else None
    title = fields["title"] or ""
    authors = record.get("authors")
    if isinstance(authors, list):
        authors = ", ".join(a for a in authors if isinstance(a, str))
    return Paper(
        paper_id=paper_id or title_paper_id(title),
        title=title,
        abstract=fields["abstract"] or "",
        published=iso_date(record.get("date") or record.get("published")),
        url=_optional_field(record, "url", escaped),
        authors=_optional_field({"authors": authors}, "authors", escaped),
        categories=_optional_field(record, "categories", escaped),
        source_file=source_file,
        source_line=line,
    )
