"""The ``medcite`` command: a thin shell over :class:`medcite.Engine`.

Parse arguments, call the engine, render, and turn :class:`medcite.errors.MedciteError` into a
one-line message on stderr with a non-zero exit code. Heavy modules are imported inside commands so
that ``medcite --help`` and ``medcite search`` start fast.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from medcite.cli_data import data_app
from medcite.cli_llm import llm_app

if TYPE_CHECKING:
    from rich.console import Console

    from medcite.engine import Engine
    from medcite.records import Answer, IngestReport, QueryConcept
    from medcite.server.schemas import ServerSettings

app = typer.Typer(
    name="medcite",
    help="Evidence-based answers to health questions, every statement cited.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
index_app = typer.Typer(help="Inspect the local evidence index.", no_args_is_help=True)
app.add_typer(index_app, name="index")
vocab_app = typer.Typer(help="Clinical vocabulary used to expand questions.", no_args_is_help=True)
app.add_typer(vocab_app, name="vocab")
audit_app = typer.Typer(help="The audit log of answers given.", no_args_is_help=True)
app.add_typer(audit_app, name="audit")
app.add_typer(data_app, name="data")
app.add_typer(llm_app, name="llm")

IndexOption = Annotated[
    Path | None,
    typer.Option(
        "--index",
        envvar="MEDCITE_INDEX",
        help="Index directory [default: the user data dir; env MEDCITE_INDEX].",
        show_default=False,
    ),
]
RayOption = Annotated[
    str | None,
    typer.Option(
        "--ray",
        envvar="MEDCITE_RAY_ADDRESS",
        metavar="ADDRESS",
        help="Search a sharded index with one Ray actor per shard on this cluster (auto, "
        "ray://HOST:10001, local) [default: threads of this process; env MEDCITE_RAY_ADDRESS].",
        show_default=False,
    ),
]


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


class AnswerFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    text = "text"


class SourceChoice(StrEnum):
    local = "local"
    live = "live"
    auto = "auto"


class SchemaName(StrEnum):
    answer = "answer"
    document = "document"


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, soft_wrap=True)


def _stdout() -> Console:
    from rich.console import Console

    return Console(soft_wrap=False)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn medcite's errors into one red line on stderr and the error's exit code."""
    from medcite.errors import MedciteError

    try:
        yield
    except MedciteError as exc:
        _stderr().print(f"[bold red]error:[/] {_escape(str(exc))}", highlight=False)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        _stderr().print("[yellow]interrupted[/]")
        raise typer.Exit(130) from None
    except BaseException as exc:  # a Rust panic from tantivy is a BaseException
        from medcite.index.integrity import is_panic

        if not is_panic(exc):
            raise
        _stderr().print(
            "[bold red]error:[/] the index could not be read (tantivy stopped on damaged data); "
            "run `medcite index verify` to name the damaged file, and rebuild the index into a "
            "new folder with --index NEW_DIR (keep this one)",
            highlight=False,
        )
        raise typer.Exit(3) from None


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _engine(index: Path | None) -> Engine:
    from medcite.engine import Engine

    return Engine(index)


def _use_ray(address: str | None) -> None:
    """Search sharded indexes on the Ray cluster at ``address`` (the engine, and any server
    worker process started from here, read it from the environment)."""
    if address:
        from medcite.index.sharded import RAY_ADDRESS_ENV

        os.environ[RAY_ADDRESS_ENV] = address


def _audit_log_option(help_text: str) -> Any:
    """The ``--audit-log`` option (``MEDCITE_AUDIT_LOG``) of the commands that use the log."""
    return typer.Option(
        "--audit-log", envvar="MEDCITE_AUDIT_LOG", help=help_text, show_default=False
    )


HISTORY_QUESTION_CHARS = 120
"""``medcite history`` shows at most this much of each question, on one line."""
MIN_RATE_SECONDS = 0.5
"""Below this, an ingest's records/s figure is noise and is not printed."""


def _version(value: bool) -> None:
    if value:
        from medcite import __version__

        typer.echo(f"medcite {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="-v info, -vv debug.")
    ] = 0,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """Evidence-based answers to health questions, every statement cited."""
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(
        level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="PubMed XML (.xml/.gz), MedQuAD XML or .tar.gz, JSONL files or dirs."),
    ],
    index: IndexOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            metavar="N",
            help="Parse in N local processes (a big PubMed file too, batch by batch); one "
            "writer per shard. Default: one process.",
            show_default=False,
        ),
    ] = None,
    ray: Annotated[
        str | None,
        typer.Option(
            "--ray",
            metavar="ADDRESS",
            help="Parse in Ray tasks on this cluster (auto, HOST:6379, ray://HOST:10001, local), "
            "one writer actor per shard on this machine; needs the `ray` extra. Default: env "
            "MEDCITE_RAY_ADDRESS, unless --workers is given.",
            show_default=False,
        ),
    ] = None,
    shards: Annotated[
        int | None,
        typer.Option(
            "--shards",
            min=1,
            metavar="N",
            help="Create the index with N shards (documents routed by a hash of their id); "
            "fixed at creation: an existing index keeps its count. Default: 1, or the "
            "index's own.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Add documents to the index (format detected by content; re-ingesting is safe), then
    embed new or changed documents for dense retrieval (when the `semantic` extra is installed)."""
    from medcite.cli_progress import EmbedBar, IngestBar
    from medcite.index.sharded import RAY_ADDRESS_ENV

    ray_address = ray or (None if workers else os.environ.get(RAY_ADDRESS_ENV) or None)
    with _errors():
        engine = _engine(index)
        show_bar = _show_bars(quiet)
        with IngestBar(_stderr(), enabled=show_bar) as bar:
            embed_bar = EmbedBar(_stderr(), enabled=show_bar)
            report = engine.ingest(
                paths,
                progress=bar,
                embed_progress=embed_bar,
                workers=workers or 0,
                ray_address=ray_address,
                shards=shards,
            )
    _print_ingest_summary(report, quiet)
    if report.failed:
        raise typer.Exit(2)


def _show_bars(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")


@app.command()
def embed(
    index: IndexOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Build or update the dense-retrieval vectors of the index (only new or changed documents
    are embedded; needs the `semantic` extra, which scripts/setup.sh installs)."""
    from medcite.cli_progress import EmbedBar
    from medcite.index.sharded import open_index
    from medcite.semantic.build import build

    with _errors():
        engine = _engine(index)
        bar = EmbedBar(_stderr(), enabled=_show_bars(quiet))
        store, report = build(open_index(engine.index_path), engine.settings.semantic, bar)
    if not quiet:
        info = store.info()
        _stderr().print(
            f"dense store: {report.embedded:,} documents embedded, {report.kept:,} unchanged, "
            f"{report.dropped:,} dropped, {report.skipped:,} without text to embed"
            f"{' (rebuilt for a new model)' if report.rebuilt else ''}; {info.rows:,} rows, "
            f"{info.size_bytes / 1e6:,.1f} MB, {report.seconds:,.1f} s",
            highlight=False,
        )


def _print_ingest_summary(report: IngestReport, quiet: bool) -> None:
    console = _stderr()
    for failed in report.failed:
        console.print(f"[bold red]error:[/] {_escape(failed.error or '')}", highlight=False)
    if quiet:
        return
    seconds = sum(f.seconds for f in report.files)
    records = report.added + report.unchanged + report.deleted
    rate = f" ({records / seconds:,.0f} records/s)" if seconds >= MIN_RATE_SECONDS else ""
    reasons: dict[str, int] = {}
    for f in report.files:
        for reason, n in f.skip_reasons.items():
            reasons[reason] = reasons.get(reason, 0) + n
    console.print(
        f"ingested {len(report.files) - len(report.failed)}/{len(report.files)} files: "
        f"{report.added:,} documents added or updated, {report.unchanged:,} unchanged, "
        f"{report.deleted:,} deleted, "
        f"{report.skipped:,} skipped{rate}",
        highlight=False,
    )
    for reason, n in sorted(reasons.items(), key=lambda kv: -kv[1])[:10]:
        console.print(f"  skipped {n:,}: {_escape(reason)}", highlight=False)


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(help="Free text, e.g. 'hemifacial spasm botulinum toxin'.")
    ],
    k: Annotated[int, typer.Option("-k", "--k", help="Number of hits.", min=1)] = 10,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = (
        OutputFormat.table
    ),
    index: IndexOption = None,
    ray: RayOption = None,
) -> None:
    """Search the local index (BM25) and list ranked hits with highlighted snippets."""
    from medcite.render import hits as render

    _use_ray(ray)
    with _errors():
        found = _engine(index).search(query, k=k)
    if fmt is OutputFormat.json:
        typer.echo(render.hits_json(query, found))
        return
    console = _stdout()
    if not found:
        console.print(f"no documents match {query!r}", highlight=False)
        return
    console.print(render.hits_view(query, found, console.width))


@index_app.command("info")
def index_info(
    index: IndexOption = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = (
        OutputFormat.table
    ),
) -> None:
    """Document counts by source, publication type and year; size on disk; dense retrieval."""
    import json
    from dataclasses import asdict

    from medcite.index.shards import read_layout
    from medcite.render import hits as render
    from medcite.semantic.build import status

    with _errors():
        engine = _engine(index)
        stats = engine.stats()
        shards = read_layout(engine.index_path).count
        dense = status(engine.index_path, engine.settings.semantic)
        vocabulary = engine.vocabulary()
        gaps = vocabulary.gaps()
    if fmt is OutputFormat.json:
        body = json.loads(stats.model_dump_json())
        body["shards"] = shards
        info = asdict(dense.info) if dense.info else None
        body["dense"] = {"on": dense.on, "reason": dense.reason, "line": dense.line, "store": info}
        body["vocabulary"] = {"loaded": vocabulary.loaded, "warnings": gaps}
        typer.echo(json.dumps(body, indent=2))
        return
    console = _stdout()
    console.print(render.stats_tables(stats))
    if shards > 1:
        console.print(f"shards: {shards} (documents routed by a hash of their id)")
    console.print(f"dense retrieval: {_escape(dense.line)}", highlight=False)
    for gap in gaps:
        _warn(gap)


@index_app.command("verify")
def index_verify(index: IndexOption = None) -> None:
    """Check every index file against its checksum (tantivy does not when it reads, so damaged
    bytes can otherwise go unnoticed); exit 3 naming the first damaged file."""
    with _errors():
        engine = _engine(index)
        engine.verify()
    typer.echo(f"index {engine.index_path}: every file matches its checksum")


@app.command()
def ask(
    question: Annotated[
        str | None, typer.Argument(help="A health question, e.g. 'What causes facial twitches?'.")
    ] = None,
    fmt: Annotated[AnswerFormat, typer.Option("--format", "-f", help="Output format.")] = (
        AnswerFormat.terminal
    ),
    explain: Annotated[
        bool, typer.Option("--explain", help="Show how the question was understood and searched.")
    ] = False,
    max_refs: Annotated[
        int, typer.Option("--max-refs", min=1, max=100, help="Most references.")
    ] = 12,
    detail: Annotated[
        bool,
        typer.Option(
            "--detail", help="The long form: every statement found (default: at most ~250 words)."
        ),
    ] = False,
    source: Annotated[
        SourceChoice,
        typer.Option(
            "--source",
            help="local: the index only; live: PubMed + Europe PMC (fetched records are added to "
            "the index); auto: both, falling back to the index with a note when offline.",
        ),
    ] = SourceChoice.local,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Ignore cached PubMed/Europe PMC responses.")
    ] = False,
    replay: Annotated[
        str | None,
        typer.Option(
            "--replay", metavar="ANSWER_ID", help="Re-render a stored answer from the audit log."
        ),
    ] = None,
    llm: Annotated[
        bool | None,
        typer.Option(
            "--llm/--no-llm",
            help="Also have the configured language model write the answer as prose, every "
            "sentence checked against its sources (sends the question and the sources to "
            "MEDCITE_LLM_BASE_URL) (default: MEDCITE_LLM__ENABLED, off).",
            show_default=False,
        ),
    ] = None,
    show_unsupported: Annotated[
        bool,
        typer.Option(
            "--show-unsupported",
            help="With --llm: also list the model's statements that failed the check, and why.",
        ),
    ] = False,
    index: IndexOption = None,
    ray: RayOption = None,
) -> None:
    """Answer a health question from the evidence, every statement cited."""
    from medcite.errors import InputError

    _use_ray(ray)
    with _errors():
        engine = _engine(index)
        try:
            if replay:
                answer = engine.replay(replay)
            elif question is None:
                raise InputError("give a question, or --replay ANSWER_ID")
            else:
                with _stderr().status("answering …") as status:
                    answer = engine.ask(
                        question,
                        source=source.value,
                        refresh=refresh,
                        max_refs=max_refs,
                        detail=detail,
                        llm=llm,
                        progress=lambda stage: status.update(f"{stage} …"),
                    )
        finally:
            engine.close()
    if explain:
        _print_explain(answer)
    _print_answer(answer, fmt, show_unsupported)


def _print_answer(answer: Answer, fmt: AnswerFormat, show_unsupported: bool = False) -> None:
    if fmt is AnswerFormat.json:
        typer.echo(answer.model_dump_json(indent=2))
    elif fmt is AnswerFormat.markdown:
        from medcite.render import markdown

        typer.echo(markdown.render(answer, show_unsupported))
    elif fmt is AnswerFormat.text:
        from medcite.render import text

        typer.echo(text.render(answer, show_unsupported), nl=False)
    else:
        from medcite.render import terminal

        _stdout().print(terminal.render(answer, show_unsupported))


def _unknown_line(term: str, meant: Sequence[str]) -> str:
    close = f"; close: {', '.join(meant)}" if meant else ""
    return f'"{term}": no vocabulary term or indexed document{close}'


def _concept_line(concept: QueryConcept) -> str:
    """ "fever" → Fever [D005334] (MeSH term; topic): what the words were mapped to and why."""
    use = {
        "topic": "topic: cited documents must be about it",
        "qualifier": "qualifier: ranking only",
        "negated": "said to be absent: not used",
    }
    return (
        f'"{concept.matched}" → {concept.name} [{concept.key}] '
        f"({concept.via}; {use.get(concept.role, 'not a clinical topic: not used')})"
    )


def _print_explain(answer: Answer) -> None:
    from rich.text import Text

    q = answer.query
    rows = [
        ("answer id", f"{answer.id} (medcite ask --replay {answer.id})"),
        ("focus", q.focus or "(none)"),
        ("question", f"{q.question_type.value} question"),
        ("facets", ", ".join(f.value for f in q.facets)),
        *(("concept", _concept_line(c)) for c in q.concepts),
        *(("corrected", f"{a} → {b}") for a, b in q.corrections.items()),
        *(("unknown", _unknown_line(t, q.suggestions.get(t, ()))) for t in q.unknown_terms),
        ("expansions", ", ".join(q.expansions) or "(none)"),
        ("red flags", ", ".join(f.kind for f in q.red_flags) or "(none)"),
        *(("searched", s) for s in answer.searched),
        *(("note", n) for n in answer.notes),
        ("timings", ", ".join(f"{k} {v:.0f} ms" for k, v in answer.timings_ms.items())),
    ]
    console = _stderr()
    for key, value in rows:
        console.print(Text(f"{key:>11}: ", style="bold") + Text(value))


@app.command()
def schema(
    name: Annotated[SchemaName, typer.Argument(help="Which record.")] = SchemaName.answer,
) -> None:
    """Print the JSON Schema of medcite's JSON output (`ask --format json`)."""
    import json

    from medcite.records import Answer, Document

    model = Answer if name is SchemaName.answer else Document
    typer.echo(json.dumps(model.model_json_schema(mode="serialization"), indent=2))


@vocab_app.command("load")
def vocab_load(
    terms: Annotated[
        Path, typer.Argument(help="MeSH descriptor/entry-term TSV (.tsv or .tsv.gz).")
    ],
    trees: Annotated[
        Path | None, typer.Option("--trees", help="MeSH descriptor tree-number TSV.")
    ] = None,
    index: IndexOption = None,
) -> None:
    """Store MeSH entry terms (and the topic names and synonyms of the index's MedQuAD and
    MedlinePlus pages) beside the index.

    The tree numbers make the topic gate and the out-of-scope check work; without --trees the
    file published beside TERMS (…_terms.tsv.gz → …_trees.tsv.gz) is used when it is there."""
    from medcite.query.vocab import TREES_EXAMPLE, trees_beside

    if trees is None and (trees := trees_beside(terms)) is not None:
        _stderr().print(f"tree numbers: {_escape(str(trees))}", highlight=False)
    with _errors():
        counts = _engine(index).load_vocabulary(terms, trees)
    _stderr().print(
        f"vocabulary: {counts['mesh']:,} MeSH terms, {counts['medquad']:,} topic names and "
        "synonyms (MedQuAD, MedlinePlus)",
        highlight=False,
    )
    if trees is None:
        _warn(
            "loaded without tree numbers (no --trees, none beside the terms file): medcite "
            "cannot tell clinical concepts from others, so the topic gate and the out-of-scope "
            f"check are weaker; load again with --trees {TREES_EXAMPLE}"
        )


def _warn(message: str) -> None:
    _stderr().print(f"warning: {_escape(message)}", style="yellow", highlight=False)


@app.command()
def serve(
    host: Annotated[
        str, typer.Option(help="Address to listen on; 127.0.0.1 serves this machine only.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    index: IndexOption = None,
    audit_log: Annotated[
        Path | None,
        _audit_log_option(
            "Log answers to, and serve GET /v1/answers/{id} from, this audit log "
            "(default: the index's)."
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Server processes (answering uses one core each); they share cached answers "
            "and the rate limit (per client, not per process) [default: one per core, at most 4].",
            show_default=False,
        ),
    ] = None,
    expose: Annotated[
        bool,
        typer.Option(
            "--expose",
            help="Allow a --host other than loopback (the API, the page and stored answers become "
            "reachable from other machines; set MEDCITE_API_TOKEN to require a token).",
        ),
    ] = False,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allowed-host",
            metavar="NAME",
            help="Also answer requests whose Host is NAME (repeatable; localhost and the bound "
            "address always) [env MEDCITE_SERVER_ALLOWED_HOSTS].",
            show_default=False,
        ),
    ] = None,
    allow_live: Annotated[
        bool,
        typer.Option(
            "--allow-live",
            help="Let HTTP clients ask for live sources (PubMed / Europe PMC; writes to the "
            "index); off: such requests get 403.",
        ),
    ] = False,
    allow_llm: Annotated[
        bool,
        typer.Option(
            "--allow-llm",
            help="Let HTTP clients ask for the language model's synthesis (llm: true in a "
            "request; the question and sources go to MEDCITE_LLM_BASE_URL); off: 403.",
        ),
    ] = False,
    ray: Annotated[
        str | None,
        typer.Option(
            "--ray",
            metavar="ADDRESS",
            help="Serve on Ray Serve on this cluster (auto, ray://HOST:10001, local) with "
            "--replicas replicas instead of --workers processes; a sharded index is searched by "
            "one Ray actor per shard.",
            show_default=False,
        ),
    ] = None,
    replicas: Annotated[
        int,
        typer.Option("--replicas", min=1, max=64, help="With --ray: Ray Serve replicas."),
    ] = 1,
) -> None:
    """Serve the HTTP API (described at /openapi.json) and the web page until Ctrl+C / SIGTERM.

    Private by default: loopback only (other addresses need --expose), Host names checked,
    answers replayed by full id only, live sources and the language model off; MEDCITE_API_TOKEN
    requires a bearer token on /v1/."""
    try:
        from medcite.server.access import check_exposure, exposure_line, is_loopback
        from medcite.server.app import serve as serve_app
        from medcite.server.schemas import ServerSettings
        from medcite.server.workers import default_workers
    except ImportError:
        _stderr().print("[bold red]error:[/] the server needs: pip install 'medcite[server]'")
        raise typer.Exit(2) from None
    with _errors():
        check_exposure(host, expose)
        base = ServerSettings()
        hosts = (*base.allowed_hosts, *(allowed_host or ()))
        settings = base.model_copy(
            update={
                "allowed_hosts": hosts,
                "allow_live": allow_live or base.allow_live,
                "allow_llm": allow_llm or base.allow_llm,
            }
        )
        if not is_loopback(host):
            _stderr().print(exposure_line(host, port, settings), highlight=False, markup=False)
        log_path = audit_log or _engine(index).audit_path
        if ray:
            _serve_on_ray(ray, host, port, replicas, expose, index, settings, log_path, workers)
            return
        serve_app(
            host,
            port,
            index,
            settings=settings,
            audit_log=log_path,
            workers=workers or default_workers(),
            expose=expose,
        )


def _serve_on_ray(
    address: str,
    host: str,
    port: int,
    replicas: int,
    expose: bool,
    index: Path | None,
    settings: ServerSettings,
    audit_log: Path,
    workers: int | None,
) -> None:
    from medcite.errors import InputError
    from medcite.scale.serve import RayServeSpec, serve_on_ray

    if workers is not None:
        raise InputError("--workers is for one machine; with --ray use --replicas N")
    run = RayServeSpec(address, host, port, replicas, expose)
    serve_on_ray(run, index, settings=settings, audit_log=audit_log)


@audit_app.command("prune")
def audit_prune(
    older_than: Annotated[
        int | None,
        typer.Option(
            "--older-than",
            metavar="DAYS",
            min=0,
            help="Remove answers older than DAYS days [default: the retention setting, "
            "MEDCITE_AUDIT_RETENTION__MAX_AGE_DAYS, 90].",
            show_default=False,
        ),
    ] = None,
    keep: Annotated[
        int | None,
        typer.Option(
            "--keep",
            metavar="N",
            min=0,
            help="Keep only the newest N answers [default: MEDCITE_AUDIT_RETENTION__MAX_ENTRIES, "
            "10000].",
            show_default=False,
        ),
    ] = None,
    index: IndexOption = None,
    audit_log: Annotated[
        Path | None, _audit_log_option("The audit log (default: the index's).")
    ] = None,
) -> None:
    """Remove old answers from the audit log (then compact it); prints how many were removed."""
    from medcite.audit import AuditLog

    with _errors():
        engine = _engine(index)
        path = audit_log or engine.audit_path
        if not path.exists():
            _stderr().print(f"no audit log at {_escape(str(path))}; nothing to prune")
            return
        retention = engine.settings.audit_retention
        days = retention.max_age_days if older_than is None else older_than
        newest = retention.max_entries if keep is None else keep
        log = AuditLog(path)
        removed = log.prune(days, newest)
        typer.echo(f"removed {removed} answers from {path} ({log.count()} kept)")


@app.command()
def history(
    limit: Annotated[
        int, typer.Option("-n", "--limit", min=1, help="How many answers to list.")
    ] = 20,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = (
        OutputFormat.table
    ),
    index: IndexOption = None,
    audit_log: Annotated[
        Path | None, _audit_log_option("The audit log (default: the index's).")
    ] = None,
) -> None:
    """List the answers stored in the audit log, newest first (replay one with --replay ID)."""
    import json

    from medcite.audit import AuditLog

    with _errors():
        path = audit_log or _engine(index).audit_path
        found = AuditLog(path).recent(limit) if path.exists() else []
    if fmt is OutputFormat.json:
        typer.echo(json.dumps([vars(entry) for entry in found], ensure_ascii=False, indent=2))
        return
    if not found:
        _stderr().print(f"no answers stored in {_escape(str(path))}", highlight=False)
        return
    console = _stdout()
    for entry in found:
        when = entry.created_at[:19].replace("T", " ")
        question = " ".join(entry.question.split())
        if len(question) > HISTORY_QUESTION_CHARS:
            question = question[: HISTORY_QUESTION_CHARS - 1] + "…"
        console.print(f"[cyan]{entry.id}[/]  {when}  {_escape(question)}", highlight=False)
    _stderr().print("replay one with: medcite ask --replay ID", style="dim", highlight=False)


class EvalSuite(StrEnum):
    quick = "quick"
    full = "full"


@app.command("eval")
def eval_command(
    suite: Annotated[
        EvalSuite,
        typer.Option("--suite", help="quick: sampled, ≤ 3 min (CI); full: every question."),
    ] = EvalSuite.quick,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Run folder for report.md, report.json, details.jsonl and charts "
            "(default: eval-runs/SUITE).",
            show_default=False,
        ),
    ] = None,
    index: Annotated[
        Path | None,
        typer.Option(
            "--index",
            help="Evaluation index, built from the sample corpora ($MEDCITE_CORPORA or "
            "../shared/corpora) if missing (default: <user data dir>/eval-index).",
            show_default=False,
        ),
    ] = None,
    baselines_only: Annotated[
        bool, typer.Option("--baselines-only", help="Run only plain BM25 and lead sentences.")
    ] = False,
    corpora: Annotated[
        Path | None,
        typer.Option(
            "--corpora",
            envvar="MEDCITE_CORPORA",
            help="Folder with the evaluation sets (same layout as ../shared/corpora), e.g. a "
            "held-out set in the same formats.",
            show_default=False,
        ),
    ] = None,
    llm: Annotated[
        bool,
        typer.Option(
            "--llm",
            help="Score the language model's synthesis (MEDCITE_LLM_BASE_URL/MODEL) beside the "
            "extractive answer on LiveQA + MedicationQA dev questions; writes llm.md, llm.json "
            "and llm-review.md (default folder: eval-runs/llm).",
        ),
    ] = False,
    llm_sample: Annotated[
        int,
        typer.Option("--llm-sample", min=1, help="Dev questions for --llm (half from each set)."),
    ] = 30,
) -> None:
    """Measure retrieval, answers, citations, red flags and speed against baselines."""
    import importlib.util

    if llm:
        _eval_llm(out, index, corpora, llm_sample)
        return

    missing = [m for m in ("rouge_score", "matplotlib") if importlib.util.find_spec(m) is None]
    if missing:
        _stderr().print("[bold red]error:[/] evaluation needs: pip install 'medcite[eval]'")
        raise typer.Exit(2)
    from medcite.config import Settings, default_index_path
    from medcite.engine import Engine
    from medcite.eval.report import render_markdown
    from medcite.eval.runner import (
        medcite_retrieval,
        medcite_retrieved,
        medcite_tiered_retrieval,
        run_suite,
    )

    index_path = index or default_index_path().parent / "eval-index"
    run_folder = out or Path("eval-runs") / suite.value
    with _errors():
        engine = Engine(index_path, Settings(index=index_path, audit=False))
        medcite = not baselines_only
        report = run_suite(
            suite.value,
            index_path,
            run_folder,
            answer_fn=engine.ask if medcite else None,
            retrieve_fn=medcite_retrieval(engine) if medcite else None,
            retrieve_for_task=medcite_tiered_retrieval(engine) if medcite else None,
            retrieved_fn=medcite_retrieved(engine) if medcite else None,
            corpora=corpora,
        )
    typer.echo(render_markdown(report))
    _stderr().print(f"report written to {run_folder}", highlight=False)


def _eval_llm(out: Path | None, index: Path | None, corpora: Path | None, sample: int) -> None:
    """``medcite eval --llm``: the synthesis on the dev sets (see medcite.eval.llm)."""
    from medcite.config import Settings, default_index_path
    from medcite.llm.errors import NOT_CONFIGURED

    index_path = index or default_index_path().parent / "eval-index"
    settings = Settings(index=index_path, audit=False)
    if not settings.llm.configured:
        _stderr().print(f"[bold red]error:[/] {_escape(NOT_CONFIGURED)}", highlight=False)
        raise typer.Exit(2)
    from medcite.eval.llm import run_llm_eval

    run_folder = out or Path("eval-runs") / "llm"
    err = _stderr()

    def progress(n: int, outcome: Any) -> None:
        err.print(f"{n}/{sample} {outcome.dataset} {outcome.qid}: {outcome.status}", style="dim")

    with _errors():
        result = run_llm_eval(
            index_path,
            run_folder,
            corpora=corpora,
            sample=sample,
            settings=settings,
            progress=progress,
        )
    typer.echo(result.markdown())
    _stderr().print(f"report and review file written to {run_folder}", highlight=False)


def run() -> None:
    """Console-script entry point."""
    app()
