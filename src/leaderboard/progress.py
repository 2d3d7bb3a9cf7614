"""Build progress: a tqdm bar on a terminal, plain periodic log lines otherwise."""

from __future__ import annotations

import sys
import time

from tqdm import tqdm

LOG_EVERY_SECONDS = 10.0


class Progress:
    """Counts records, rejections and results; shows them live without slowing the build."""

    def __init__(self, enabled: bool = True, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.records = self.rejected = self.results = 0
        self.started = time.monotonic()
        self._last_log = self.started
        self._bar: tqdm | None = None

    def __enter__(self) -> Progress:
        if self.enabled and self.stream.isatty():
            self._bar = tqdm(file=self.stream, unit=" records", dynamic_ncols=True, mininterval=0.5)
        return self

    def __exit__(self, *exc) -> None:
        if self._bar is not None:
            self._bar.close()

    def _postfix(self) -> str:
        return f"results={self.results:,} rejected={self.rejected:,}"

    def add_records(self, n: int, rejected: int = 0) -> None:
        self.records += n
        self.rejected += rejected
        if self._bar is not None:
            self._bar.update(n)
            self._bar.set_postfix_str(self._postfix(), refresh=False)
        elif self.enabled:
            now = time.monotonic()
            if now - self._last_log >= LOG_EVERY_SECONDS:
                self._last_log = now
                rate = self.records / max(now - self.started, 1e-9)
                print(f"… {self.records:,} records ({rate:,.0f}/s), {self._postfix()}", file=self.stream)

    def add_results(self, n: int) -> None:
        self.results += n
