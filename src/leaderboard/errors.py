"""The one exception type that means "the user gave us something wrong": printed as one line, no traceback."""


class UserError(Exception):
    """A problem with the user's input or request (missing file, unknown format, bad SQL)."""


class Aborted(Exception):
    """The user interrupted a command (Ctrl-C): printed as one line, exit status 130."""
