"""`medcite data fetch openfda-labels / medlineplus` against a local HTTP server, then ingest.

The server stands in for api.fda.gov (download.json), download.open.fda.gov (the label ZIPs,
built here from tests/fixtures/openfda/labels.json) and medlineplus.gov (a small xml.html page and
tests/fixtures/medlineplus/mplus_topics_2025-01-14.xml).
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from medcite.cli import app
from medcite.data import catalog
from medcite.data.catalog import Target
from medcite.data.download import (
    ChecksumError,
    Downloader,
    DownloadError,
    DownloadSettings,
    client,
)
from medcite.data.fetch import Fetcher, FileResult
from medcite.engine import Engine
from medcite.errors import InputError
from medcite.index.tantivy_index import TantivyIndex

from .local_mirror import Mirror, unused_port

FIXTURES = Path(__file__).parent.parent / "fixtures"
LABELS = FIXTURES / "openfda" / "labels.json"
TOPICS = FIXTURES / "medlineplus" / "mplus_topics_2025-01-14.xml"
LABEL_URL = "https://download.open.fda.gov/drug/label/"
FAST = DownloadSettings(retries=1, backoff_s=0.0, connect_timeout_s=2.0, read_timeout_s=5.0)
RECORDED = "none published: sha256 recorded at download"


def label_zip(number: int, of: int, labels: list[dict[str, Any]]) -> bytes:
    """A bulk label file as openFDA ships it: a ZIP with one ``drug-label-…json`` member."""
    data = json.loads(LABELS.read_text())
    data["results"] = labels
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"drug-label-{number:04d}-of-{of:04d}.json", json.dumps(data))
    return buffer.getvalue()


def publish_labels(mirror: Mirror, extra: list[dict[str, Any]] | None = None) -> list[bytes]:
    """Two partitions (montelukast + lisinopril; ibuprofen) and their download.json."""
    labels = json.loads(LABELS.read_text())["results"]
    files = [label_zip(1, 2, labels[:2]), label_zip(2, 2, labels[2:])]
    partitions = []
    for n, data in enumerate(files, start=1):
        url = f"{LABEL_URL}drug-label-{n:04d}-of-0002.json.zip"
        mirror.put(url, data)
        partitions.append(
            {
                "display_name": f"Human Prescription and OTC Drug Labels (part {n} of 2)",
                "file": url,
                "size_mb": f"{len(data) / 1e6:.2f}",
                "records": 2 if n == 1 else 1,
            }
        )
    listing = {
        "meta": {"disclaimer": "…", "terms": "https://open.fda.gov/terms/"},
        "results": {
            "drug": {
                "event": {"partitions": [{"file": "https://download.open.fda.gov/x.zip"}]},
                "label": {
                    "export_date": "2025-01-10",
                    "partitions": [*reversed(partitions), *(extra or [])],
                    "total_records": 3,
                },
            }
        },
    }
    mirror.put(catalog.OPENFDA_DOWNLOADS_URL, json.dumps(listing).encode())
    return files


XML_PAGE = """<!DOCTYPE html><html lang="en"><head><title>MedlinePlus XML Files</title></head>
<body><h1>MedlinePlus XML Files</h1>
<h2>Health Topic XML</h2>
<ul>
<li><a href="https://medlineplus.gov/xml/mplus_topics_2025-01-14.xml">MedlinePlus Health
 Topic XML</a> (XML, 29 MB)</li>
<li><a href="https://medlineplus.gov/xml/mplus_topics_compressed_2025-01-14.zip">Compressed
 Health Topic XML</a> (ZIP, 5 MB)</li>
<li><a href="xml/mplus_topic_groups_2025-01-14.xml">Health Topic Group XML</a></li>
<li><a href="xml/mplus_topics_2025-01-11.xml">previous file</a></li>
</ul>
<!-- <a href="xml/mplus_topics_2099-01-01.xml">a comment is no link</a> -->
</body></html>
"""


def publish_topics(mirror: Mirror, page: str = XML_PAGE) -> bytes:
    data = TOPICS.read_bytes()
    mirror.put(catalog.MEDLINEPLUS_XML_URL + TOPICS.name, data)
    mirror.put(catalog.MEDLINEPLUS_XML_PAGE, page.encode())
    return data


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with client(FAST) as c:
        yield c


def fetch(
    dest: Path,
    mirror: Mirror | str,
    http: httpx.Client,
    target: Target,
    count: int | None = None,
    *,
    day: str | None = None,
) -> list[FileResult]:
    url = mirror if isinstance(mirror, str) else mirror.url
    fetcher = Fetcher(dest, Downloader(http, FAST, sleep=lambda _s: None), url)
    return fetcher.run(fetcher.plan(target, count, day=day))


def manifest(dest: Path) -> dict[str, dict[str, Any]]:
    return {e["path"]: e for e in json.loads((dest / "MANIFEST.json").read_text())["files"]}


# --- openFDA drug labels ----------------------------------------------------------------------


def test_every_label_partition_is_fetched_and_its_sha256_recorded(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    files = publish_labels(mirror)
    dest = tmp_path / "data"

    results = fetch(dest, mirror, http, Target.openfda_labels)

    assert [(r.path, r.status, r.verified_by) for r in results] == [
        ("openfda/drug-label-0001-of-0002.json.zip", "downloaded", RECORDED),
        ("openfda/drug-label-0002-of-0002.json.zip", "downloaded", RECORDED),
    ]
    entries = manifest(dest)
    first = entries["openfda/drug-label-0001-of-0002.json.zip"]
    assert first["url"] == LABEL_URL + "drug-label-0001-of-0002.json.zip"
    assert first["sha256"] == hashlib.sha256(files[0]).hexdigest()
    assert (dest / "openfda/drug-label-0002-of-0002.json.zip").read_bytes() == files[1]


def test_a_count_takes_the_first_partitions_only(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    publish_labels(mirror)
    dest = tmp_path / "data"

    results = fetch(dest, mirror, http, Target.openfda_labels, 1)

    assert [r.path for r in results] == ["openfda/drug-label-0001-of-0002.json.zip"]
    assert sorted(p.name for p in (dest / "openfda").iterdir()) == [
        "drug-label-0001-of-0002.json.zip"
    ]
    with pytest.raises(InputError, match="lists 2 label files; ask for at most that"):
        fetch(dest, mirror, http, Target.openfda_labels, 3)


def test_listing_entries_that_are_not_label_zips_are_ignored(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    hostile = [
        {"file": "https://download.open.fda.gov/drug/label/../../../etc/passwd"},
        {"file": "http://download.open.fda.gov/drug/label/drug-label-0003-of-0003.json.zip"},
        {"file": 42},
        "not an object",
    ]
    publish_labels(mirror, extra=hostile)

    results = fetch(tmp_path / "data", mirror, http, Target.openfda_labels)

    assert [r.path for r in results] == [
        "openfda/drug-label-0001-of-0002.json.zip",
        "openfda/drug-label-0002-of-0002.json.zip",
    ]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<html>maintenance</html>", "Expecting value"),
        (b'{"results": {"drug": {}}}', "no results.drug.label.partitions"),
        (b'{"results": {"drug": {"label": {"partitions": []}}}}', "lists no drug-label"),
    ],
)
def test_a_listing_that_is_not_openfdas_fails_in_one_line(
    tmp_path: Path, mirror: Mirror, http: httpx.Client, body: bytes, reason: str
) -> None:
    mirror.put(catalog.OPENFDA_DOWNLOADS_URL, body)
    with pytest.raises(DownloadError, match=f"download.json: not openFDA's .*{reason}"):
        fetch(tmp_path / "data", mirror, http, Target.openfda_labels)


def test_a_partition_that_is_not_a_label_zip_is_deleted_and_fails(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    publish_labels(mirror)
    mirror.put(LABEL_URL + "drug-label-0001-of-0002.json.zip", b"<html>Access denied</html>")
    dest = tmp_path / "data"

    with pytest.raises(ChecksumError, match=r"drug-label-0001-of-0002\.json\.zip: the download"):
        fetch(dest, mirror, http, Target.openfda_labels)

    assert list((dest / "openfda").iterdir()) == []


def test_a_rerun_offline_finds_the_fetched_partitions_in_the_manifest(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    publish_labels(mirror)
    dest = tmp_path / "data"
    fetch(dest, mirror, http, Target.openfda_labels)
    mirror.requests.clear()

    again = fetch(dest, mirror, http, Target.openfda_labels)
    offline = fetch(dest, f"http://127.0.0.1:{unused_port()}", http, Target.openfda_labels, 1)

    assert [r.status for r in again] == ["already complete"] * 2
    assert mirror.requests == [("/api.fda.gov/download.json", None)]  # the listing only
    assert [(r.path, r.status) for r in offline] == [
        ("openfda/drug-label-0001-of-0002.json.zip", "already complete")
    ]


def test_fetched_label_files_ingest_end_to_end(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    publish_labels(mirror)
    dest = tmp_path / "data"
    fetch(dest, mirror, http, Target.openfda_labels)
    engine = Engine(tmp_path / "index")

    report = engine.ingest([dest / "openfda"])

    assert not report.failed and report.added > 0
    ids = TantivyIndex.open(tmp_path / "index").all_ids()
    set_ids = {i.split("#")[0] for i in ids}
    assert len(set_ids) == 3 and all(i.startswith("openfda:") for i in set_ids)
    hits = engine.search("montelukast dosage", k=3)
    assert hits and hits[0].document.site == "FDA drug label"


# --- MedlinePlus health topics ----------------------------------------------------------------


def test_the_current_topics_file_is_found_on_the_xml_page(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    data = publish_topics(mirror)
    dest = tmp_path / "data"

    (result,) = fetch(dest, mirror, http, Target.medlineplus)

    assert (result.path, result.status, result.verified_by) == (
        "medlineplus/mplus_topics_2025-01-14.xml",
        "downloaded",
        RECORDED,
    )
    assert (dest / result.path).read_bytes() == data
    entry = manifest(dest)[result.path]
    assert entry["url"] == "https://medlineplus.gov/xml/mplus_topics_2025-01-14.xml"
    assert entry["sha256"] == hashlib.sha256(data).hexdigest()


def test_a_date_names_the_file_without_reading_the_page(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    publish_topics(mirror, page="<html>this page is not read</html>")

    (result,) = fetch(tmp_path / "data", mirror, http, Target.medlineplus, day="2025-01-14")

    assert result.path == "medlineplus/mplus_topics_2025-01-14.xml"
    assert [path for path, _ in mirror.requests] == [
        "/medlineplus.gov/xml/mplus_topics_2025-01-14.xml"
    ]


@pytest.mark.parametrize("day", ["2025-02-30", "14-01-2025", "2025-1-14", "../x"])
def test_a_bad_date_is_refused_before_any_request(
    tmp_path: Path, mirror: Mirror, http: httpx.Client, day: str
) -> None:
    with pytest.raises(InputError, match="is not a date written YYYY-MM-DD"):
        fetch(tmp_path / "data", mirror, http, Target.medlineplus, day=day)
    assert mirror.requests == []


def test_a_page_linking_no_topics_file_asks_for_a_date(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    mirror.put(catalog.MEDLINEPLUS_XML_PAGE, b"<html><a href='xml/other.xml'>x</a></html>")
    with pytest.raises(DownloadError, match=r"links no mplus_topics_YYYY-MM-DD\.xml.*--date"):
        fetch(tmp_path / "data", mirror, http, Target.medlineplus)


def test_a_missing_page_asks_for_a_date(tmp_path: Path, mirror: Mirror, http: httpx.Client) -> None:
    with pytest.raises(DownloadError, match=r"xml\.html: HTTP 404.*--date YYYY-MM-DD"):
        fetch(tmp_path / "data", mirror, http, Target.medlineplus)


def test_a_topics_file_that_is_not_health_topics_xml_is_refused(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    publish_topics(mirror)
    mirror.put(catalog.MEDLINEPLUS_XML_URL + TOPICS.name, b"<html><body>Not found</body></html>")

    with pytest.raises(ChecksumError, match="is not medlineplus-xml data"):
        fetch(tmp_path / "data", mirror, http, Target.medlineplus)


def test_offline_the_fetched_topics_file_is_complete(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    publish_topics(mirror)
    dest = tmp_path / "data"
    fetch(dest, mirror, http, Target.medlineplus)

    (result,) = fetch(dest, f"http://127.0.0.1:{unused_port()}", http, Target.medlineplus)

    assert (result.path, result.status) == (
        "medlineplus/mplus_topics_2025-01-14.xml",
        "already complete",
    )


def test_fetched_topics_ingest_end_to_end(
    tmp_path: Path, mirror: Mirror, http: httpx.Client
) -> None:
    publish_topics(mirror)
    dest = tmp_path / "data"
    fetch(dest, mirror, http, Target.medlineplus)
    engine = Engine(tmp_path / "index")

    report = engine.ingest([dest / "medlineplus"])

    assert not report.failed and report.added > 0
    hits = engine.search("gout", k=3)
    assert hits and hits[0].document.title == "Gout"


# --- the CLI ----------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_fetches_labels_and_topics(tmp_path: Path, mirror: Mirror) -> None:
    publish_labels(mirror)
    publish_topics(mirror)
    base = ["data", "fetch", "--dest", str(tmp_path), "--mirror", mirror.url, "-q"]

    labels = runner.invoke(app, [*base[:2], "openfda-labels", "1", *base[2:]])
    topics = runner.invoke(app, [*base[:2], "medlineplus", *base[2:]])
    dated = runner.invoke(app, [*base[:2], "medlineplus", "--date", "2025-01-14", *base[2:]])

    assert labels.exit_code == 0, labels.output
    assert "downloaded  openfda/drug-label-0001-of-0002.json.zip" in labels.output
    assert "0002-of-0002" not in labels.output
    assert topics.exit_code == 0, topics.output
    assert "downloaded  medlineplus/mplus_topics_2025-01-14.xml" in topics.output
    assert "already complete  medlineplus/mplus_topics_2025-01-14.xml" in dated.output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["medlineplus", "--date", "yesterday"], 2, "is not a date written YYYY-MM-DD"),
        (["medquad", "--date", "2025-01-14"], 2, "takes no --date"),
        (["medlineplus", "2"], 2, "takes no file count"),
        (["openfda-labels"], 4, "HTTP 404"),
    ],
)
def test_cli_refusals_are_one_line(
    tmp_path: Path, mirror: Mirror, args: list[str], code: int, message: str
) -> None:
    result = runner.invoke(
        app, ["data", "fetch", *args, "--dest", str(tmp_path), "--mirror", mirror.url, "-q"]
    )

    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and message in lines[0], lines
