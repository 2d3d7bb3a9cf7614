"""Run a command and measure it: wall time, peak RSS of its whole process tree, CPU of the main process and
of its descendants. Uses psutil when installed, else /proc sampling (Linux), else getrusage (peak of the
largest single process only).
"""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

try:
    import psutil
except ImportError:  # pragma: no cover - depends on the machine
    psutil = None

SAMPLE_SECONDS = 0.1
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass(slots=True)
class Measured:
    """What one run cost."""

    seconds: float
    peak_rss: int  # bytes, sum over the process tree at its largest sample
    cpu_main: float  # seconds of CPU in the command's own process
    cpu_children: float  # seconds of CPU in its descendants (worker processes)
    method: str  # how peak_rss was measured
    returncode: int = 0
    stdout: str = ""
    stderr: str = ""


@dataclass(slots=True)
class _Tree:
    """Per-process samples: the largest tree RSS seen, and each process's latest CPU seconds."""

    peak: int = 0
    cpu: dict[int, float] = field(default_factory=dict)


def _proc_tree(root: int) -> dict[int, tuple[int, float]]:
    """{pid: (rss bytes, cpu seconds)} for root and its descendants, read from /proc."""
    parents: dict[int, int] = {}
    stats: dict[int, tuple[int, float]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                raw = fh.read().decode("utf-8", "replace")
        except OSError:
            continue
        rest = raw[raw.rfind(")") + 2 :].split()
        pid = int(entry)
        parents[pid] = int(rest[1])
        stats[pid] = (int(rest[21]) * _PAGE, (int(rest[11]) + int(rest[12])) / _TICKS)
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        for pid, ppid in parents.items():
            if ppid == parent and pid not in tree:
                tree.add(pid)
                frontier.append(pid)
    return {pid: stats[pid] for pid in tree if pid in stats}


def _sample(root: int) -> dict[int, tuple[int, float]]:
    if psutil is None:
        return _proc_tree(root)
    out = {}
    try:
        procs = [psutil.Process(root)]
        procs += procs[0].children(recursive=True)
    except psutil.Error:
        return out
    for p in procs:
        try:
            t = p.cpu_times()
            out[p.pid] = (p.memory_info().rss, t.user + t.system)
        except psutil.Error:
            continue
    return out


def run_measured(cmd: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Measured:
    """Run `cmd` to completion while sampling its process tree every SAMPLE_SECONDS."""
    method = "psutil" if psutil is not None else ("/proc" if os.path.isdir("/proc") else "getrusage")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tree = _Tree()
    done = threading.Event()

    def sampler() -> None:
        while not done.is_set():
            if method != "getrusage":
                snap = _sample(proc.pid)
                tree.peak = max(tree.peak, sum(rss for rss, _ in snap.values()))
                for pid, (_, cpu) in snap.items():
                    tree.cpu[pid] = max(tree.cpu.get(pid, 0.0), cpu)
            done.wait(SAMPLE_SECONDS)

    thread = threading.Thread(target=sampler, daemon=True)
    thread.start()
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    thread.join()
    cpu_main = tree.cpu.get(proc.pid, 0.0)
    cpu_children = sum(c for pid, c in tree.cpu.items() if pid != proc.pid)
    if method == "getrusage":  # no per-process view: all CPU counts as the main process's
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        tree.peak = usage.ru_maxrss * 1024  # the largest single process so far, not the tree's sum
        cpu_main = usage.ru_utime + usage.ru_stime - before.ru_utime - before.ru_stime
        cpu_children = 0.0
    return Measured(seconds, tree.peak, cpu_main, cpu_children, method, proc.returncode, out, err)
