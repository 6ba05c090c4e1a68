"""medcite's HTTP API and web page: ``create_app(engine, settings)``, ``serve(host, port, index)``.

    POST /v1/answer              {question, source?, max_refs?} → Answer (same JSON as the CLI)
    GET  /v1/answer/stream?q=…   Server-Sent Events: stage progress, then the answer
    POST /v1/answer/stream       the same with a JSON body (keeps questions out of URLs and logs)
    GET  /v1/search?q=…&k=10     ranked hits (same JSON as ``medcite search --format json``)
    GET  /v1/documents/{id}      one stored document
    GET  /v1/answers/{id}        a logged answer, replayed from the audit log
    GET  /v1/limits              what the server accepts
    GET  /healthz, /readyz       liveness; readiness (index open)
    GET  /docs, /openapi.json    the API, described
    GET  /                       the web page (static/, no build step)

The app is a thin shell like the CLI: it checks input, calls the engine in a worker thread and turns
errors into typed bodies at one boundary (``errors.py``). Everything it needs is injected, so tests
run it over a fake engine.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles

from medcite import __version__
from medcite.errors import InputError
from medcite.records import Answer, Document, Hit, IndexStats
from medcite.render.markdown import render as render_markdown
from medcite.server.errors import ApiError, install_error_handlers
from medcite.server.middleware import RequestContextMiddleware
from medcite.server.ratelimit import RateLimitMiddleware, TokenBucketLimiter
from medcite.server.schemas import (
    SOURCE_PATTERN,
    AnswerRequest,
    ErrorCode,
    ErrorResponse,
    Health,
    Limits,
    Ready,
    SearchResponse,
    ServerSettings,
)
from medcite.server.stream import AskRunner, answer_events

if TYPE_CHECKING:
    import uvicorn

log = logging.getLogger("medcite.server")

STATIC = Path(__file__).parent / "static"
MAX_ID_CHARS = 512
_ANSWER_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
AnswerLookup = Callable[[str], str | None]
"""The stored JSON of a logged answer by id; None or InputError when unknown (``AuditLog.get``)."""


class SearchEngine(Protocol):
    """What the server needs from :class:`medcite.Engine`; ``ask`` is used when present."""

    def search(self, query: str, k: int = 10) -> list[Hit]: ...

    def get(self, doc_id: str) -> Document | None: ...

    def stats(self) -> IndexStats: ...


@dataclass
class AppContext:
    """Everything a request handler needs, created once per app."""

    engine: SearchEngine
    settings: ServerSettings
    runner: AskRunner | None
    get_answer: AnswerLookup | None
    background: set[asyncio.Task[Answer]] = field(default_factory=set)

    def require_runner(self) -> AskRunner:
        if self.runner is None:
            raise ApiError(
                503,
                ErrorCode.ANSWERING_UNAVAILABLE,
                "this server can search but not answer yet; use /v1/search",
            )
        return self.runner

    def check_question(self, question: str) -> str:
        text = question.strip()
        if not text:
            raise ApiError(
                422,
                ErrorCode.QUESTION_EMPTY,
                "the question is empty; type a question, e.g. 'What causes facial twitches?'",
            )
        limit = self.settings.max_question_chars
        if len(text) > limit:
            raise ApiError(
                422,
                ErrorCode.QUESTION_TOO_LONG,
                f"the question is {len(text):,} characters long; shorten it to at most {limit:,}",
            )
        return text

    def check_max_refs(self, max_refs: int | None) -> int:
        value = self.settings.default_max_refs if max_refs is None else max_refs
        return _in_range("max_refs", value, self.settings.max_refs)

    def check_k(self, k: int) -> int:
        return _in_range("k", k, self.settings.max_k)


def _in_range(name: str, value: int, maximum: int) -> int:
    if not 1 <= value <= maximum:
        message = f"{name} must be between 1 and {maximum}, got {value}"
        raise ApiError(422, ErrorCode.INVALID_REQUEST, message)
    return value


def _context(request: Request) -> AppContext:
    context: AppContext = request.app.state.medcite
    return context


Ctx = Annotated[AppContext, Depends(_context)]
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse} for status in (400, 404, 413, 422, 429, 500, 502, 503)
}
SSE_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "`event: stage` (StageEvent) …, then `event: markdown` (MarkdownEvent) "
        "and `event: answer` (Answer); or, instead of both, `event: error` (ErrorResponse)",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    },
    **ERRORS,
}
ANSWER_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/markdown": {"schema": {"type": "string"}}}},
    **ERRORS,
}
router = APIRouter()


def _json(payload: str) -> Response:
    return Response(content=payload, media_type="application/json")


@router.post("/v1/answer", response_model=Answer, responses=ANSWER_RESPONSES, tags=["answers"])
def post_answer(
    body: AnswerRequest,
    ctx: Ctx,
    fmt: Annotated[Literal["json", "markdown"], Query(alias="format")] = "json",
) -> Response:
    """Answer a question with cited guideline and research evidence (JSON, or Markdown)."""
    runner = ctx.require_runner()
    question = ctx.check_question(body.question)
    answer = runner(question, body.source, ctx.check_max_refs(body.max_refs), _no_progress)
    if fmt == "markdown":
        return Response(render_markdown(answer), media_type="text/markdown; charset=utf-8")
    return _json(answer.model_dump_json())


def _no_progress(_stage: str) -> None:
    return None


def _stream(ctx: AppContext, question: str, source: str, max_refs: int | None) -> Response:
    runner = ctx.require_runner()
    events = answer_events(
        runner, ctx.check_question(question), source, ctx.check_max_refs(max_refs), ctx.background
    )
    headers = {"Cache-Control": "no-store", "X-Accel-Buffering": "no"}
    return StreamingResponse(events, media_type="text/event-stream", headers=headers)


@router.get("/v1/answer/stream", responses=SSE_RESPONSE, tags=["answers"])
async def get_answer_stream(
    ctx: Ctx,
    q: Annotated[str, Query(description="The question.")],
    source: Annotated[str, Query(pattern=SOURCE_PATTERN)] = "local",
    max_refs: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    """Answer with progress: stage events as the engine works, then the answer."""
    return _stream(ctx, q, source, max_refs)


@router.post("/v1/answer/stream", responses=SSE_RESPONSE, tags=["answers"])
async def post_answer_stream(body: AnswerRequest, ctx: Ctx) -> Response:
    """Like ``GET /v1/answer/stream``, with the question in the body (used by the web page)."""
    return _stream(ctx, body.question, body.source, body.max_refs)


@router.get("/v1/search", response_model=SearchResponse, responses=ERRORS, tags=["documents"])
def search(
    ctx: Ctx,
    q: Annotated[str, Query(description="Free text, e.g. 'hemifacial spasm botulinum toxin'.")],
    k: Annotated[int, Query(description="Number of hits.")] = 10,
) -> Response:
    """Rank documents for ``q`` with BM25 over the local index."""
    query = ctx.check_question(q)
    hits = ctx.engine.search(query, k=ctx.check_k(k))
    return _json(SearchResponse(query=query, hits=hits).model_dump_json())


@router.get(
    "/v1/documents/{doc_id:path}", response_model=Document, responses=ERRORS, tags=["documents"]
)
def get_document(doc_id: str, ctx: Ctx) -> Response:
    """One stored document by id (``pmid:34092543``, ``medquad:…#…``; encode ``#`` as ``%23``)."""
    document = ctx.engine.get(doc_id) if 0 < len(doc_id) <= MAX_ID_CHARS else None
    if document is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, "no document with this id in the index")
    return _json(document.model_dump_json())


@router.get("/v1/answers/{answer_id}", response_model=Answer, responses=ERRORS, tags=["answers"])
def replay_answer(answer_id: str, ctx: Ctx) -> Response:
    """An answer given earlier, exactly as logged (the audit log)."""
    if ctx.get_answer is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, "answer replay is not enabled on this server")
    try:
        stored = ctx.get_answer(answer_id) if _ANSWER_ID.match(answer_id) else None
    except InputError as exc:  # AuditLog.get: unknown or ambiguous id
        raise ApiError(404, ErrorCode.NOT_FOUND, str(exc)) from exc
    if stored is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, "no logged answer with this id")
    return _json(stored)


@router.get("/v1/limits", tags=["service"])
def limits(ctx: Ctx) -> Limits:
    """Question length, k and max_refs limits (the page checks questions with these)."""
    conf = ctx.settings
    return Limits(
        max_question_chars=conf.max_question_chars,
        max_k=conf.max_k,
        max_refs=conf.max_refs,
        default_max_refs=conf.default_max_refs,
    )


@router.get("/healthz", tags=["service"])
def healthz() -> Health:
    """The process is up (does not touch the index)."""
    return Health(version=__version__)


@router.get("/readyz", responses=ERRORS, tags=["service"])
def readyz(ctx: Ctx) -> Ready:
    """The index is open and readable (503 otherwise)."""
    stats = ctx.engine.stats()
    return Ready(
        documents=stats.documents,
        schema_version=stats.schema_version,
        answering=ctx.runner is not None,
    )


@router.get("/", include_in_schema=False)
def page() -> FileResponse:
    return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    context: AppContext = app.state.medcite
    log.info("medcite server started (answering: %s)", context.runner is not None)
    yield
    log.info("medcite server stopped (%d answers abandoned)", len(context.background))


def create_app(
    engine: SearchEngine,
    settings: ServerSettings | None = None,
    *,
    get_answer: AnswerLookup | None = None,
) -> FastAPI:
    """The ASGI app over ``engine``. Nothing is opened here; ``serve`` opens the index first."""
    conf = settings or ServerSettings()
    app = FastAPI(
        title="medcite",
        version=__version__,
        summary="Evidence-based answers to health questions, every statement cited.",
        lifespan=_lifespan,
    )
    app.state.medcite = AppContext(engine, conf, AskRunner.for_engine(engine), get_answer)
    install_error_handlers(app)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_middleware(app, conf)
    return app


def _add_middleware(app: FastAPI, conf: ServerSettings) -> None:
    """Outermost last: request context → CORS (only if origins are set) → rate limit → app."""
    if conf.rate_limit_per_minute > 0:
        limiter = TokenBucketLimiter(
            conf.rate_limit_per_minute / 60, conf.rate_limit_burst, conf.rate_limit_clients
        )
        app.add_middleware(RateLimitMiddleware, limiter=limiter)
    if conf.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(conf.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID", "Retry-After"],
        )
    app.add_middleware(RequestContextMiddleware, max_body_bytes=conf.max_body_bytes)


def build_server(
    host: str,
    port: int,
    index_path: str | Path | None,
    *,
    settings: ServerSettings | None = None,
    get_answer: AnswerLookup | None = None,
    log_level: str = "info",
) -> uvicorn.Server:
    """Open the index (raising medcite's error if it is missing or of another version), then
    build the uvicorn server; ``.run()`` serves until SIGINT/SIGTERM, then drains gracefully."""
    import uvicorn

    from medcite.engine import Engine

    engine = Engine(index_path)
    stats = engine.stats()
    conf = settings or ServerSettings()
    app = create_app(engine, conf, get_answer=get_answer)
    logging.getLogger("medcite.server").setLevel(log_level.upper())
    log.info("index %s: %d documents", stats.path, stats.documents)
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=False,  # medcite.server.access logs requests with their ids, without queries
        proxy_headers=False,
        server_header=False,
        timeout_graceful_shutdown=conf.shutdown_grace_seconds,
    )
    return uvicorn.Server(config)


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    index_path: str | Path | None = None,
    *,
    settings: ServerSettings | None = None,
    get_answer: AnswerLookup | None = None,
) -> None:
    """``medcite serve``: refuse to start without a usable index, else serve until stopped."""
    build_server(host, port, index_path, settings=settings, get_answer=get_answer).run()
