"""The one place where exceptions become HTTP error bodies ``{"error": {"code", "message"}}``.

Clients get a status, a code and a sentence; never a stack trace, a file path or an exception's
internals. Anything unexpected is logged with the request id and answered with that id, so a report
from a user can be matched with the server log.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from medcite.errors import IndexError_, InputError, MedciteError, SourceError
from medcite.server.middleware import current_request_id, internal_error
from medcite.server.schemas import ErrorCode, ErrorDetail, ErrorResponse

log = logging.getLogger("medcite.server")

_HTTP_CODES: dict[int, ErrorCode] = {
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.METHOD_NOT_ALLOWED,
    408: ErrorCode.REQUEST_TIMEOUT,
    413: ErrorCode.PAYLOAD_TOO_LARGE,
}
URL_PARTS = frozenset({"query", "path"})


class ApiError(Exception):
    """An error the API reports as is: HTTP status, code and a message meant for the client."""

    def __init__(self, status: int, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


def medcite_error(exc: MedciteError) -> tuple[int, ErrorDetail]:
    """Status and body for a library error. Index errors hide server paths from clients."""
    if isinstance(exc, InputError):
        return 400, ErrorDetail(code=ErrorCode.INVALID_INPUT, message=str(exc))
    if isinstance(exc, SourceError):
        return 502, ErrorDetail(code=ErrorCode.SOURCE_UNAVAILABLE, message=str(exc))
    log.error("request %s: %s: %s", current_request_id(), type(exc).__name__, exc)
    if isinstance(exc, IndexError_):
        message = "the evidence index is not available right now; try again later"
        return 503, ErrorDetail(code=ErrorCode.INDEX_UNAVAILABLE, message=message)
    return 500, internal_error()


def error_json(
    status: int, detail: ErrorDetail, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    body = ErrorResponse(error=detail).model_dump(mode="json")
    return JSONResponse(body, status_code=status, headers=headers)


def validation_message(exc: RequestValidationError) -> str:
    """``field: problem`` for each invalid field; the rejected values are not echoed back."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ())[1:]) or "request"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "the request is invalid"


def http_error_detail(exc: HTTPException) -> ErrorDetail:
    """Status-derived code; the request path is not echoed back."""
    if exc.status_code == 404:
        return ErrorDetail(
            code=ErrorCode.NOT_FOUND,
            message="no such endpoint; the API is described at /openapi.json",
        )
    default = ErrorCode.INTERNAL if exc.status_code >= 500 else ErrorCode.INVALID_REQUEST
    message = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    return ErrorDetail(code=_HTTP_CODES.get(exc.status_code, default), message=message)


async def _on_api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_json(exc.status, ErrorDetail(code=exc.code, message=exc.message))


async def _on_medcite_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, MedciteError)
    return error_json(*medcite_error(exc))


def validation_status(exc: RequestValidationError) -> int:
    """400 when only the URL's parameters are wrong (a bad request), 422 for a bad body."""
    places = {str(error.get("loc", ("body",))[0]) for error in exc.errors()}
    return 400 if places and places <= URL_PARTS else 422


async def _on_validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail = ErrorDetail(code=ErrorCode.INVALID_REQUEST, message=validation_message(exc))
    return error_json(validation_status(exc), detail)


async def _on_http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    return error_json(exc.status_code, http_error_detail(exc), exc.headers)


def install_error_handlers(app: FastAPI) -> None:
    """Route every handled exception type to a typed error body."""
    app.add_exception_handler(ApiError, _on_api_error)
    app.add_exception_handler(MedciteError, _on_medcite_error)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(HTTPException, _on_http_error)
