"""medcite's HTTP API and web page: ``create_app(engine, settings)``, ``serve(host, port, index)``.

    POST /v1/answer              {question, source?, max_refs?, detail?, llm?} → Answer (same JSON
                                 as the CLI); ``detail: true`` is the long form (``ask --detail``),
                                 ``llm: true`` adds the model's checked synthesis (``ask --llm``)
    GET  /v1/answer/stream?q=…   Server-Sent Events: stage progress, then the answer (&detail=true);
                                 with &llm=true the extractive answer, then the synthesis
    POST /v1/answer/stream       the same with a JSON body (keeps questions out of URLs and logs)
    GET  /v1/search?q=…&k=10     ranked hits (same JSON as ``medcite search --format json``)
    GET  /v1/documents/{id}      one stored document
    GET  /v1/answers/{id}        a logged answer, replayed from the audit log (?format=markdown);
                                 only by its full 32-hex id (no prefixes over HTTP)
    GET  /v1/limits              what the server accepts
    GET  /v1/capabilities        whether requests may use the language model (``llm``), which one
    GET  /healthz, /readyz       liveness; readiness (index open)
    GET  /openapi.json           the API, described (no Swagger UI / ReDoc: they load from a CDN)
    GET  /                       the web page (static/, no build step)
    GET  /a/{id}                 the web page showing a logged answer (its permalink)

Every GET route answers HEAD too (headers only). A bad query parameter is a 400 (a bad JSON body,
a 422), on the answer stream too: the stream is checked before it starts, so an ``error`` event on a
200 means answering itself failed.

The app is a thin shell like the CLI: it checks input, calls the engine in a worker thread and turns
errors into typed bodies at one boundary (``errors.py``). Everything it needs is injected, so tests
run it over a fake engine.
Answers to repeated questions come from an answer cache (``cache.py``, ``answers.py``; the
``X-Answer-Cache`` header says hit/miss/bypass); ``--workers N`` runs N processes (``workers.py``).
Private by default (``access.py``): a Host allow-list, an optional bearer token on /v1/, no caching
of answers and searches by browsers or proxies, live sources only with ``allow_live``, the
language model only with ``allow_llm`` (it sends the question to the model's endpoint).
Slow clients time out (``protocol.py`` for request heads, ``middleware.py`` for bodies).
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal, Protocol

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from pydantic import ValidationError

from medcite import __version__
from medcite.audit import AuditLog
from medcite.config import AuditRetention
from medcite.errors import InputError
from medcite.llm.settings import LLMSettings
from medcite.records import Answer, Document, Hit, IndexStats
from medcite.render.markdown import render as render_markdown
from medcite.server.access import (
    BearerTokenMiddleware,
    HostCheckMiddleware,
    allowed_host_names,
    api_token,
    check_exposure,
    with_bind_address,
)
from medcite.server.answers import CACHE_HEADER, AnswerService, Plan
from medcite.server.cache import AnswerCache, CachedAnswer, Identity, index_identity
from medcite.server.errors import ApiError, install_error_handlers
from medcite.server.middleware import HeadMiddleware, RequestContextMiddleware
from medcite.server.protocol import header_timeout_protocol
from medcite.server.ratelimit import RateLimiter, RateLimitMiddleware, rate_limiter
from medcite.server.schemas import (
    SOURCE_PATTERN,
    SOURCES,
    AnswerRequest,
    Capabilities,
    ErrorCode,
    ErrorResponse,
    Health,
    Limits,
    LLMAvailability,
    Ready,
    SearchResponse,
    ServerSettings,
)
from medcite.server.shared_cache import SharedAnswerStore
from medcite.server.stream import AskRunner, answer_events
from medcite.server.workers import AppSpec, LogSetup, PoolSpec, WorkerPool

log = logging.getLogger("medcite.server")

STATIC = Path(__file__).parent / "static"
MAX_ID_CHARS = 512
_ANSWER_ID = re.compile(r"^[0-9a-f]{32}$")
"""An answer id as the engine makes it (uuid4 hex); only a full id is looked up over HTTP."""
AnswerLookup = Callable[[str], str | None]
"""The stored JSON of a logged answer by its full id; None or InputError when unknown
(``AuditLog.get_exact``)."""
NO_STORE = {"Cache-Control": "no-store"}
"""Answers and searches are about someone's health: not kept by browsers or proxies."""


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
    answers: AnswerService | None
    get_answer: AnswerLookup | None
    background: set[asyncio.Task[CachedAnswer]] = field(default_factory=set)

    def require_answers(self) -> AnswerService:
        if self.answers is None:
            raise ApiError(
                503,
                ErrorCode.ANSWERING_UNAVAILABLE,
                "this server can search but not answer yet; use /v1/search",
            )
        return self.answers

    def plan(
        self, question: str, source: str, max_refs: int | None, detail: bool, llm: bool = False
    ) -> Plan:
        """Check the request and look it up in the answer cache."""
        service = self.require_answers()
        text = self.check_question(question)
        self.check_source(source)
        self.check_llm(llm)
        return service.plan(text, source, self.check_max_refs(max_refs), detail, llm)

    def llm_model(self) -> str | None:
        """The language model HTTP clients may use: configured on the engine, answering engine
        that takes ``llm``, and the server started with ``--allow-llm``; else None."""
        model = _configured_model(self.engine)
        if model is None or not self.settings.allow_llm:
            return None
        if self.answers is None or not self.answers.runner.accepts_llm:
            return None
        return model

    def check_llm(self, llm: bool) -> None:
        """A request may ask for the synthesis only when the operator configured a model endpoint
        and allowed HTTP clients to use it (the question then leaves this machine)."""
        if not llm:
            return
        if _configured_model(self.engine) is None:
            raise ApiError(
                422,
                ErrorCode.LLM_NOT_CONFIGURED,
                "this server has no language model configured: answer without 'llm', or ask "
                "its operator to set MEDCITE_LLM_BASE_URL and MEDCITE_LLM_MODEL and restart it "
                "with `medcite serve --allow-llm`",
            )
        if not self.settings.allow_llm:
            raise ApiError(
                403,
                ErrorCode.LLM_OFF,
                "the language model is off for HTTP clients on this server (it would send the "
                "question to the model's endpoint): answer without 'llm', or restart the server "
                "with `medcite serve --allow-llm`",
            )
        if self.answers is not None and not self.answers.runner.accepts_llm:
            raise ApiError(
                422,
                ErrorCode.LLM_NOT_CONFIGURED,
                "this server's engine cannot use a language model",
            )

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

    def check_source(self, source: str) -> None:
        """Only the local index unless the server was started with ``--allow-live``; then one of
        the engine's sources (checked here, so a stream never starts with a bad one)."""
        if source != "local" and not self.settings.allow_live:
            raise ApiError(
                403,
                ErrorCode.LIVE_SOURCES_OFF,
                f"source {source!r} is off on this server: it answers from its local index only "
                "(use source 'local'); to let HTTP clients search PubMed / Europe PMC, restart "
                "it with `medcite serve --allow-live`",
            )
        if source not in SOURCES:
            message = f"source must be one of {', '.join(SOURCES)}, got {source!r}"
            raise ApiError(422, ErrorCode.INVALID_REQUEST, message)

    def check_max_refs(self, max_refs: int | None) -> int:
        value = self.settings.default_max_refs if max_refs is None else max_refs
        return _in_range("max_refs", value, self.settings.max_refs)

    def check_k(self, k: int) -> int:
        return _in_range("k", k, self.settings.max_k)


def _configured_model(engine: object) -> str | None:
    """The model name of the engine's configured endpoint (``settings.llm``), or None."""
    conf = getattr(getattr(engine, "settings", None), "llm", None)
    if conf is None or not getattr(conf, "configured", False):
        return None
    model = getattr(conf, "model", None)
    return model if isinstance(model, str) else None


def _in_range(name: str, value: int, maximum: int) -> int:
    if not 1 <= value <= maximum:
        message = f"{name} must be between 1 and {maximum}, got {value}"
        raise ApiError(422, ErrorCode.INVALID_REQUEST, message)
    return value


def _context(request: Request) -> AppContext:
    context: AppContext = request.app.state.medcite
    return context


@contextmanager
def _query_errors() -> Iterator[None]:
    """On GET the input is the query string: a bad parameter there is a 400, not a 422."""
    try:
        yield
    except ApiError as exc:
        if exc.status != 422:
            raise
        raise ApiError(400, exc.code, exc.message) from exc


Ctx = Annotated[AppContext, Depends(_context)]
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse}
    for status in (400, 401, 403, 404, 413, 422, 429, 500, 502, 503)
}
SSE_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "`event: stage` (StageEvent) …, then `event: markdown` (MarkdownEvent) "
        "and `event: answer` (Answer); or, instead of both, `event: error` (ErrorResponse). "
        "With `llm`: `answer` is the extractive answer, sent at once; then `event: stage` "
        "(synthesizing), `event: markdown` and `event: synthesis` (the final Answer, its "
        "`synthesis` filled; an `error` instead means the synthesis failed)",
        "content": {"text/event-stream": {"schema": {"type": "string"}}},
    },
    **ERRORS,
}
ANSWER_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/markdown": {"schema": {"type": "string"}}}},
    **ERRORS,
}
router = APIRouter()


def _json(payload: str, headers: dict[str, str] | None = None) -> Response:
    return Response(content=payload, media_type="application/json", headers=headers)


@router.post("/v1/answer", response_model=Answer, responses=ANSWER_RESPONSES, tags=["answers"])
async def post_answer(
    body: AnswerRequest,
    ctx: Ctx,
    fmt: Annotated[Literal["json", "markdown"], Query(alias="format")] = "json",
) -> Response:
    """Answer a question with cited guideline and research evidence (JSON, or Markdown).

    A repeated question may be answered from the server's answer cache: the `X-Answer-Cache`
    header says `hit` (the answer given before, same id), `miss` or `bypass` (not cacheable).
    `detail: true` asks for the long form (every statement found) instead of the short body;
    the two forms are different answers and are cached apart. `llm: true` adds the language
    model's synthesis, every statement checked (`synthesis` in the answer; only on a server
    started with `--allow-llm` and a model endpoint: see `/v1/limits`); cached apart too."""
    plan = ctx.plan(body.question, body.source, body.max_refs, body.detail, body.llm)
    answer = await ctx.require_answers().answer(plan)
    headers = {CACHE_HEADER: plan.status.value, **NO_STORE}
    if fmt == "markdown":
        return Response(answer.markdown, media_type="text/markdown; charset=utf-8", headers=headers)
    return Response(answer.json, media_type="application/json", headers=headers)


def _stream(
    ctx: AppContext,
    question: str,
    *,
    source: str,
    max_refs: int | None,
    detail: bool,
    llm: bool = False,
) -> Response:
    plan = ctx.plan(question, source, max_refs, detail, llm)
    events = answer_events(ctx.require_answers(), plan, ctx.background)
    headers = {**NO_STORE, "X-Accel-Buffering": "no", CACHE_HEADER: plan.status}
    return StreamingResponse(events, media_type="text/event-stream", headers=headers)


@router.get("/v1/answer/stream", responses=SSE_RESPONSE, tags=["answers"])
async def get_answer_stream(
    ctx: Ctx,
    *,
    q: Annotated[str, Query(description="The question.")],
    source: Annotated[str, Query(pattern=SOURCE_PATTERN)] = "local",
    max_refs: Annotated[int | None, Query(ge=1)] = None,
    detail: Annotated[bool, Query(description="The long form: every statement found.")] = False,
    llm: Annotated[
        bool, Query(description="Then the language model's checked synthesis (--allow-llm).")
    ] = False,
) -> Response:
    """Answer with progress: stage events as the engine works, then the answer; with `llm`,
    the extractive answer at once and the checked synthesis when the model is done.

    The parameters are checked before the stream starts: a bad one is a 400 JSON error."""
    with _query_errors():
        return _stream(ctx, q, source=source, max_refs=max_refs, detail=detail, llm=llm)


@router.post("/v1/answer/stream", responses=SSE_RESPONSE, tags=["answers"])
async def post_answer_stream(body: AnswerRequest, ctx: Ctx) -> Response:
    """Like ``GET /v1/answer/stream``, with the question in the body (used by the web page)."""
    return _stream(
        ctx,
        body.question,
        source=body.source,
        max_refs=body.max_refs,
        detail=body.detail,
        llm=body.llm,
    )


@router.get("/v1/search", response_model=SearchResponse, responses=ERRORS, tags=["documents"])
def search(
    ctx: Ctx,
    q: Annotated[str, Query(description="Free text, e.g. 'hemifacial spasm botulinum toxin'.")],
    k: Annotated[int, Query(description="Number of hits.")] = 10,
) -> Response:
    """Rank documents for ``q`` with BM25 over the local index."""
    with _query_errors():
        query = ctx.check_question(q)
        k = ctx.check_k(k)
    hits = ctx.engine.search(query, k=k)
    return _json(SearchResponse(query=query, hits=hits).model_dump_json(), NO_STORE)


@router.get(
    "/v1/documents/{doc_id:path}", response_model=Document, responses=ERRORS, tags=["documents"]
)
def get_document(doc_id: str, ctx: Ctx) -> Response:
    """One stored document by id (``pmid:34092543``, ``medquad:…#…``; encode ``#`` as ``%23``)."""
    document = ctx.engine.get(doc_id) if 0 < len(doc_id) <= MAX_ID_CHARS else None
    if document is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, "no document with this id in the index")
    return _json(document.model_dump_json())


@router.get(
    "/v1/answers/{answer_id}", response_model=Answer, responses=ANSWER_RESPONSES, tags=["answers"]
)
def replay_answer(
    answer_id: str,
    ctx: Ctx,
    fmt: Annotated[Literal["json", "markdown"], Query(alias="format")] = "json",
) -> Response:
    """An answer given earlier, exactly as logged (the audit log); JSON, or Markdown.
    Only the full 32-hex id the answer was given with finds it (no prefixes)."""
    stored = _logged_answer(answer_id, ctx)
    if fmt == "markdown":
        markdown = _markdown_of(stored)
        return Response(markdown, media_type="text/markdown; charset=utf-8", headers=NO_STORE)
    return _json(stored, NO_STORE)


def _markdown_of(stored: str) -> str:
    """A logged answer as Markdown (one logged by another version may not fit today's record)."""
    try:
        return render_markdown(Answer.model_validate_json(stored))
    except ValidationError as exc:
        message = "this answer was logged by another version of medcite; ask for it as JSON"
        raise ApiError(422, ErrorCode.INVALID_INPUT, message) from exc


def _logged_answer(answer_id: str, ctx: AppContext) -> str:
    """The stored JSON of a logged answer, or a 404."""
    if ctx.get_answer is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, "answer replay is not enabled on this server")
    try:
        stored = ctx.get_answer(answer_id) if _ANSWER_ID.match(answer_id) else None
    except InputError as exc:  # AuditLog.get_exact: unknown id
        raise ApiError(404, ErrorCode.NOT_FOUND, "no logged answer with this id") from exc
    if stored is None:
        raise ApiError(404, ErrorCode.NOT_FOUND, "no logged answer with this id")
    return stored


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


@router.get("/v1/capabilities", tags=["service"])
def capabilities(ctx: Ctx) -> Capabilities:
    """Whether requests may ask for the language model's synthesis (`"llm": true`) and with
    which model: only on a server started with `--allow-llm` and a configured model endpoint
    (the page shows its prose toggle only then)."""
    model = ctx.llm_model()
    return Capabilities(llm=LLMAvailability(available=model is not None, model=model))


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
        answering=ctx.answers is not None,
    )


@router.get("/", include_in_schema=False)
def page() -> FileResponse:
    return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})


@router.get("/a/{answer_id}", include_in_schema=False)
def answer_page(answer_id: str) -> FileResponse:
    """An answer's permalink: the web page, which then fetches ``GET /v1/answers/{id}`` (so
    Back, reload and a shared link show the same answer)."""
    if not _ANSWER_ID.match(answer_id):
        raise ApiError(404, ErrorCode.NOT_FOUND, "not an answer id (a full 32-hex id)")
    return page()


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    context: AppContext = app.state.medcite
    log.info("medcite server started (answering: %s)", context.answers is not None)
    yield
    log.info("medcite server stopped (%d answers abandoned)", len(context.background))


def create_app(
    engine: SearchEngine,
    settings: ServerSettings | None = None,
    *,
    get_answer: AnswerLookup | None = None,
    index_identity: Identity | None = None,
    shared_cache: Path | None = None,
    shared_limits: Path | None = None,
) -> FastAPI:
    """The ASGI app over ``engine``. Nothing is opened here; ``serve`` opens the index first.

    ``index_identity`` changes whenever the index does; it enables the answer cache (default:
    from the engine's ``index_path`` when it has one; without either, answers are not cached).
    ``shared_cache``: a SQLite file through which several worker processes share answers;
    ``shared_limits``: one through which they share the rate limit."""
    conf = settings or ServerSettings()
    app = FastAPI(
        title="medcite",
        version=__version__,
        summary="Evidence-based answers to health questions, every statement cited.",
        lifespan=_lifespan,
        docs_url=None,  # Swagger UI and ReDoc load their scripts from a CDN: off
        redoc_url=None,
    )
    answers = _answer_service(engine, conf, index_identity, shared_cache)
    app.state.medcite = AppContext(engine, conf, answers, get_answer)
    install_error_handlers(app)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_middleware(app, conf, rate_limiter(conf, shared_limits))
    return app


def _answer_service(
    engine: SearchEngine, conf: ServerSettings, identity: Identity | None, shared: Path | None
) -> AnswerService | None:
    runner = AskRunner.for_engine(engine)
    if runner is None:
        return None
    index_path = getattr(engine, "index_path", None)
    if identity is None and isinstance(index_path, Path):
        identity = index_identity(index_path)
    cache = None
    if identity is not None and conf.answer_cache_entries > 0:
        cache = AnswerCache(
            conf.answer_cache_entries,
            identity,
            conf.answer_cache_ttl_seconds,
            shared=_shared_store(shared, conf),
        )
    return AnswerService(runner, cache, conf.answer_threads, conf.llm_answer_threads)


def _shared_store(path: Path | None, conf: ServerSettings) -> SharedAnswerStore | None:
    if path is None:
        return None
    return SharedAnswerStore(path, conf.answer_cache_entries, conf.answer_cache_ttl_seconds)


def _add_middleware(app: FastAPI, conf: ServerSettings, limiter: RateLimiter | None) -> None:
    """Outermost last: request context → HEAD → Host check → CORS (only if origins are set) →
    rate limit (only if on) → bearer token (only if set) → app."""
    token = api_token(conf)
    if token:
        app.add_middleware(BearerTokenMiddleware, token=token)
    if limiter is not None:
        app.add_middleware(RateLimitMiddleware, limiter=limiter)
    if conf.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(conf.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID"],
            expose_headers=["X-Request-ID", "Retry-After", CACHE_HEADER],
        )
    app.add_middleware(HostCheckMiddleware, allowed=allowed_host_names(conf))
    app.add_middleware(HeadMiddleware)
    app.add_middleware(
        RequestContextMiddleware,
        max_body_bytes=conf.max_body_bytes,
        body_timeout=conf.body_timeout_seconds,
    )


class Servable(Protocol):
    """What ``build_server`` returns: ``run()`` serves until SIGINT/SIGTERM."""

    def run(self) -> None: ...


def build_server(
    host: str,
    port: int,
    index_path: str | Path | None,
    *,
    settings: ServerSettings | None = None,
    get_answer: AnswerLookup | None = None,
    audit_log: Path | None = None,
    log_level: str = "info",
    workers: int = 1,
    expose: bool = False,
) -> Servable:
    """Open the index (raising medcite's error if it is missing or of another version), then
    build the server; ``.run()`` serves until SIGINT/SIGTERM, then drains gracefully.

    ``audit_log``: where answers are logged and replayed from (``GET /v1/answers/{id}``); it is
    pruned to the configured retention first. ``get_answer`` replaces the replay lookup (one
    process only). With ``workers`` > 1 the result is a
    :class:`~medcite.server.workers.WorkerPool` of that many processes. A ``host`` other than a
    loopback address is refused unless ``expose``; the Host allow-list gains its names."""
    import uvicorn

    if workers < 1:
        raise InputError(f"workers must be at least 1, got {workers}")
    if workers > 1 and get_answer is not None:
        raise InputError("several workers replay answers from audit_log, not from get_answer")
    check_exposure(host, expose)
    conf = with_bind_address(settings or ServerSettings(), host)
    spec = AppSpec(
        _path(index_path), conf, audit_log, log_level, logging=LogSetup.of_this_process()
    )
    logging.getLogger("medcite.server").setLevel(log_level.upper())
    engine = spec.engine()
    stats = engine.stats()
    log.info("index %s: %d documents", stats.path, stats.documents)
    for gap in engine.vocabulary().gaps():
        log.warning("%s", gap)  # answers are weaker without part of the vocabulary
    _log_llm(engine.settings.llm, conf.allow_llm)
    if audit_log is not None:
        prune_audit_log(audit_log, engine.settings.audit_retention)
    options = _uvicorn_options(host, port, spec)
    if workers > 1:
        return WorkerPool(PoolSpec(spec, host, port, workers, options))
    lookup = get_answer or (AuditLog(audit_log).get_exact if audit_log is not None else None)
    app = create_app(engine, spec.settings, get_answer=lookup)
    http = header_timeout_protocol(conf.header_timeout_seconds)
    return uvicorn.Server(uvicorn.Config(app, http=http, **options))


def _log_llm(llm: LLMSettings, allowed: bool) -> None:
    """Say at start whether HTTP clients may use the language model, and why not."""
    if allowed and not llm.configured:
        log.warning(
            "--allow-llm: no language model is configured (set MEDCITE_LLM_BASE_URL and "
            "MEDCITE_LLM_MODEL); requests asking for it get 422"
        )
    elif allowed:
        log.info("language model for HTTP clients: %s (questions go to its endpoint)", llm.model)
    elif llm.configured:
        log.info("language model %s configured but off for HTTP clients (--allow-llm)", llm.model)


def prune_audit_log(path: Path, retention: AuditRetention) -> int:
    """Apply the audit log's retention at start; returns how many answers were removed."""
    if not path.exists():
        return 0
    removed = AuditLog(path).prune(retention.max_age_days, retention.max_entries)
    log.info(
        "audit log %s: removed %d answers past retention (%s days, %s answers)",
        path,
        removed,
        retention.max_age_days or "no limit",
        retention.max_entries or "no limit",
    )
    return removed


def _path(path: str | Path | None) -> Path | None:
    return None if path is None else Path(path)


def _uvicorn_options(host: str, port: int, spec: AppSpec) -> dict[str, Any]:
    """uvicorn's options (picklable: workers get them too; the HTTP protocol is added where
    the server is built, ``protocol.header_timeout_protocol``)."""
    conf = spec.settings
    return {
        "host": host,
        "port": port,
        "log_level": spec.log_level,
        "access_log": False,  # medcite.server.access logs requests with their ids, not queries
        "proxy_headers": False,
        "server_header": False,
        "timeout_graceful_shutdown": conf.shutdown_grace_seconds,
        "timeout_keep_alive": conf.keep_alive_seconds,
        "h11_max_incomplete_event_size": conf.max_header_bytes,
        "limit_concurrency": conf.max_connections,
    }


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    index_path: str | Path | None = None,
    *,
    settings: ServerSettings | None = None,
    get_answer: AnswerLookup | None = None,
    audit_log: Path | None = None,
    workers: int = 1,
    expose: bool = False,
) -> None:
    """``medcite serve``: refuse to start without a usable index, else serve until stopped."""
    build_server(
        host,
        port,
        index_path,
        settings=settings,
        get_answer=get_answer,
        audit_log=audit_log,
        workers=workers,
        expose=expose,
    ).run()
