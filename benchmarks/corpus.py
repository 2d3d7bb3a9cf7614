"""Synthetic corpora in the arXiv metadata snapshot format, from recombined real sentences.

Sentences and titles come from the shipped seed listing (seeds/) and from any JSON Lines file under tests/data/
whose records carry an `abstract` (or a `title`). Each synthetic record recombines them, with numbers re-rolled
so values vary, and carries the snapshot's quirks: hard line breaks and indentation in title and abstract,
`versions` with RFC 2822 `created` dates (sometimes missing, so `update_date` is the fallback), `categories`,
`authors_parsed`. The same seed gives the same bytes.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_LISTING_HEADER = 5  # header lines of the seed listing (see tests/data/README.md)

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(])")
_DECIMAL = re.compile(r"(?<![\w.\-])(\d+)\.(\d+)")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CATEGORIES = (
    "cs.CL", "cs.LG", "cs.CV", "cs.AI", "cs.IR", "cs.RO", "cs.NE", "cs.SD", "stat.ML", "eess.AS", "eess.IV",
    "math.OC", "math.ST", "hep-th", "hep-ph", "astro-ph.GA", "quant-ph", "cond-mat.stat-mech", "q-bio.NC",
)  # fmt: skip
PREFIXES = ("Mega", "Tiny", "Deep", "Neo", "Fast")
SUFFIXES = ("Net", "Former", "LM", "Diff")
SURNAMES = (
    "Smith", "Wang", "Müller", "Kowalski", "Nguyen", "Garcia", "Ivanova", "Tanaka", "Okafor", "Dubois", "Rossi",
    "Kim", "Haddad", "Novak", "Silva", "Zhang", "O'Neil", "van der Berg", "Balázs", "Çelik",
)  # fmt: skip


_DIGIT = re.compile(r"\d")
# Corpus kinds: the share of an abstract's sentences that hold a digit (None: as the pool has them, ~18%, like
# recent ML abstracts; "dense": a third, like abstracts that report scores).
KINDS: dict[str, float | None] = {"realistic": None, "dense": 1 / 3}


@dataclass(frozen=True, slots=True)
class Pool:
    """The material records are recombined from."""

    sentences: tuple[str, ...]
    titles: tuple[str, ...]
    with_digits: tuple[str, ...] = ()  # the sentences that hold a digit
    without_digits: tuple[str, ...] = ()

    @classmethod
    def of(cls, sentences: tuple[str, ...], titles: tuple[str, ...]) -> Pool:
        digits = tuple(s for s in sentences if _DIGIT.search(s))
        return cls(sentences, titles, digits, tuple(s for s in sentences if not _DIGIT.search(s)))


def digit_share(path: Path) -> float:
    """The share of the sentences of a corpus's abstracts that hold a digit."""
    total = digits = 0
    with path.open("rb") as fh:
        for line in fh:
            for s in _split(json.loads(line)["abstract"]):
                total += 1
                digits += bool(_DIGIT.search(s))
    return digits / total if total else 0.0


def _split(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if len(s.strip()) > 20]


def load_pool(root: Path = ROOT) -> Pool:
    """Sentences and titles of the seed listing and of tests/data/*.jsonl records (when present)."""
    sentences: list[str] = []
    titles: list[str] = []
    for listing in sorted((root / "seeds").glob("*.txt")):
        lines = [ln.strip() for ln in listing.read_text(encoding="utf-8").splitlines() if ln.strip()]
        body = lines[SEED_LISTING_HEADER:]
        for i in range(0, len(body) - 1, 2):
            titles.append(body[i])
            sentences.extend(_split(body[i + 1]))
    for path in sorted((root / "tests" / "data").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and isinstance(record.get("abstract"), str):
                sentences.extend(_split(record["abstract"]))
            if isinstance(record, dict) and isinstance(record.get("title"), str):
                titles.append(" ".join(record["title"].split()))
    if not sentences:
        raise SystemExit(f"no sentences found under {root / 'seeds'}")
    return Pool.of(tuple(dict.fromkeys(sentences)), tuple(dict.fromkeys(titles)))


def _reroll(rng: random.Random, sentence: str) -> str:
    """Give decimals new digits (same shape) so recombined results do not all share values."""

    def repl(m: re.Match) -> str:
        whole = str(rng.randint(0, 10 ** len(m.group(1)) - 1)) if len(m.group(1)) > 1 else str(rng.randint(0, 9))
        frac = "".join(str(rng.randint(0, 9)) for _ in m.group(2))
        return f"{whole}.{frac}"

    return _DECIMAL.sub(repl, sentence)


def _rfc2822(day: date, rng: random.Random) -> str:
    return (
        f"{DAYS[day.weekday()]}, {day.day} {MONTHS[day.month - 1]} {day.year} "
        f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d} GMT"
    )


def _authors(rng: random.Random) -> tuple[str, list[list[str]]]:
    people = [(rng.choice(SURNAMES), f"{chr(65 + rng.randint(0, 25))}.") for _ in range(rng.randint(1, 6))]
    names = [f"{first} {last}" for last, first in people]
    text = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return text, [[last, first, ""] for last, first in people]


def _wrap(text: str, width: int, indent: str) -> str:
    """Hard line breaks as in the snapshot (a title's continuation lines are indented by two spaces)."""
    lines = re.findall(rf"(\S.{{0,{width - 1}}})(?:\s+|$)", text)
    return ("\n" + indent).join(lines)


def _sentences(rng: random.Random, pool: Pool, k: int, share: float | None) -> list[str]:
    """k distinct sentences: a plain sample of the pool, or each one holding a digit with probability `share`."""
    if share is None:
        return rng.sample(pool.sentences, k)
    with_digits = sum(rng.random() < share for _ in range(k))
    chosen = rng.sample(pool.with_digits, with_digits) + rng.sample(pool.without_digits, k - with_digits)
    rng.shuffle(chosen)
    return chosen


def make_record(rng: random.Random, pool: Pool, n: int, first: date, share: float | None = None) -> dict:
    """The n-th synthetic snapshot record; `share`: the probability that a sentence holds a digit (see KINDS)."""
    k = rng.choice((3, 4, 5, 5, 6, 6, 7, 8, 9))
    abstract = " ".join(_reroll(rng, s) for s in _sentences(rng, pool, k, share))
    title = rng.choice(pool.titles)
    if rng.random() < 0.3:  # "Name: ..." titles name the paper's own method
        title = f"{rng.choice(PREFIXES)}{rng.choice(SUFFIXES)}-{rng.randint(1, 99)}: {title}"
    created = first + timedelta(days=n * 5000 // 1_000_000 + rng.randint(0, 30))
    versions = [
        {"version": f"v{i + 1}", "created": _rfc2822(created + timedelta(days=30 * i), rng)}
        for i in range(rng.choice((1, 1, 1, 2, 3)))
    ]
    authors, parsed = _authors(rng)
    ident = f"{created:%y%m}.{n % 100000:05d}" if rng.random() < 0.97 else f"hep-th/{n % 10**7:07d}"
    record = {
        "id": ident,
        "submitter": parsed[0][1] + " " + parsed[0][0],
        "authors": authors,
        "title": _wrap(title, 70, "  "),
        "comments": f"{rng.randint(4, 40)} pages, {rng.randint(1, 12)} figures" if rng.random() < 0.7 else None,
        "journal-ref": None,
        "doi": None,
        "report-no": None,
        "categories": " ".join(rng.sample(CATEGORIES, rng.randint(1, 3))),
        "license": rng.choice((None, "http://arxiv.org/licenses/nonexclusive-distrib/1.0/")),
        "abstract": "  " + _wrap(abstract, 78, "") + "\n",
        "versions": versions,
        "update_date": (created + timedelta(days=rng.randint(0, 900))).isoformat(),
        "authors_parsed": parsed,
    }
    if rng.random() < 0.01:
        del record["versions"]  # rare in the snapshot: then update_date is the only date
    return record


def iter_lines(size: int, seed: int = 0, pool: Pool | None = None, kind: str = "realistic") -> Iterator[str]:
    """`size` JSON lines (without newline) of a deterministic synthetic snapshot of a kind of KINDS."""
    rng = random.Random(seed)
    pool = pool or load_pool()
    first = date(2007, 4, 2)
    for n in range(size):
        yield json.dumps(make_record(rng, pool, n, first, KINDS[kind]), ensure_ascii=False)


def corpus_name(size: int, seed: int = 0, kind: str = "realistic") -> str:
    """The file name of a corpus (realistic corpora keep the name they always had)."""
    return f"arxiv-{size}-seed{seed}" + ("" if kind == "realistic" else f"-{kind}") + ".jsonl"


def write_corpus(path: Path, size: int, seed: int = 0, kind: str = "realistic") -> Path:
    """Write (once: an existing complete file is reused) a corpus of `size` records of a kind to `path`."""
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as fh:
        buf: list[str] = []
        for line in iter_lines(size, seed, kind=kind):
            buf.append(line)
            if len(buf) >= 4096:
                fh.write("\n".join(buf) + "\n")
                buf.clear()
        if buf:
            fh.write("\n".join(buf) + "\n")
    tmp.replace(path)
    return path
