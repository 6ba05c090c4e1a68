"""JSON Lines parser: valid rows, every kind of bad line, streaming behaviour."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import IO, Any, cast

import pytest

from medcite.errors import InputError
from medcite.ingest import jsonl
from medcite.records import AbstractSection, Document, ParsedItem, SkippedRecord, Source


def _write(path: Path, lines: list[str | bytes]) -> Path:
    raw = [line.encode() if isinstance(line, str) else line for line in lines]
    path.write_bytes(b"\n".join(raw) + b"\n")
    return path


def _row(**fields: Any) -> str:
    return json.dumps(fields, ensure_ascii=False)


def _parse_file(path: Path) -> list[ParsedItem]:
    with path.open("rb") as stream:
        return list(jsonl.parse(stream, str(path)))


def _parse_one(line: str | bytes) -> ParsedItem:
    data = line.encode() if isinstance(line, str) else line
    items = list(jsonl.parse(io.BytesIO(data), "test.jsonl"))
    assert len(items) == 1
    return items[0]


def test_full_row(tmp_path: Path) -> None:
    row = _row(
        id="clinic:leaflet-42",
        title="  Eyelid   twitching ",
        text="First paragraph\nstill first.\n\n\n  Second paragraph.  \n \n",
        url="https://example.org/leaflet-42",
        source="Example Clinic",
        publication_types=["Practice Guideline", ""],
        pub_date="2021-03-04",
        authors=["Smith JA", "Doe J"],
        journal="Example Journal",
        doi="10.1000/xyz123",
        pmid=123456,
        pmcid="PMC1234567",
        mesh_terms=["Blepharospasm"],
        keywords=["eyelid", "twitch"],
        language="eng",
        unknown_field={"ignored": True},
    )
    [doc] = _parse_file(_write(tmp_path / "docs.jsonl", [row]))
    assert doc == Document(
        id="clinic:leaflet-42",
        source=Source.JSONL,
        title="Eyelid twitching",
        sections=(
            AbstractSection(text="First paragraph still first."),
            AbstractSection(text="Second paragraph."),
        ),
        url="https://example.org/leaflet-42",
        site="Example Clinic",
        publication_types=("Practice Guideline",),
        year=2021,
        pub_date="2021-03-04",
        authors=("Smith JA", "Doe J"),
        journal="Example Journal",
        doi="10.1000/xyz123",
        pmid="123456",
        pmcid="PMC1234567",
        mesh_terms=("Blepharospasm",),
        keywords=("eyelid", "twitch"),
        language="eng",
    )


def test_minimal_rows_and_blank_lines(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "docs.jsonl",
        ["", _row(id="a", title="Only a title"), "   ", "\t", _row(id="b", abstract="Only text.")],
    )
    items = _parse_file(path)
    assert [type(i) for i in items] == [Document, Document]
    first, second = items
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.id, first.title, first.sections) == ("a", "Only a title", ())
    assert (second.title, second.abstract) == ("", "Only text.")
    assert first.year is None and first.site is None and first.publication_types == ()


def test_explicit_sections() -> None:
    doc = _parse_one(
        _row(
            id="s",
            title="T",
            sections=[
                {"label": "Background", "text": "Why."},
                {"text": " How \n exactly. "},
                {"label": "", "text": "  "},
            ],
        )
    )
    assert isinstance(doc, Document)
    assert doc.sections == (
        AbstractSection(label="Background", text="Why."),
        AbstractSection(text="How exactly."),
    )


def test_year_wins_over_pub_date_and_nulls_are_absent() -> None:
    doc = _parse_one(_row(id="y", title="T", year=2020, pub_date="2021-03", url=None, doi=""))
    assert isinstance(doc, Document)
    assert (doc.year, doc.pub_date, doc.url, doc.doi) == (2020, "2021-03", None, None)


def test_unicode(tmp_path: Path) -> None:
    path = tmp_path / "unicode.jsonl"
    path.write_bytes(
        "\ufeff".encode()
        + _row(id="ü-1", title="Ménière’s disease — vertigo", text="眩暈 ✓").encode()
        + b"\n"
        + json.dumps({"id": "esc", "title": "caf\u00e9"}).encode()
        + b"\r\n"
    )
    first, second = _parse_file(path)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.id, first.title, first.abstract) == (
        "ü-1",
        "Ménière’s disease — vertigo",
        "眩暈 ✓",
    )
    assert second.title == "café"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "x", "title": ', "Invalid JSON: EOF while parsing a value at column 21"),
        ('{"id": "x"} trailing', "Invalid JSON: trailing characters at column 13"),
        ('["not", "an", "object"]', "not a JSON object"),
        ('"just a string"', "not a JSON object"),
        ('{"title": "no id"}', "missing id"),
        ('{"id": "   ", "title": "blank id"}', "empty id"),
        ('{"id": 17, "title": "numeric id"}', "id: Input should be a valid string"),
        ('{"id": "x", "title": "T", "year": "2021"}', "year: Input should be a valid integer"),
        ('{"id": "x", "title": "T", "year": 2021.5}', "year: Input should be a valid integer"),
        (
            '{"id": "x", "title": "T", "authors": "Smith J"}',
            "authors: Input should be a valid array",
        ),
        (
            '{"id": "x", "title": "T", "keywords": ["a", 1]}',
            "keywords.1: Input should be a valid string",
        ),
        ('{"id": "x", "title": "T", "pub_date": "March 2021"}', "pub_date: String should match"),
        ('{"id": "x", "title": "T", "sections": [{"label": "L"}]}', "missing sections.0.text"),
        ('{"id": "x"}', "no title or text"),
        ('{"id": "x", "title": " ", "text": "\\n\\n"}', "no title or text"),
        ('{"id": "x", "text": "a", "sections": []}', "give either sections or text, not both"),
    ],
)
def test_bad_lines(line: str, reason: str) -> None:
    item = _parse_one(line)
    assert isinstance(item, SkippedRecord)
    assert item.where == "line 1"
    assert item.reason.startswith(reason), item.reason
    assert "\n" not in item.reason


def test_bad_lines_do_not_stop_the_file(tmp_path: Path) -> None:
    path = _write(
        tmp_path / "mixed.jsonl",
        [
            _row(id="1", title="one"),
            "{broken",
            b'{"id": "2", "title": "caf\xe9"}',
            "",
            _row(id="3", title="three"),
        ],
    )
    items = _parse_file(path)
    assert [getattr(i, "id", None) for i in items] == ["1", None, None, "3"]
    assert items[1] == SkippedRecord(
        where="line 2", reason="Invalid JSON: key must be a string at column 2"
    )
    assert items[2] == SkippedRecord(where="line 3", reason="not valid UTF-8 (byte 26)")


def test_overlong_line_is_skipped_without_losing_line_numbers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 64)
    monkeypatch.setattr(jsonl, "_CHUNK_BYTES", 16)
    long_row = _row(id="long", title="x" * 500)
    exact = _row(id="e", title="y" * 40)  # exactly 64 bytes without the newline
    assert len(exact) == 64
    path = _write(tmp_path / "long.jsonl", [_row(id="a", title="a"), long_row, exact, long_row])
    items = _parse_file(path)
    assert [getattr(i, "id", None) for i in items] == ["a", None, "e", None]
    assert items[1] == SkippedRecord(where="line 2", reason="line longer than 64 bytes")
    assert isinstance(items[3], SkippedRecord) and items[3].where == "line 4"


def test_default_line_limit_is_10_mib() -> None:
    assert jsonl.MAX_LINE_BYTES == 10 * 1024 * 1024
    item = jsonl.parse_line(None, 5)
    assert item == SkippedRecord(where="line 5", reason="line longer than 10 MiB")


def test_streams_lazily() -> None:
    class Exploding(io.BytesIO):
        def readline(self, size: int | None = -1) -> bytes:
            line = super().readline(size)
            if not line:
                raise AssertionError("read past the first line")
            return line

    stream = Exploding((_row(id="1", title="t") + "\n" + _row(id="2", title="t") + "\n").encode())
    first = next(jsonl.parse(stream, "lazy.jsonl"))
    assert isinstance(first, Document) and first.id == "1"


def test_truncated_gzip_raises_input_error(tmp_path: Path) -> None:
    data = gzip.compress("".join(_row(id=str(i), title="t") + "\n" for i in range(500)).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    with gzip.open(path, "rb") as stream, pytest.raises(InputError, match=r"cut\.jsonl\.gz"):
        list(jsonl.parse(cast("IO[bytes]", stream), str(path)))


def test_split_paragraphs() -> None:
    assert jsonl.split_paragraphs("a\nb\r\n\r\nc  d\n\n\n") == ("a b", "c d")
    assert jsonl.split_paragraphs("  \n ") == ()
