"""Fetch a named data set into a data folder: plan the files, download, verify, convert.

A file is *complete* when MANIFEST.json has an entry for it whose sha256 matches: re-running a
fetch skips complete files without using the network. Otherwise the file is downloaded (resuming
its ``.part`` file), checked against NCBI's ``.md5`` or the sha256 pinned in
:mod:`medcite.data.catalog` (or, where upstream publishes no checksum, its sha256 is recorded),
and only then renamed into place.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from medcite.data import catalog, convert
from medcite.data.catalog import Checksum, Remote, Target
from medcite.data.download import (
    ChecksumError,
    Downloader,
    DownloadError,
    HttpStatusError,
    file_digest,
)
from medcite.data.manifest import Entry, Manifest, now
from medcite.errors import InputError
from medcite.ingest.detect import Format, describe, sniff

log = logging.getLogger(__name__)

T = TypeVar("T")

MD5_HEX = re.compile(r"\b([0-9a-fA-F]{32})\b")
COUNTED = frozenset({Target.pubmed_baseline, Target.pubmed_updates, Target.openfda_labels})
"""Targets taking a file count (required for PubMed; openFDA: all files without one)."""
HEAD_BYTES = 4096
"""How much of a download is read to check its content (as ingest detects formats)."""


@dataclass(frozen=True)
class Conversion:
    """Files made from one downloaded file."""

    source: str
    outputs: tuple[str, ...]
    run: Callable[[Path, tuple[Path, ...]], object]


@dataclass(frozen=True)
class Plan:
    remotes: tuple[Remote, ...]
    conversions: tuple[Conversion, ...] = ()


@dataclass(frozen=True)
class FileResult:
    """What happened to one file of the data folder."""

    path: str
    status: str
    """``downloaded``, ``already complete`` or ``converted``."""
    size: int
    verified_by: str


@dataclass
class Fetcher:
    """Fetches plans into ``dest``; ``mirror`` stands in for the official hosts."""

    dest: Path
    downloader: Downloader
    mirror: str | None = None
    manifest: Manifest = field(init=False)

    def __post_init__(self) -> None:
        self.manifest = Manifest(self.dest)

    # --- planning ---------------------------------------------------------------------------

    def plan(
        self,
        target: Target,
        count: int | None = None,
        mesh_year: int | None = None,
        day: str | None = None,
    ) -> Plan:
        """The files of ``target`` (``count``: how many PubMed files or openFDA label files;
        ``day``: the MedlinePlus file's date, ``YYYY-MM-DD``)."""
        if day is not None and target is not Target.medlineplus:
            raise InputError(f"`{target}` takes no --date (only medlineplus does)")
        if target in COUNTED:
            return Plan(self._counted(target, count))
        if count is not None:
            raise InputError(
                f"`{target}` takes no file count (only pubmed-baseline/updates and "
                "openfda-labels do)"
            )
        if target is Target.medlineplus:
            return Plan((catalog.medlineplus_topics(self._medlineplus_day(day)),))
        if target is Target.medquad:
            return _medquad()
        if target is Target.mesh:
            return _mesh(mesh_year or self._mesh_year())
        return _sample(mesh_year or self._mesh_year())

    def _counted(self, target: Target, count: int | None) -> tuple[Remote, ...]:
        """The files of a target taking a file count."""
        if target is Target.openfda_labels:
            return self._openfda_labels(count)
        if target is Target.pubmed_updates:
            return self._pubmed(catalog.UPDATES_URL, "pubmed-updates", _count(count), True)
        return self._pubmed(catalog.BASELINE_URL, "pubmed-baseline", _count(count), False)

    def _pubmed(self, folder_url: str, folder: str, count: int, newest: bool) -> tuple[Remote, ...]:
        recorded = self._recorded(folder + "/", catalog.PUBMED_FILE)
        try:
            names = self._listing(folder_url, catalog.pubmed_names)
        except DownloadError:
            if len(recorded) < count:
                raise
            names = recorded  # offline, and the files were fetched before
        if names is None and not newest:
            names = recorded if len(recorded) >= count else catalog.fallback_baseline_names(count)
        if not names:
            raise DownloadError(f"no PubMed files listed at {folder_url}; try again later")
        if count > len(names):
            raise InputError(f"{folder_url} lists {len(names)} files; ask for at most that many")
        chosen = names[-count:] if newest else names[:count]
        return tuple(catalog.pubmed_file(folder_url, name, folder) for name in chosen)

    def _mesh_year(self) -> int:
        years = [int(n[4:8]) for n in self._recorded("mesh/", catalog.MESH_DESC_FILE)]
        recorded = max(years, default=None)
        try:
            listed = self._listing(catalog.MESH_XML_URL, catalog.mesh_year)
        except DownloadError:
            if recorded is None:
                raise
            return recorded  # offline, and MeSH was fetched before
        return listed or recorded or catalog.FALLBACK_MESH_YEAR

    def _openfda_labels(self, count: int | None) -> tuple[Remote, ...]:
        """The first ``count`` drug label files openFDA lists (all of them when None)."""
        if count is not None and count < 1:
            raise InputError("say how many openFDA label files to fetch (≥ 1), or none for all")
        url = catalog.OPENFDA_DOWNLOADS_URL
        try:
            listing = self.downloader.text(catalog.mirrored(url, self.mirror))
        except DownloadError:
            recorded = self._recorded_remotes(
                "openfda/", catalog.OPENFDA_LABEL_FILE, Format.OPENFDA_LABELS
            )
            if not recorded or (count is not None and len(recorded) < count):
                raise
            return recorded[:count]  # offline, and the files were fetched before
        try:
            partitions = catalog.openfda_label_partitions(listing)
        except ValueError as exc:
            raise DownloadError(f"{url}: not openFDA's download listing ({exc})") from None
        if count is not None and count > len(partitions):
            raise InputError(f"{url} lists {len(partitions)} label files; ask for at most that")
        chosen = partitions[:count]
        size = sum(p.size_mb or 0.0 for p in chosen)
        labels = sum(p.records or 0 for p in chosen)
        log.info(
            "openFDA: %d of %d label files, %.0f MB, %d labels",
            len(chosen),
            len(partitions),
            size,
            labels,
        )
        return tuple(p.remote for p in chosen)

    def _medlineplus_day(self, day: str | None) -> str:
        """``day`` checked, else the date of the file MedlinePlus's XML page links now."""
        if day is not None:
            if not catalog.is_date(day):
                raise InputError(f"--date {day!r} is not a date written YYYY-MM-DD")
            return day
        page = catalog.MEDLINEPLUS_XML_PAGE
        recorded = self._recorded("medlineplus/", catalog.MEDLINEPLUS_TOPICS_FILE)
        try:
            text = self.downloader.text(catalog.mirrored(page, self.mirror))
        except HttpStatusError as exc:
            raise DownloadError(f"{exc}; give the file's date with --date YYYY-MM-DD") from None
        except DownloadError:
            if not recorded:
                raise
            return _day_of(recorded[-1])  # offline, and a topics file was fetched before
        days = catalog.medlineplus_dates(text)
        if not days:
            raise DownloadError(
                f"{page} links no mplus_topics_YYYY-MM-DD.xml file; "
                "give the file's date with --date YYYY-MM-DD"
            )
        return days[-1]

    def _recorded_remotes(
        self, folder: str, pattern: re.Pattern[str], content: Format
    ) -> tuple[Remote, ...]:
        """The files of ``folder`` the manifest lists (as fetched), sorted by name."""
        entries = (self.manifest.get(folder + name) for name in self._recorded(folder, pattern))
        return tuple(
            Remote(e.url, e.path, Checksum(e.verified_by), content=content)
            for e in entries
            if e is not None
        )

    def _listing(self, url: str, parse: Callable[[str], T]) -> T | None:
        """``parse`` of the directory listing at ``url``; None (logged) if the server has none.

        Raises :class:`DownloadError` if the server cannot be reached."""
        try:
            return parse(self.downloader.text(catalog.mirrored(url, self.mirror)))
        except HttpStatusError as exc:
            log.warning("cannot list %s (%s); using the default file names", url, exc)
            return None

    def _recorded(self, folder: str, pattern: re.Pattern[str]) -> list[str]:
        """Names of the files in ``folder`` of the manifest matching ``pattern``, sorted."""
        names = (e.path.removeprefix(folder) for e in self.manifest.entries())
        return sorted(n for n in names if pattern.fullmatch(n))

    # --- fetching ---------------------------------------------------------------------------

    def run(self, plan: Plan) -> list[FileResult]:
        """Fetch every file of ``plan``, then make the converted files; stops at the first error."""
        results = [self.fetch(remote) for remote in plan.remotes]
        for conversion in plan.conversions:
            results.extend(self.convert(conversion))
        return results

    def fetch(self, remote: Remote) -> FileResult:
        final = self.dest / remote.path
        if (done := self._complete(remote.path)) is not None:
            return done
        expected = self._expected(remote)
        if expected and final.is_file() and file_digest(final, expected[0]) == expected[1]:
            return self._record(remote, final, "already complete")
        part = final.with_name(final.name + ".part")
        self.downloader.to_part(catalog.mirrored(remote.url, self.mirror), part, remote.path)
        if expected:
            _verify(part, remote, *expected)
        if remote.content is not None:
            _verify_content(part, remote, remote.content)
        part.replace(final)
        return self._record(remote, final, "downloaded")

    def _complete(self, path: str) -> FileResult | None:
        """The result for a file already recorded in the manifest and intact, else None."""
        entry = self.manifest.get(path)
        target = self.dest / path
        if entry is None or not target.is_file() or target.stat().st_size != entry.size:
            return None
        if file_digest(target, "sha256") != entry.sha256:
            log.warning("%s changed since it was fetched; fetching it again", target)
            return None
        return FileResult(path, "already complete", entry.size, entry.verified_by)

    def _expected(self, remote: Remote) -> tuple[str, str] | None:
        """(algorithm, hex digest) the download must have; None where nothing is published."""
        if remote.checksum is Checksum.PINNED:
            assert remote.sha256 is not None
            return "sha256", remote.sha256
        if remote.checksum is Checksum.NCBI_MD5:
            text = self.downloader.text(catalog.mirrored(remote.url + ".md5", self.mirror))
            if not (match := MD5_HEX.search(text)):
                raise DownloadError(f"{remote.url}.md5: no MD5 checksum in it: {text[:80]!r}")
            return "md5", match.group(1).lower()
        return None

    def _record(self, remote: Remote, final: Path, status: str) -> FileResult:
        entry = Entry(
            path=remote.path,
            url=remote.url,
            sha256=file_digest(final, "sha256"),
            size=final.stat().st_size,
            verified_by=str(remote.checksum),
            fetched_at=now(),
        )
        self.manifest.record(entry)
        return FileResult(entry.path, status, entry.size, entry.verified_by)

    # --- converting -------------------------------------------------------------------------

    def convert(self, conversion: Conversion) -> list[FileResult]:
        source = self.manifest.get(conversion.source)
        assert source is not None, "a conversion runs after its source was fetched"
        if (done := self._converted(conversion, source)) is not None:
            return done
        outputs = tuple(self.dest / path for path in conversion.outputs)
        log.info("converting %s", conversion.source)
        conversion.run(self.dest / conversion.source, outputs)
        return [self._record_output(source, path) for path in conversion.outputs]

    def _converted(self, conversion: Conversion, source: Entry) -> list[FileResult] | None:
        """The outputs' results if all are complete and made from this ``source``, else None."""
        results = []
        for path in conversion.outputs:
            done, entry = self._complete(path), self.manifest.get(path)
            if done is None or entry is None or entry.source_sha256 != source.sha256:
                return None
            results.append(done)
        return results

    def _record_output(self, source: Entry, path: str) -> FileResult:
        output = self.dest / path
        entry = Entry(
            path=path,
            url=source.url,
            sha256=file_digest(output, "sha256"),
            size=output.stat().st_size,
            verified_by=f"converted from {source.path}",
            fetched_at=now(),
            source_sha256=source.sha256,
        )
        self.manifest.record(entry)
        return FileResult(path, "converted", entry.size, entry.verified_by)


def _verify(part: Path, remote: Remote, algorithm: str, expected: str) -> None:
    actual = file_digest(part, algorithm)
    if actual != expected:
        part.unlink()
        raise ChecksumError(
            f"{remote.path}: {algorithm} mismatch (expected {expected}, got {actual}); the "
            "download was deleted: run the command again, and if it persists the copy served "
            f"at {remote.url} is damaged"
        )


def _verify_content(part: Path, remote: Remote, expected: Format) -> None:
    """Refuse a download whose content is not the file asked for (an error page, say)."""
    with part.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if sniff(head) is not expected:
        part.unlink()
        raise ChecksumError(
            f"{remote.path}: the download is not {expected} data ({describe(head)}); it was "
            f"deleted: run the command again, and if it persists {remote.url} has changed"
        )


def _day_of(name: str) -> str:
    match = catalog.MEDLINEPLUS_TOPICS_FILE.fullmatch(name)
    assert match is not None, "recorded names match the pattern"
    return match.group(1)


def _count(count: int | None) -> int:
    if count is None or count < 1:
        raise InputError("say how many PubMed files to fetch, e.g. `pubmed-baseline 3` (≥ 1)")
    return count


# --- the data sets ----------------------------------------------------------------------------


def _medquad() -> Plan:
    return Plan(
        (catalog.MEDQUAD_ARCHIVE,),
        (Conversion(catalog.MEDQUAD_ARCHIVE.path, (catalog.MEDQUAD_OUTPUT,), _medquad_tar),),
    )


def _mesh(year: int) -> Plan:
    remote = catalog.mesh_descriptors(year)
    return Plan((remote,), (Conversion(remote.path, catalog.mesh_outputs(year), _mesh_tsvs),))


def _sample(mesh_year: int) -> Plan:
    medquad, mesh = _medquad(), _mesh(mesh_year)
    pqal = Conversion(catalog.PUBMEDQA.path, (catalog.PUBMEDQA_OUTPUT,), _gzip)
    return Plan(
        (
            catalog.PUBMED_2021,
            catalog.PUBMED_1977,
            catalog.PUBMEDQA,
            *medquad.remotes,
            *mesh.remotes,
        ),
        (pqal, *medquad.conversions, *mesh.conversions),
    )


def _medquad_tar(source: Path, outputs: tuple[Path, ...]) -> object:
    return convert.medquad_xml_tar(source, outputs[0])


def _mesh_tsvs(source: Path, outputs: tuple[Path, ...]) -> object:
    return convert.mesh_tsvs(source, outputs[0], outputs[1])


def _gzip(source: Path, outputs: tuple[Path, ...]) -> object:
    convert.gzip_file(source, outputs[0])
    return None
