"""MedlinePlus health topics: the bulk XML file ``mplus_topics_YYYY-MM-DD.xml``.

The file (published daily at https://medlineplus.gov/xml.html, described at
https://medlineplus.gov/xmldescription.html) holds every English and Spanish health topic::

    <health-topics total="2044" date-generated="08/10/2024 02:30:32">
      <health-topic meta-desc="..." title="Gout" url="https://medlineplus.gov/gout.html"
                    id="1234" language="English" date-created="01/07/2003">
        <also-called>Gouty arthritis</also-called>
        <full-summary>&lt;p&gt;Gout is a common, painful form of arthritis ...</full-summary>
        <group url="..." id="5">Bones, Joints and Muscles</group>
        <language-mapped-topic url="..." id="..." language="Spanish">Gota</language-mapped-topic>
        <mesh-heading><descriptor id="D006073">Gout</descriptor></mesh-heading>
        <primary-institute url="...">National Institute of Arthritis ...</primary-institute>
        <related-topic url="..." id="...">Arthritis</related-topic>
        <see-reference>Gouty Arthritis</see-reference>
        <site title="..." url="..."><information-category>...</information-category></site>
      </health-topic>
      ...
    </health-topics>

Each English topic becomes one :class:`Document` (``medlineplus:<id>``): the title is also its
focus, the "also called" names are its synonyms (they feed the vocabulary like MedQuAD's), the
MeSH descriptors its (major) MeSH terms, see-references its keywords. The full summary is HTML
escaped inside the XML; it is parsed (no network, no entities) into paragraphs and list items,
each one section, labelled with the heading above it. ``date-created`` (when the topic first
appeared; topics are revised since) is not a publication date, so like MedQuAD pages a topic has
no year and is not ranked down as old. Spanish topics and topics without summary text are
:class:`SkippedRecord`. The file (~30 MB) is read as a stream, one topic at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from lxml import etree, html

from medcite.ingest.xmlsafe import iter_elements, text_of
from medcite.records import AbstractSection, Document, ParsedItem, SkippedRecord, Source

TOPIC_TAG = "health-topic"
SITE = "MedlinePlus"
QUESTION_TYPE = "information"
NOT_ENGLISH = "not an English topic (medcite ingests the English topics only)"
NO_SUMMARY = "no summary text"
NO_ID = "topic without id or title"

_BLOCKS = frozenset({"p", "li", "div", "br", "ul", "ol", "dd", "dt", "tr", "blockquote"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_HEADING_MARK = "\ue000"
"""Marks a heading line while the summary is flattened (a private-use character)."""
_HTML_PARSER = html.HTMLParser(
    no_network=True, remove_comments=True, remove_pis=True, recover=True, default_doctype=False
)


def parse(stream: IO[bytes], where: str) -> Iterator[ParsedItem]:
    """Every health topic of a MedlinePlus topics file: Documents for English topics with a
    summary, SkippedRecords for the rest. Malformed XML raises :class:`InputError`."""
    for element in iter_elements(stream, (TOPIC_TAG,), where):
        yield topic(element)


def topic(element: etree._Element) -> ParsedItem:
    """One ``<health-topic>`` element (from the bulk file or the web service) as a record."""
    ident, title = _attribute(element, "id"), _attribute(element, "title")
    where = f"MedlinePlus topic {ident or title or '?'}"
    if not ident or not title:
        return SkippedRecord(where=where, reason=NO_ID)
    if (_attribute(element, "language") or "English") != "English":
        return SkippedRecord(where=where, reason=NOT_ENGLISH)
    sections = summary_sections(element.findtext("full-summary") or "")
    if not sections:
        return SkippedRecord(where=where, reason=NO_SUMMARY)
    mesh = _texts(element, "mesh-heading/descriptor")  # what the topic is about: all major
    return Document(
        id=f"medlineplus:{ident}",
        source=Source.MEDLINEPLUS,
        title=title,
        sections=sections,
        mesh_terms=mesh,
        mesh_major=mesh,
        keywords=_texts(element, "see-reference"),
        language="eng",
        url=_attribute(element, "url"),
        site=SITE,
        focus=title,
        question_type=QUESTION_TYPE,
        synonyms=_texts(element, "also-called"),
    )


def summary_sections(markup: str) -> tuple[AbstractSection, ...]:
    """The HTML of a full summary as text sections: one per paragraph or list item, labelled
    with the heading above it; no markup left."""
    if not markup.strip():
        return ()
    root = html.fragment_fromstring(markup, create_parent="div", parser=_HTML_PARSER)
    sections: list[AbstractSection] = []
    label: str | None = None
    for line in _marked_text(root).split("\n"):
        text = " ".join(line.split())
        if text.startswith(_HEADING_MARK):
            label = text.lstrip(_HEADING_MARK).strip() or None
        elif text:
            sections.append(AbstractSection(label=label, text=text))
    return tuple(sections)


def _marked_text(root: etree._Element) -> str:
    """The fragment's text with a line break around every block and a mark before headings."""
    for dropped in root.findall(".//script") + root.findall(".//style"):
        dropped.drop_tree()  # type: ignore[attr-defined]
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _HEADINGS:
            element.text = f"\n{_HEADING_MARK}{element.text or ''}"
            element.tail = f"\n{element.tail or ''}"
        elif tag in _BLOCKS:
            element.text = f"\n{element.text or ''}"
            element.tail = f"\n{element.tail or ''}"
    return "".join(part for part in root.itertext() if isinstance(part, str))


def _texts(element: etree._Element, path: str) -> tuple[str, ...]:
    names = (text_of(found) for found in element.iterfind(path))
    return tuple(dict.fromkeys(name for name in names if name))


def _attribute(element: etree._Element, name: str) -> str | None:
    value = " ".join((element.get(name) or "").split())
    return value or None
