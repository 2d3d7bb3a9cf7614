"""Build progress: a tqdm bar on a terminal, plain periodic log lines otherwise.

Both show records, results, rejections, the record rate and an ETA from the bytes of input done so far
against the input's total size.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING, TextIO

from tqdm import tqdm

if TYPE_CHECKING:
    from leaderboard.parallel import Chunk

LOG_EVERY_SECONDS = 10.0


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class Progress:
    """Counts records, rejections and results; shows them live without slowing the build."""

    def __init__(
        self,
        enabled: bool = True,
        stream: TextIO | None = None,
        total_bytes: int = 0,
        log_every: float = LOG_EVERY_SECONDS,
        tty: bool | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.total_bytes = total_bytes
        self.log_every = log_every
        self.tty = self.stream.isatty() if tty is None else tty
        self.records = self.rejected = self.results = self.skipped = self.bytes_done = 0
        self.started = time.monotonic()
        self._last_log = self.started
        self._bar: tqdm | None = None

    def __enter__(self) -> Progress:
        if self.enabled and self.tty:
            self._bar = tqdm(
                file=self.stream,
                total=self.total_bytes or None,
                unit="B",
                unit_scale=True,
                unit_divisor=1024,
                dynamic_ncols=True,
                mininterval=0.5,
                bar_format="{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}{postfix}]",
            )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def rate(self) -> float:
        """Records per second so far."""
        return self.records / max(time.monotonic() - self.started, 1e-9)

    def eta(self) -> float | None:
        """Seconds left, from the share of input bytes done; None before anything is done."""
        if not self.total_bytes or not self.bytes_done:
            return None
        elapsed = time.monotonic() - self.started
        return max(elapsed * (self.total_bytes - self.bytes_done) / self.bytes_done, 0.0)

    def _postfix(self) -> str:
        skipped = f" skipped={self.skipped:,}" if self.skipped else ""
        return (
            f"records={self.records:,} ({self.rate():,.0f}/s) results={self.results:,} "
            f"rejected={self.rejected:,}{skipped}"
        )

    def line(self) -> str:
        """The plain log line: share done, counts, rate, ETA."""
        done = ""
        if self.total_bytes:
            share = min(self.bytes_done / self.total_bytes, 1.0)
            done = f"{share:.0%} of {self.total_bytes / 2**20:,.0f} MiB, "
        eta = self.eta()
        return f"… {done}{self._postfix()}" + (f", ETA {_duration(eta)}" if eta is not None else "")

    def update(self, chunk: Chunk) -> None:
        """Count one finished chunk of input."""
        self.add(chunk.records, chunk.results.num_rows, chunk.rejected.num_rows, chunk.skipped, chunk.nbytes)

    def add(self, records: int, results: int = 0, rejected: int = 0, skipped: int = 0, nbytes: int = 0) -> None:
        self.records += records
        self.results += results
        self.rejected += rejected
        self.skipped += skipped
        self.bytes_done += nbytes
        if self._bar is not None:
            self._bar.set_postfix_str(self._postfix(), refresh=False)
            self._bar.update(nbytes)
        elif self.enabled:
            now = time.monotonic()
            if now - self._last_log >= self.log_every:
                self._last_log = now
                print(self.line(), file=self.stream, flush=True)

    def add_results(self, n: int) -> None:
        self.add(0, results=n)

    def note(self, what: str) -> None:
        """Say what the build does after the input is read (e.g. finalizing), in the bar or as a log line."""
        if self._bar is not None:
            self._bar.set_description_str(what)
            self._bar.refresh()
        elif self.enabled and time.monotonic() - self.started >= self.log_every:
            print(f"… {what} ({self.records:,} records read)", file=self.stream, flush=True)
