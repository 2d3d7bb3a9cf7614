"""Sources: one streaming reader per input format, plus format detection (detect.py)."""

from leaderboard.sources.detect import FORMATS, detect_format, iter_files, read_sources, source_files
from leaderboard.sources.jsonl import ArxivFilter

__all__ = ["FORMATS", "ArxivFilter", "detect_format", "iter_files", "read_sources", "source_files"]
