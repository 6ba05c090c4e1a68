"""A local HTTP server (127.0.0.1, any free port) standing in for NCBI, NLM and GitHub.

It serves ``root`` laid out as ``HOST/PATH`` (what ``--mirror`` / ``MEDCITE_DATA_MIRROR`` expects),
supports ``Range: bytes=N-`` like NCBI's server, lists directories like Apache, records each
request, and can cut a response off halfway once (``cut_once``) to test resuming.
"""

from __future__ import annotations

import socket
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler
from pathlib import Path


@dataclass
class Mirror:
    """The server's state, shared with the handler threads."""

    root: Path
    url: str = ""
    ranges: bool = True
    requests: list[tuple[str, str | None]] = field(default_factory=list)
    cut_once: set[str] = field(default_factory=set)

    def put(self, url: str, data: bytes) -> Path:
        """Serve ``data`` at the official ``url`` (``https://HOST/PATH``)."""
        path = self.root / url.removeprefix("https://")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    def file_requests(self) -> list[tuple[str, str | None]]:
        """Requests for files (not listings or checksum files)."""
        return [(p, r) for p, r in self.requests if not p.endswith(("/", ".md5"))]


class Handler(SimpleHTTPRequestHandler):
    mirror: Mirror

    def do_GET(self) -> None:
        self.mirror.requests.append((self.path, self.headers.get("Range")))
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            super().do_GET()
            return
        if not path.is_file():
            self.send_error(404)
            return
        self._send_file(path.read_bytes(), path.name)

    def _send_file(self, data: bytes, name: str) -> None:
        start = self._range_start()
        if start >= len(data) > 0:
            self.send_error(416)
            return
        body = data[start:]
        self.send_response(206 if start else 200)
        if start:
            self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        if name in self.mirror.cut_once:
            self.mirror.cut_once.discard(name)
            self.wfile.write(body[: len(body) // 2])
            self.close_connection = True
            return
        self.wfile.write(body)

    def _range_start(self) -> int:
        header = self.headers.get("Range")
        if not header or not self.mirror.ranges:
            return 0
        return int(header.removeprefix("bytes=").split("-")[0])

    def log_message(self, format: str, *args: object) -> None:
        pass


def unused_port() -> int:
    """A local port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
