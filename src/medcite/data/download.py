"""Streamed, resumable HTTP downloads into ``.part`` files.

:class:`Downloader` is the only code here that talks to the network. A download goes to
``<file>.part``; when the ``.part`` file already holds bytes, the request asks for the rest with
an HTTP ``Range`` header (a server that ignores it sends the whole file, which then overwrites the
``.part`` file). Cut-off transfers are retried a bounded number of times, each retry resuming
where the previous one stopped. Verifying the finished ``.part`` file and renaming it into place
is the caller's job (:mod:`medcite.data.fetch`).

Every failure is a :class:`DownloadError` whose one-line message names the URL and says what to do.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, TypeVar

import httpx

from medcite.errors import SourceError
from medcite.sources.settings import HttpSettings

log = logging.getLogger(__name__)

T = TypeVar("T")

CHUNK_BYTES = 1 << 16
MAX_TEXT_BYTES = 8 << 20
"""Checksum files and directory listings larger than this are refused."""
NETWORK_HINT = "check your network, or point MEDCITE_DATA_MIRROR (--mirror) at a copy"


class DownloadError(SourceError):
    """A file could not be downloaded: network failure, HTTP error, or a cut-off transfer."""


class HttpStatusError(DownloadError):
    """The server answered with an HTTP error status (404 ...)."""


class ChecksumError(SourceError):
    """A downloaded file does not match its published or pinned checksum."""


class DownloadProgress(Protocol):
    """Told about each transfer; the CLI draws a progress bar."""

    def start(self, name: str, total: int | None, done: int) -> None: ...

    def advance(self, nbytes: int) -> None: ...

    def end(self) -> None: ...


class NoProgress:
    """A :class:`DownloadProgress` that reports nothing."""

    def start(self, name: str, total: int | None, done: int) -> None:
        pass

    def advance(self, nbytes: int) -> None:
        pass

    def end(self) -> None:
        pass


@dataclass(frozen=True)
class DownloadSettings:
    """Time-outs, retries and identification (defaults from the live sources' HTTP settings)."""

    user_agent: str = HttpSettings().user_agent
    connect_timeout_s: float = HttpSettings().connect_timeout_s
    read_timeout_s: float = 60.0
    retries: int = 3
    """Further attempts after a transfer was cut off or the server answered 5xx."""
    backoff_s: float = 1.0
    """The first retry waits this long; each further retry waits twice as long."""


def client(settings: DownloadSettings) -> httpx.Client:
    """An HTTP client for downloads: medcite's user agent, time-outs, redirects followed."""
    timeout = httpx.Timeout(settings.read_timeout_s, connect=settings.connect_timeout_s)
    return httpx.Client(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=5,
        headers={"User-Agent": settings.user_agent},
    )


class _RetryableError(Exception):
    """A transfer that may succeed when tried again (cut off, time-out, 5xx)."""


class Downloader:
    """Fetch small texts and stream large files to disk, resuming partial downloads."""

    def __init__(
        self,
        http: httpx.Client,
        settings: DownloadSettings | None = None,
        progress: DownloadProgress | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._http = http
        self._settings = settings or DownloadSettings()
        self._progress = progress or NoProgress()
        self._sleep = sleep

    def text(self, url: str) -> str:
        """The body of a small file (a checksum file, a directory listing)."""
        return self._retrying(url, lambda: self._text_once(url))

    def to_part(self, url: str, part: Path, name: str) -> None:
        """Download ``url`` into ``part``, continuing from the bytes already there."""
        part.parent.mkdir(parents=True, exist_ok=True)
        self._retrying(url, lambda: self._stream_once(url, part, name))

    def _retrying(self, url: str, attempt: Callable[[], T]) -> T:
        retries = self._settings.retries
        for number in range(retries + 1):
            try:
                return attempt()
            except _RetryableError as exc:
                if number == retries:
                    raise DownloadError(
                        f"{url}: {exc} (after {retries + 1} attempts); "
                        f"run the command again to resume, or {NETWORK_HINT}"
                    ) from None
                wait = self._settings.backoff_s * 2**number
                log.info("%s: %s; retrying in %.1f s", url, exc, wait)
                self._sleep(wait)
        raise AssertionError("unreachable")

    def _text_once(self, url: str) -> str:
        with self._request(url, {}) as response:
            _check_status(url, response, resuming=False)
            body = b""
            for chunk in response.iter_bytes(CHUNK_BYTES):
                body += chunk
                if len(body) > MAX_TEXT_BYTES:
                    raise DownloadError(f"{url}: unexpectedly large (> {MAX_TEXT_BYTES:,} bytes)")
            return body.decode("utf-8", errors="replace")

    def _stream_once(self, url: str, part: Path, name: str) -> None:
        have = part.stat().st_size if part.is_file() else 0
        headers = {"Accept-Encoding": "identity"}
        if have:
            headers["Range"] = f"bytes={have}-"
        with self._request(url, headers) as response:
            if response.status_code == 416 and have:
                if _full_size(response) == have:
                    return  # the .part file is already complete
                log.info("%s: server has nothing after byte %d; restarting", url, have)
                part.unlink()
                raise _RetryableError("partial file was longer than the server's; restarted")
            _check_status(url, response, resuming=bool(have))
            resumed = response.status_code == 206
            if have and not resumed:
                log.info("%s: server ignored the Range request; downloading it whole", url)
            self._write(response, part, name, have if resumed else 0)

    def _write(self, response: httpx.Response, part: Path, name: str, offset: int) -> None:
        length = response.headers.get("content-length", "")
        total = offset + int(length) if length.isdigit() else None
        self._progress.start(name, total, offset)
        try:
            with part.open("ab" if offset else "wb") as out:
                for chunk in _chunks(response):
                    out.write(chunk)
                    self._progress.advance(len(chunk))
        finally:
            self._progress.end()
        size = part.stat().st_size
        if total is not None and size < total:
            raise _RetryableError(f"transfer cut off at {size:,} of {total:,} bytes")

    @contextmanager
    def _request(self, url: str, headers: dict[str, str]) -> Iterator[httpx.Response]:
        try:
            with self._http.stream("GET", url, headers=headers) as response:
                yield response
        except httpx.ConnectError as exc:
            raise DownloadError(
                f"cannot connect to {_host(url)} ({_reason(exc)}); {NETWORK_HINT}"
            ) from None
        except httpx.TooManyRedirects:
            raise DownloadError(f"{url}: too many redirects") from None
        except (httpx.TimeoutException, httpx.TransportError) as exc:
            raise _RetryableError(f"transfer failed ({_reason(exc)})") from None


def _chunks(response: httpx.Response) -> Iterator[bytes]:
    """The body bytes as sent (identity encoding was asked for: a ``.gz`` file stays as it is)."""
    return response.iter_raw(CHUNK_BYTES)


def _check_status(url: str, response: httpx.Response, resuming: bool) -> None:
    status = response.status_code
    if status == 200 or (resuming and status == 206):
        return
    if status >= 500 or status == 429:
        raise _RetryableError(f"HTTP {status} {response.reason_phrase}")
    raise HttpStatusError(
        f"{url}: HTTP {status} {response.reason_phrase}; "
        "the file may have moved or been retired upstream"
    )


def _full_size(response: httpx.Response) -> int | None:
    """The file size of a 416 answer's ``Content-Range: bytes */SIZE``."""
    found = re.fullmatch(r"bytes \*/(\d+)", response.headers.get("content-range", "").strip())
    return int(found.group(1)) if found else None


def _host(url: str) -> str:
    parsed = httpx.URL(url)
    return f"{parsed.host}:{parsed.port}" if parsed.port else str(parsed.host)


def _reason(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[-1] if text else type(exc).__name__


def file_digest(path: Path, algorithm: str) -> str:
    """Hex digest (``md5``, ``sha256``) of a file, read in chunks."""
    digest = hashlib.new(algorithm)
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
