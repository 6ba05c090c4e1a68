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
    """The index (or a store beside it) is missing, locked, damaged, unwritable or of another
    schema version."""

    exit_code = 3


class IndexMissingError(IndexError_):
    """No medcite index at the given path."""


class IndexVersionError(IndexError_):
    """The index was built by another medcite schema version."""


class IndexCorruptError(IndexError_):
    """A file of the index is damaged (bytes changed, truncated) or could not be read."""


class IndexWriteError(IndexError_):
    """The index could not be written (disk full, read-only, file size limit); what was
    committed before is kept."""


class StoreError(IndexError_):
    """A SQLite store medcite keeps beside the index (the vocabulary, the audit log) is damaged,
    unreadable, unwritable or of another version. Exit code 3, like the index itself."""


class AuditLogError(StoreError):
    """The audit log of answers cannot be read or written."""


class SourceError(MedciteError):
    """A remote source failed (network, rate limit, malformed response)."""

    exit_code = 4
