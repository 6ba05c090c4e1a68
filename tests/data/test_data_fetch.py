"""`medcite data fetch` against a local HTTP server: verify, resume, fail clearly, skip."""

from __future__ import annotations

import gzip
import hashlib
import json
import random
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from medcite.cli import app
from medcite.data import catalog
from medcite.data.catalog import Checksum, Remote, Target
from medcite.data.download import (
    ChecksumError,
    Downloader,
    DownloadError,
    DownloadSettings,
    HttpStatusError,
    client,
)
from medcite.data.fetch import Fetcher

from .local_mirror import Mirror, unused_port

BASELINE = catalog.BASELINE_URL
FAST = DownloadSettings(retries=2, backoff_s=0.0, connect_timeout_s=2.0, read_timeout_s=5.0)


def pubmed_bytes(n: int) -> bytes:
    """A gzipped file of ≈ 200 KB (several download chunks), different for each ``n``."""
    filler = random.Random(n).randbytes(200_000)
    return gzip.compress(b"<PubmedArticleSet>" + filler + b"</PubmedArticleSet>")


def publish_baseline(mirror: Mirror, count: int, md5: str | None = None) -> list[bytes]:
    files = [pubmed_bytes(i) for i in range(1, count + 1)]
    for i, data in enumerate(files, start=1):
        name = f"pubmed26n{i:04d}.xml.gz"
        mirror.put(BASELINE + name, data)
        digest = md5 or hashlib.md5(data).hexdigest()
        mirror.put(BASELINE + name + ".md5", f"MD5({name})= {digest}\n".encode())
    return files


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with client(FAST) as c:
        yield c


def fetcher(dest: Path, mirror: Mirror | str, http: httpx.Client) -> Fetcher:
    url = mirror if isinstance(mirror, str) else mirror.url
    return Fetcher(dest, Downloader(http, FAST, sleep=lambda _s: None), url)


def fetch_baseline(dest: Path, mirror: Mirror | str, http: httpx.Client, count: int) -> list[str]:
    f = fetcher(dest, mirror, http)
    return [r.status for r in f.run(f.plan(Target.pubmed_baseline, count))]


def test_baseline_files_are_downloaded_and_verified_with_ncbis_md5(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    files = publish_baseline(mirror, 3)
    dest = tmp_path / "data"

    assert fetch_baseline(dest, mirror, http, 2) == ["downloaded", "downloaded"]

    folder = dest / "pubmed-baseline"
    assert sorted(p.name for p in folder.iterdir()) == [
        "pubmed26n0001.xml.gz",
        "pubmed26n0002.xml.gz",
    ]
    assert (folder / "pubmed26n0002.xml.gz").read_bytes() == files[1]
    manifest = json.loads((dest / "MANIFEST.json").read_text())["files"]
    assert [e["verified_by"] for e in manifest] == [str(Checksum.NCBI_MD5)] * 2
    assert manifest[0]["url"] == BASELINE + "pubmed26n0001.xml.gz"
    assert manifest[0]["sha256"] == hashlib.sha256(files[0]).hexdigest()


def test_a_checksum_mismatch_deletes_the_download_and_fails(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    publish_baseline(mirror, 1, md5="0" * 32)
    dest = tmp_path / "data"

    with pytest.raises(ChecksumError, match=r"pubmed26n0001\.xml\.gz: md5 mismatch"):
        fetch_baseline(dest, mirror, http, 1)

    assert list((dest / "pubmed-baseline").iterdir()) == []  # neither the file nor a .part


def test_a_truncated_part_file_is_resumed_with_a_range_request(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    (data,) = publish_baseline(mirror, 1)
    part = tmp_path / "data" / "pubmed-baseline" / "pubmed26n0001.xml.gz.part"
    part.parent.mkdir(parents=True)
    part.write_bytes(data[:70_000])

    assert fetch_baseline(tmp_path / "data", mirror, http, 1) == ["downloaded"]

    assert (part.parent / "pubmed26n0001.xml.gz").read_bytes() == data
    assert not part.exists()
    assert mirror.file_requests() == [
        ("/ftp.ncbi.nlm.nih.gov/pubmed/baseline/pubmed26n0001.xml.gz", "bytes=70000-")
    ]


def test_a_transfer_cut_off_midway_is_retried_from_where_it_stopped(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    (data,) = publish_baseline(mirror, 1)
    mirror.cut_once.add("pubmed26n0001.xml.gz")

    assert fetch_baseline(tmp_path / "data", mirror, http, 1) == ["downloaded"]

    assert (tmp_path / "data/pubmed-baseline/pubmed26n0001.xml.gz").read_bytes() == data
    (_, first), (_, resumed) = mirror.file_requests()
    assert first is None and resumed is not None  # the bytes received before the cut are kept
    assert 0 < int(resumed.removeprefix("bytes=").rstrip("-")) <= len(data) // 2


def test_a_server_ignoring_range_sends_the_whole_file_again(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    (data,) = publish_baseline(mirror, 1)
    mirror.ranges = False
    part = tmp_path / "data" / "pubmed-baseline" / "pubmed26n0001.xml.gz.part"
    part.parent.mkdir(parents=True)
    part.write_bytes(data[:1000])

    fetch_baseline(tmp_path / "data", mirror, http, 1)

    assert (part.parent / "pubmed26n0001.xml.gz").read_bytes() == data


def test_http_404_is_an_error_naming_the_url(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    mirror.put(BASELINE + "pubmed26n0001.xml.gz.md5", b"MD5(pubmed26n0001.xml.gz)= " + b"a" * 32)
    # the listing names a file the server does not have
    mirror.put(BASELINE + "index.html", b'<a href="pubmed26n0001.xml.gz">pubmed26n0001.xml.gz</a>')

    with pytest.raises(HttpStatusError, match=r"pubmed26n0001\.xml\.gz: HTTP 404"):
        fetch_baseline(tmp_path / "data", mirror, http, 1)


def test_a_rerun_skips_complete_files_without_any_download(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    publish_baseline(mirror, 2)
    dest = tmp_path / "data"
    fetch_baseline(dest, mirror, http, 2)
    mirror.requests.clear()

    assert fetch_baseline(dest, mirror, http, 2) == ["already complete"] * 2
    assert mirror.file_requests() == []
    # and offline: the manifest says which files the baseline fetch took
    port = unused_port()
    assert fetch_baseline(dest, f"http://127.0.0.1:{port}", http, 2) == ["already complete"] * 2


def test_a_file_changed_after_fetching_is_fetched_again(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    (data,) = publish_baseline(mirror, 1)
    dest = tmp_path / "data"
    fetch_baseline(dest, mirror, http, 1)
    target = dest / "pubmed-baseline" / "pubmed26n0001.xml.gz"
    target.write_bytes(b"damaged" + data[7:])

    assert fetch_baseline(dest, mirror, http, 1) == ["downloaded"]
    assert target.read_bytes() == data


def test_an_unreachable_server_fails_at_once_with_a_network_hint(
    tmp_path: Path, http: httpx.Client
) -> None:
    mirror = f"http://127.0.0.1:{unused_port()}"
    with pytest.raises(
        DownloadError, match=r"cannot connect to 127\.0\.0\.1:\d+ .*check your network"
    ):
        fetch_baseline(tmp_path / "data", mirror, http, 1)


def test_the_newest_update_files_are_taken_from_the_listing(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    for n in (1501, 1502, 1503):
        name = f"pubmed26n{n}.xml.gz"
        data = pubmed_bytes(n)
        mirror.put(catalog.UPDATES_URL + name, data)
        mirror.put(
            catalog.UPDATES_URL + name + ".md5",
            f"MD5({name})= {hashlib.md5(data).hexdigest()}".encode(),
        )
    f = fetcher(tmp_path / "data", mirror, http)

    results = f.run(f.plan(Target.pubmed_updates, 2))

    assert [r.path for r in results] == [
        "pubmed-updates/pubmed26n1502.xml.gz",
        "pubmed-updates/pubmed26n1503.xml.gz",
    ]


def test_files_without_a_published_checksum_get_their_sha256_recorded(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    remote = Remote("https://example.org/files/a.bin", "misc/a.bin", Checksum.RECORDED)
    mirror.put(remote.url, b"x" * 1000)
    f = fetcher(tmp_path / "data", mirror, http)

    (result,) = f.run(catalog_plan(remote))

    assert result.verified_by == "none published: sha256 recorded at download"
    entry = f.manifest.get("misc/a.bin")
    assert entry is not None and entry.sha256 == hashlib.sha256(b"x" * 1000).hexdigest()


def catalog_plan(*remotes: Remote) -> object:
    from medcite.data.fetch import Plan

    return Plan(remotes)


# --- the CLI ----------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_fetches_and_prints_one_line_per_file(tmp_path: Path, mirror: Mirror) -> None:
    publish_baseline(mirror, 1)
    args = [
        "data",
        "fetch",
        "pubmed-baseline",
        "1",
        "--dest",
        str(tmp_path),
        "--mirror",
        mirror.url,
    ]

    first = runner.invoke(app, args)
    again = runner.invoke(app, [*args, "--quiet"])

    assert first.exit_code == 0, first.output
    assert "downloaded  pubmed-baseline/pubmed26n0001.xml.gz" in first.output
    assert "md5 published by NCBI" in first.output
    assert again.exit_code == 0
    assert "already complete  pubmed-baseline/pubmed26n0001.xml.gz" in again.output


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "HTTP 404"),
        ("bad-md5", "md5 mismatch"),
        ("offline", "cannot connect to 127.0.0.1"),
    ],
)
def test_cli_failures_are_one_line_with_exit_code_4(
    tmp_path: Path, mirror: Mirror, setup: str, message: str
) -> None:
    if setup == "bad-md5":
        publish_baseline(mirror, 1, md5="f" * 32)
    elif setup == "missing":
        mirror.put(BASELINE + "index.html", b'<a href="pubmed26n0001.xml.gz">x</a>')
    url = f"http://127.0.0.1:{unused_port()}" if setup == "offline" else mirror.url
    args = ["data", "fetch", "pubmed-baseline", "1", "--dest", str(tmp_path), "-q"]

    result = runner.invoke(app, args, env={"MEDCITE_DATA_MIRROR": url})

    assert result.exit_code == 4, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0], lines
    assert "Traceback" not in result.output


def test_cli_asks_for_a_count_with_pubmed_and_refuses_one_elsewhere(tmp_path: Path) -> None:
    without = runner.invoke(app, ["data", "fetch", "pubmed-baseline", "--dest", str(tmp_path)])
    extra = runner.invoke(app, ["data", "fetch", "medquad", "3", "--dest", str(tmp_path)])

    assert without.exit_code == 2 and "say how many PubMed files" in without.output
    assert extra.exit_code == 2 and "takes no file count" in extra.output


def test_cli_reports_an_unwritable_destination_in_one_line(tmp_path: Path, mirror: Mirror) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    args = ["data", "fetch", "medquad", "--dest", str(blocker / "sub"), "--mirror", mirror.url]

    result = runner.invoke(app, args)

    assert result.exit_code == 2
    assert result.output.startswith("error: cannot write the data to")
