"""Reader of papers' LaTeX sources (format `latex`): result tables cell by cell, plus title and abstract.

Accepted: an arXiv source tarball (.tar.gz, .tgz, .tar, or arXiv's extension-less download), a gzipped
single .tex (arXiv serves one-file papers so), a .tex file, or a paper's folder (its .tex files; a .tex
that does not begin a document is read through the main file's \\input/\\include, not on its own). Tarballs
are streamed member by member, never unpacked to disk; one paper is held in memory at a time.

The paper id is the arXiv id in the file or folder name ("2010.11929.tar.gz", "2010.11929v2/main.tex" ->
"2010.11929"), so table rows meet the rows of the paper's abstract; else "tex-" and a hash of the path.
Every table environment (table, table*, sidewaystable, wraptable) is parsed (tables/parse.py) and read as
results (tables/results.py); a table that cannot be read becomes a Rejected naming the file and line, and
every table, read or skipped, a `tables` row with its reason.
"""

from __future__ import annotations

import gzip
import io
import re
import tarfile
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cache, partial
from itertools import islice
from multiprocessing import get_context
from pathlib import Path, PurePosixPath

from pylatexenc.latex2text import LatexNodes2Text
from pylatexenc.latexwalker import LatexWalker

from leaderboard.extract.vocab import Vocabulary, load_vocabulary
from leaderboard.models import Paper, Rejected, Result
from leaderboard.sources.imported import Namer
from leaderboard.tables.context import PaperContext, load_cues
from leaderboard.tables.macros import collect_macros
from leaderboard.tables.parse import TableError, parse_table
from leaderboard.tables.records import LatexTable, ResultCell
from leaderboard.tables.render import Renderer
from leaderboard.tables.results import table_items

Item = Paper | Result | Rejected | LatexTable | ResultCell
TEX_SUFFIXES = (".tex", ".ltx")
ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".tar", ".tar.bz2", ".tex.gz")
# Files a paper's folder or tarball also holds: read as part of the paper (they yield nothing on their own).
COMPANION_SUFFIXES = (".bib", ".bbl", ".sty", ".cls", ".bst", ".png", ".jpg", ".jpeg", ".pdf", ".eps", ".svg")
COMPANION_SUFFIXES += (".pgf", ".tikz", ".aux", ".log", ".out", ".blg", ".toc", ".fig", ".gif", ".ps", ".xbb")
MAX_FILE = 8 << 20  # a .tex bigger than this is not read (generated data, not prose)
MAX_DEPTH = 10
READ_ERRORS = (OSError, EOFError, zlib.error, tarfile.TarError)
_ARXIV = re.compile(r"^(?:arxiv[:_-]?)?(?P<id>\d{4}\.\d{4,5})(?:v\d+)?$", re.IGNORECASE)
_COMMENT = re.compile(r"(?<!\\)%.*$", re.MULTILINE)
_INPUT = re.compile(r"\\(?:input|include|subfile)\s*(?:\{(?P<braced>[^{}]+)\}|(?P<bare>[\w./-]+))")
_DOCUMENT = re.compile(r"\\documentclass|\\begin\s*\{document\}")
_FLOATS = r"table\*?|sidewaystable\*?|wraptable"
_BEGIN = re.compile(rf"\\begin\s*\{{(?P<env>{_FLOATS})\}}")
_TITLE = re.compile(r"\\title\s*(?:\[[^\]]*\]\s*)?(?=\{)")
_ABSTRACT = re.compile(r"\\begin\s*\{abstract\}(?P<body>.*?)\\end\s*\{abstract\}", re.DOTALL)
_MODEL_NAME = re.compile(r"^\s*(?P<name>[A-Z][\w\-.+]{1,30}(?:\s[\w\-.+]{1,15})?)\s*:")


def is_latex_name(path: Path) -> bool:
    """A name only LaTeX sources have: .tex, a source archive, or a paper's companion file."""
    name = path.name.lower()
    return name.endswith(TEX_SUFFIXES + ARCHIVE_SUFFIXES + COMPANION_SUFFIXES)


def looks_like_latex(head: bytes) -> bool:
    """First (decompressed) bytes of a tar archive or of LaTeX text."""
    if head[257:262] == b"ustar":
        return True
    text = head[:4096].lstrip()
    return text.startswith((b"\\documentclass", b"%", b"\\begin{", b"\\section")) and b"\\" in text[:200]


def paper_id_for(path: Path) -> str | None:
    """The arXiv id in the file's name or a folder above it, version dropped; None when there is none."""
    for part in [path, *path.parents][:4]:
        name = part.name
        for suffix in (*ARCHIVE_SUFFIXES, ".gz", *TEX_SUFFIXES):
            name = name.removesuffix(suffix)
        m = _ARXIV.match(name)
        if m:
            return m.group("id")
    return None


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _tar_files(path: Path, fileobj: io.BufferedIOBase | None = None) -> dict[str, str]:
    """The .tex members of a tarball, streamed (mode r|*): no seeking, nothing written to disk."""
    out: dict[str, str] = {}
    with tarfile.open(path if fileobj is None else None, mode="r|*", fileobj=fileobj) as tar:
        for member in tar:
            name = PurePosixPath(member.name)
            if member.isfile() and name.suffix.lower() in TEX_SUFFIXES and member.size <= MAX_FILE:
                fh = tar.extractfile(member)
                if fh is not None:
                    out[str(name).removeprefix("./")] = _decode(fh.read())
    return out


def _files_of(path: Path) -> tuple[dict[str, str], str | None]:
    """The paper's .tex files by name, and the name of the file given (None for an archive)."""
    name = path.name.lower()
    with open(path, "rb") as fh:
        head = fh.read(2)
    if head == b"\x1f\x8b" and not name.endswith(".tar.gz") and not name.endswith(".tgz"):
        with gzip.open(path, "rb") as gz:
            data = gz.read(MAX_FILE + 1)
        if data[257:262] == b"ustar":
            return _tar_files(path, io.BytesIO(data)), None
        return {path.name.removesuffix(".gz").removesuffix(".tex") + ".tex": _decode(data[:MAX_FILE])}, None
    if name.endswith(TEX_SUFFIXES):
        root = _paper_root(path)
        files = {}
        for tex in sorted(root.rglob("*.tex"))[:500]:
            if tex.is_file() and tex.stat().st_size <= MAX_FILE:
                files[tex.relative_to(root).as_posix()] = _decode(tex.read_bytes())
        return files, path.relative_to(root).as_posix()
    return _tar_files(path), None


def _paper_root(path: Path) -> Path:
    """The folder of the paper a .tex belongs to: the nearest folder above it (up to 3 levels, not past a folder
    named by an arXiv id) holding a file that begins a document; else the file's own folder."""
    for folder in list(path.parents)[:3]:
        for tex in sorted(folder.glob("*.tex"))[:50]:
            with open(tex, "rb") as fh:
                if _DOCUMENT.search(_decode(fh.read(65536))):
                    return folder
        if _ARXIV.match(folder.name):
            break
    return path.parent


def _strip_comments(text: str) -> str:
    return _COMMENT.sub("", text)


def _main_file(files: dict[str, str], given: str | None) -> str | None:
    """The file that begins the document: the one given when it does, else the best candidate."""
    mains = [n for n, t in files.items() if _DOCUMENT.search(t)]
    if given is not None:
        return given if given in mains or not mains else None
    if not mains:
        return None
    return max(mains, key=lambda n: ("\\begin{document}" in files[n], n.count("/") == 0, len(files[n])))


def _chunks(
    files: dict[str, str], main: str, seen: set[str] | None = None, depth: int = 0, line: int = 1
) -> Iterator[tuple[str, int, str]]:
    """(file, first line, text) pieces of the document in reading order: each \\input/\\include is replaced by
    the pieces of the file it names, in place (a float may \\input its tabular); cycles are cut."""
    seen = seen if seen is not None else set()
    seen.add(main)
    text = files[main]
    pos = 0
    for m in _INPUT.finditer(text):
        target = (m.group("braced") or m.group("bare") or "").strip()
        name = _resolve(files, main, target)
        if name is None or name in seen or depth >= MAX_DEPTH:
            continue
        yield main, line + text.count("\n", 0, pos), text[pos : m.start()]
        pos = m.end()
        yield from _chunks(files, name, seen, depth + 1)
    yield main, line + text.count("\n", 0, pos), text[pos:]


def _resolve(files: dict[str, str], current: str, target: str) -> str | None:
    for base in ("", str(PurePosixPath(current).parent) + "/"):
        for cand in (target, target + ".tex"):
            key = str(PurePosixPath(base + cand)).removeprefix("./")
            if key in files:
                return key
    return None


def _tables(text: str) -> Iterator[tuple[int, str]]:
    """(offset, LaTeX) of each table float, matched with its own \\end (nested floats of the same name counted)."""
    pos = 0
    while True:
        m = _BEGIN.search(text, pos)
        if m is None:
            return
        env = re.escape(m.group("env"))
        tokens = re.compile(rf"\\(?P<kind>begin|end)\s*\{{{env}\}}")
        depth, end = 0, None
        for t in tokens.finditer(text, m.start()):
            depth += 1 if t.group("kind") == "begin" else -1
            if depth == 0:
                end = t.end()
                break
        if end is None:
            yield m.start(), text[m.start() :]
            return
        yield m.start(), text[m.start() : end]
        pos = end


def _plain(latex: str) -> str:
    try:
        return " ".join(LatexNodes2Text(math_mode="text").latex_to_text(latex).split())
    except Exception:  # noqa: BLE001 - pylatexenc fails in many ways on broken input; the text is left out
        return ""


def _title(text: str) -> str:
    m = _TITLE.search(text)
    if not m:
        return ""
    try:
        group, _, _ = LatexWalker(text, tolerant_parsing=True).get_latex_expression(m.end())
    except Exception:  # noqa: BLE001 - as in _plain
        return ""
    return _plain(group.latex_verbatim()[1:-1]).replace("\\\\", " ")


def read_latex(path: Path, vocab: Vocabulary | None = None) -> Iterator[Item]:
    """Stream one paper's title/abstract record, results, cell and table records and rejections."""
    if not path.name.lower().endswith(TEX_SUFFIXES + ARCHIVE_SUFFIXES) and not _is_source(path):
        return  # a companion file (.bib, .sty, figures): read with the paper, nothing of its own
    try:
        files, given = _files_of(path)
    except (tarfile.TarError, EOFError, gzip.BadGzipFile) as exc:
        yield Rejected(str(path), None, f"cannot read LaTeX source: {exc}", stage="read")
        return
    main = _main_file(files, given)
    if given is not None and main is None:
        return  # a part of a paper whose main file reads it through \input
    clean = {n: _strip_comments(t) for n, t in files.items()}
    chunks = list(_chunks(clean, main)) if main else [(n, 1, t) for n, t in sorted(clean.items())]
    yield from _paper(path, chunks, vocab or load_vocabulary())


def read_through_main(path: Path) -> bool:
    """A file of a paper's folder that its main .tex reads (a companion such as .bib or a figure, or a .tex
    that is not the main one): it loads nothing on its own, and that is not a problem."""
    name = path.name.lower()
    if name.endswith(COMPANION_SUFFIXES):
        return True
    if not name.endswith(TEX_SUFFIXES):
        return False
    with open(path, "rb") as fh:
        if _DOCUMENT.search(_decode(fh.read(65536))):
            return False
    return _paper_root(path) != path.parent or any(
        t != path and _DOCUMENT.search(_decode(t.read_bytes()[:65536])) for t in path.parent.glob("*.tex")
    )


def _is_source(path: Path) -> bool:
    with open(path, "rb") as fh:
        head = fh.read(2)
    if head != b"\x1f\x8b":
        return False
    with gzip.open(path, "rb") as gz:
        return looks_like_latex(gz.read(4096))


def _where(chunks: list[tuple[str, int, str]], offset: int) -> tuple[str, int]:
    """The file and line of an offset into the joined pieces."""
    for file, line, text in chunks:
        if offset < len(text):
            return file, line + text.count("\n", 0, offset)
        offset -= len(text)
    return chunks[-1][0], chunks[-1][1]


def _paper(path: Path, chunks: list[tuple[str, int, str]], vocab: Vocabulary) -> Iterator[Item]:
    whole = "".join(t for _, _, t in chunks)
    paper_id = paper_id_for(path) or _hashed_id(path)
    title = _title(whole)
    m = _ABSTRACT.search(whole)
    abstract = _plain(m.group("body")) if m else ""
    aid = paper_id_for(path)
    url = f"https://arxiv.org/abs/{aid}" if aid else None
    # a source without \title (or with an empty one) is still a paper: its rows need a `papers` row to link to
    yield Paper(paper_id, title or path.name, abstract, url=url, source_file=str(path))
    macros = collect_macros(whole)
    name = _MODEL_NAME.match(title)
    own = ((name.group("name"),) if name else ()) + tuple(
        body for key, body in macros.plain_names().items() if key.lower() in {"ours", "method", "ourmethod", "model"}
    )
    ctx = PaperContext(paper_id, str(path), Namer(vocab), load_cues(), own)
    renderer = None
    for number, (offset, latex) in enumerate(_tables(whole), start=1):
        file, line = _where(chunks, offset)
        renderer = renderer or Renderer(macros)
        yield from _one_table(ctx, path, file, line, number, latex, renderer)


def _one_table(
    ctx: PaperContext, path: Path, file: str, line: int, number: int, latex: str, renderer: Renderer
) -> Iterator[Item]:
    try:
        parsed = parse_table(latex, renderer=renderer)
    except TableError as exc:
        yield Rejected(str(path), line, f"{file}:{line}: table {number}: {exc}", latex[:200], stage="import")
        yield LatexTable(ctx.paper_id, ctx.source_file, file, number, 0, None, "", 0, 0, 0, "unreadable", str(exc),
                         "[]", latex[:20_000])  # fmt: skip
        return
    for table in parsed:
        yield from table_items(ctx, file, number, table)


def _hashed_id(path: Path) -> str:
    """The id of a paper without an arXiv name: from its file name and folder name (not the absolute path, so
    the id survives moving the folder)."""
    from leaderboard.models import stable_id

    return "tex-" + stable_id(path.parent.name, path.name, length=12)


READ_AHEAD_PER_WORKER = 4  # papers in flight per worker: keeps workers busy while bounding memory


@cache
def _worker_vocab(vocab_files: tuple[Path, ...]) -> Vocabulary:
    """The vocabulary of a reading process: loaded once per process."""
    return load_vocabulary(list(vocab_files))


def _read_all(path: Path, vocab_files: tuple[Path, ...]) -> list[Item]:
    try:
        return list(read_latex(path, _worker_vocab(vocab_files)))
    except READ_ERRORS as exc:
        return [Rejected(str(path), None, f"cannot read file: {exc}", stage="read")]


def read_ahead(files: Iterable[tuple[Path, str, Callable]], vocab_files: list[Path], workers: int) -> Iterator[tuple]:
    """The same (path, format, reader) triples, in order; LaTeX sources are read ahead in a spawn process pool
    (a bounded number of papers in flight) and their readers replay the items. Other formats pass through."""
    files = list(files)
    latex_paths = [p for p, fmt, _ in files if fmt == "latex"]
    if workers <= 1 or len(latex_paths) < 2 * workers:
        yield from files
        return
    key = tuple(vocab_files)
    with get_context("spawn").Pool(workers, _worker_vocab, (key,)) as pool:
        pending: deque = deque()
        queue = iter(latex_paths)
        for p in islice(queue, READ_AHEAD_PER_WORKER * workers):
            pending.append(pool.apply_async(_read_all, (p, key)))
        for path, fmt, reader in files:
            if fmt != "latex":
                yield path, fmt, reader
                continue
            items = pending.popleft().get()
            nxt = next(queue, None)
            if nxt is not None:
                pending.append(pool.apply_async(_read_all, (nxt, key)))
            yield path, fmt, partial(_replay, items)


def _replay(items: list[Item], _path: Path) -> Iterator[Item]:
    return iter(items)
