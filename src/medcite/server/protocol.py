"""uvicorn's HTTP/1.1 protocol (h11) with a deadline for each request's head.

uvicorn closes idle keep-alive connections, but a connection that has just opened, or one that
sends the first bytes of a request and then trickles its headers, is kept open for as long as the
client likes: a handful of slow clients could hold every connection. Here each connection must send
a complete request head within ``header_timeout`` seconds of opening or of its previous response.
If it sent part of one, it gets ``408 Request Timeout`` (a JSON error body, ``Connection: close``);
if it sent nothing, it is closed, as an idle keep-alive connection would be. The body has its own
deadline (``middleware.RequestContextMiddleware``), and the head's size is limited by h11.
"""

from __future__ import annotations

import asyncio
import logging

from uvicorn.protocols.http.h11_impl import H11Protocol

from medcite.server.schemas import ErrorCode, ErrorDetail, ErrorResponse

log = logging.getLogger("medcite.server")


def request_timeout_body(what: str, seconds: float) -> bytes:
    """The JSON body of a 408."""
    detail = ErrorDetail(
        code=ErrorCode.REQUEST_TIMEOUT,
        message=f"the request's {what} did not arrive within {seconds:g} s; send it again",
    )
    return ErrorResponse(error=detail).model_dump_json().encode()


def _raw_408(seconds: float) -> bytes:
    body = request_timeout_body("headers", seconds)
    head = (
        "HTTP/1.1 408 Request Timeout\r\n"
        "content-type: application/json\r\n"
        f"content-length: {len(body)}\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


class HeaderTimeoutH11Protocol(H11Protocol):
    """:class:`H11Protocol` that closes a connection whose request head is late."""

    header_timeout: float = 10.0

    _head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_head_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_head_timer()
        super().connection_lost(exc)

    def handle_events(self) -> None:
        cycle = self.cycle
        super().handle_events()
        if self.cycle is not cycle:  # a request head arrived: its body and answer are not timed
            self._disarm_head_timer()

    def on_response_complete(self) -> None:
        if not self.transport.is_closing():
            self._arm_head_timer()  # before: a pipelined request may start (and disarm) inside
        super().on_response_complete()

    def _arm_head_timer(self) -> None:
        self._disarm_head_timer()
        self._head_timer = self.loop.call_later(self.header_timeout, self._head_timed_out)

    def _disarm_head_timer(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.transport.is_closing():
            return
        buffered, _ = self.conn.trailing_data
        if buffered:
            log.info("a request head was incomplete after %g s: 408", self.header_timeout)
            self.transport.write(_raw_408(self.header_timeout))
        self.transport.close()


def header_timeout_protocol(seconds: float) -> type[H11Protocol]:
    """The protocol class to give ``uvicorn.Config(http=...)`` for a ``seconds`` deadline."""
    return type(
        "HeaderTimeoutH11Protocol", (HeaderTimeoutH11Protocol,), {"header_timeout": seconds}
    )
