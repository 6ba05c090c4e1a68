"""medcite's exception tree.

Library code raises these; the CLI and the server turn them into one-line messages and exit
codes / HTTP statuses at a single boundary. Every message says what went wrong *and* what to do.
"""

from __future__ import annotations


class MedciteError(Exception):
    """Base of every error medcite raises on purpose."""

    exit_code = 1


class InputError(MedciteError):
    """Bad user input: a malformed file, an empty or oversized question, a bad option."""

    exit_code = 2


class IndexError_(MedciteError):  # noqa: N801, N818 - IndexError is a builtin
    """The index is missing, locked, corrupt or of another schema version."""

    exit_code = 3


class IndexMissingError(IndexError_):
    """No medcite index at the given path."""


class IndexVersionError(IndexError_):
    """The index was built by another medcite schema version."""


class SourceError(MedciteError):
    """A remote source failed (network, rate limit, malformed response)."""

    exit_code = 4
