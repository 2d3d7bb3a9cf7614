"""How the command fails: user errors as one clear line; internal errors logged, never a raw traceback."""

from __future__ import annotations

import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

import click

from leaderboard.errors import Aborted, UserError
from leaderboard.settings import error_log_path


def log_internal_error(exc: BaseException) -> Path:
    path = error_log_path()
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"--- {datetime.now(UTC).isoformat(timespec='seconds')} {' '.join(sys.argv)}\n")
        fh.write("".join(traceback.format_exception(exc)))
    return path


def run_main(group: click.Group) -> None:
    """Run a click group; map every failure to a one-line message and a non-zero exit code."""
    try:
        group.main(standalone_mode=False)
    except UserError as exc:
        for line in str(exc).splitlines() or [""]:
            click.echo(f"error: {line}", err=True)
        raise SystemExit(2) from None
    except Aborted as exc:
        click.echo(str(exc), err=True)
        raise SystemExit(130) from None
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        raise SystemExit(130) from None
    except click.ClickException as exc:
        click.echo(f"error: {exc.format_message()}", err=True)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        raise SystemExit(130) from None
    except BrokenPipeError:
        raise SystemExit(0) from None
    except SystemExit:
        raise
    except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
        path = log_internal_error(exc)
        click.echo(
            f"internal error: {type(exc).__name__}: {exc} (a bug: please report it with the traceback in {path})",
            err=True,
        )
        raise SystemExit(1) from None
