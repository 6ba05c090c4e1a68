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

log = logging.getLogger(__name__)

T = TypeVar("T")

MD5_HEX = re.compile(r"\b([0-9a-fA-F]{32})\b")


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

    def plan(self, target: Target, count: int | None = None, mesh_year: int | None = None) -> Plan:
        """The files of ``target`` (``count``: how many PubMed files)."""
        if target is Target.pubmed_baseline:
            return Plan(self._pubmed(catalog.BASELINE_URL, "pubmed-baseline", _count(count), False))
        if target is Target.pubmed_updates:
            return Plan(self._pubmed(catalog.UPDATES_URL, "pubmed-updates", _count(count), True))
        if count is not None:
            raise InputError(f"`{target}` takes no file count (only pubmed-baseline/updates do)")
        if target is Target.medquad:
            return _medquad()
        if target is Target.mesh:
            return _mesh(mesh_year or self._mesh_year())
        return _sample(mesh_year or self._mesh_year())

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
