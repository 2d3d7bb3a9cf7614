"""Imported by the extraction workers' fork server only (`workers.PRELOAD`): builds the shipped-vocabulary
extractor once in the server, so every worker forked from it starts with it (see `parallel._init_worker`)."""

from __future__ import annotations

from leaderboard.parallel import prebuild_shipped

prebuild_shipped()
