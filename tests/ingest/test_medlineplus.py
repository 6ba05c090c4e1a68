"""MedlinePlus health topics XML (issue 15 §2), on the handmade file in tests/fixtures/medlineplus
(see SOURCE.md there): fields, "also called" names, MeSH, the HTML summary as text, Spanish
topics skipped, detection by root element, malformed and hostile XML refused."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from conftest import FIXTURES
from medcite.errors import InputError
from medcite.ingest import medlineplus
from medcite.ingest.detect import Format, sniff
from medcite.ingest.reader import detect, read
from medcite.records import Document, SkippedRecord, Source

TOPICS = FIXTURES / "medlineplus" / "mplus_topics_2025-01-14.xml"


def _items(data: bytes) -> list[Document | SkippedRecord]:
    return [i for i in medlineplus.parse(io.BytesIO(data), "topics.xml")]  # type: ignore[misc]


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    items = _items(TOPICS.read_bytes())
    return {i.title: i for i in items if isinstance(i, Document)}


def test_one_document_per_english_topic(docs: dict[str, Document]) -> None:
    assert sorted(docs) == ["Gout", "Hay Fever", "Sinusitis"]
    gout = docs["Gout"]
    assert gout.id == "medlineplus:1000"
    assert gout.source is Source.MEDLINEPLUS
    assert gout.focus == "Gout"
    assert gout.url == "https://medlineplus.gov/gout.html"
    assert gout.site == "MedlinePlus"
    assert gout.question_type == "information"
    assert gout.pub_date is None and gout.year is None  # date-created is no publication date
    assert gout.language == "eng"
    assert gout.keywords == ("Podagra",)  # see-reference


def test_also_called_names_are_synonyms_and_mesh_descriptors_mesh_terms(
    docs: dict[str, Document],
) -> None:
    hay = docs["Hay Fever"]
    assert hay.synonyms == ("Allergic rhinitis", "Seasonal allergic rhinitis")
    assert hay.mesh_terms == ("Rhinitis, Allergic, Seasonal",)
    assert docs["Sinusitis"].synonyms == ("Sinus infection",)
    assert docs["Gout"].mesh_terms == ("Gout",)


def test_summary_html_becomes_paragraph_and_list_item_sections(docs: dict[str, Document]) -> None:
    gout = docs["Gout"]
    texts = [s.text for s in gout.sections]
    assert texts[0] == (
        "Gout is a common, painful form of arthritis. It causes swollen, red, hot and stiff joints."
    )
    assert texts[2:6] == [
        "Risk factors for gout include",
        "Being male",
        "Having obesity",
        "Drinking too much alcohol",
    ]
    assert "gout attacks & lower uric acid" in texts[-1]  # &amp;amp; in the file
    for doc in docs.values():
        assert (
            "<" not in doc.abstract and "&lt;" not in doc.abstract and "&amp;" not in doc.abstract
        )


def test_headings_label_the_sections_below_them(docs: dict[str, Document]) -> None:
    hay = docs["Hay Fever"]
    labels = [s.label for s in hay.sections]
    assert labels[0] == "What is hay fever?"
    assert labels[1:5] == ["What are the symptoms of hay fever?"] * 4
    assert labels[-1] == "How is hay fever treated?"
    assert all(s.text != s.label for s in hay.sections)


def test_spanish_topics_are_skipped_with_a_reason() -> None:
    skipped = [i for i in _items(TOPICS.read_bytes()) if isinstance(i, SkippedRecord)]
    assert len(skipped) == 1
    assert skipped[0].where == "MedlinePlus topic 1006"
    assert "not an English topic" in skipped[0].reason


def test_topic_without_summary_or_id_is_skipped() -> None:
    data = (
        b'<health-topics><health-topic title="Empty" id="9" language="English">'
        b"<full-summary>&lt;p&gt; &lt;/p&gt;</full-summary></health-topic>"
        b'<health-topic title="No id" language="English"><full-summary>x</full-summary>'
        b"</health-topic></health-topics>"
    )
    reasons = [i.reason for i in _items(data) if isinstance(i, SkippedRecord)]
    assert reasons == [medlineplus.NO_SUMMARY, medlineplus.NO_ID]


def test_scripts_and_inline_markup_leave_no_trace() -> None:
    summary = (
        "&lt;p&gt;A &lt;b&gt;bold&lt;/b&gt; word&lt;script&gt;alert(1)&lt;/script&gt;"
        "&lt;br&gt;next line&amp;nbsp;here&lt;/p&gt;"
    )
    data = (
        '<health-topics><health-topic title="T" id="1" language="English">'
        f"<full-summary>{summary}</full-summary></health-topic></health-topics>"
    ).encode()
    (doc,) = _items(data)
    assert isinstance(doc, Document)
    assert [s.text for s in doc.sections] == ["A bold word", "next line here"]


def test_detected_by_root_element_and_read_through_the_reader() -> None:
    assert sniff(TOPICS.read_bytes()[:4096]) is Format.MEDLINEPLUS_XML
    found = detect(TOPICS)
    assert found.format is Format.MEDLINEPLUS_XML
    ids = [i.id for i in read(found) if isinstance(i, Document)]
    assert ids == ["medlineplus:1000", "medlineplus:1003", "medlineplus:1005"]


def test_malformed_xml_is_a_clear_error() -> None:
    truncated = TOPICS.read_bytes()[:1500]
    with pytest.raises(InputError, match=r"topics\.xml: malformed XML \(line \d+\)"):
        _items(truncated)


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE health-topics [<!ENTITY a "aaaa">]>'
        b'<health-topics><health-topic title="T" id="1" language="English">'
        b"<full-summary>&a;</full-summary></health-topic></health-topics>"
    )
    with pytest.raises(InputError, match="declares entities"):
        _items(data)
