"""MedQuAD XML: one file per NIH web page, one :class:`Document` per answered question.

A MedQuAD file looks like this (``DiseaseFile`` and a lower-case ``doc`` variant also occur)::

    <Document id="0000145" source="NINDS" url="http://www.ninds.nih.gov/...">
      <Focus>Hemifacial Spasm</Focus>
      <FocusAnnotations>
        <UMLS>...</UMLS>
        <Synonyms><Synonym>...</Synonym></Synonyms>
      </FocusAnnotations>
      <QAPairs>
        <QAPair pid="1">
          <Question qid="0000145-1" qtype="information">What is (are) Hemifacial Spasm ?</Question>
          <Answer>Hemifacial spasm is a neuromuscular disorder ...</Answer>
        </QAPair>
      </QAPairs>
    </Document>

Each answered pair becomes ``Document(id="medquad:<file>#<qid>")`` whose title is the question and
whose sections are the answer's paragraphs. The answer texts are web pages flattened to text:
paragraphs are separated by line breaks, headings and list items by runs of spaces; both become
separate sections. Pairs without an answer (the A.D.A.M., drug and herb folders had theirs removed
for copyright), answers that only restate the question and answers that are only a heading are
reported as :class:`SkippedRecord`. Names whose accented letters MedQuAD dropped ("Sjgren") are
restored (:mod:`medcite.ingest.dropped_letters`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from lxml import etree

from medcite.errors import InputError
from medcite.ingest.dropped_letters import restore
from medcite.ingest.xmlsafe import parse_small_document, text_of
from medcite.records import AbstractSection, Document, ParsedItem, SkippedRecord, Source

ROOT_TAGS = ("Document", "DiseaseFile", "doc")
"""Root elements of MedQuAD files (``doc`` is an older schema used by four NINDS files)."""

MAX_FILE_BYTES = 16 * 1024 * 1024
"""MedQuAD files are at most ~60 kB; anything far larger is not a MedQuAD file."""

SITES: dict[str, str] = {
    "ADAM": "MedlinePlus",
    "CancerGov": "NCI",
    "CDC": "CDC",
    "GARD": "GARD",
    "GHR": "GHR",
    "MPlusDrugs": "MedlinePlus",
    "MPlusHealthTopics": "MedlinePlus",
    "MPlusHerbsSupplements": "MedlinePlus",
    "NHLBI": "NHLBI",
    "NIDDK": "NIDDK",
    "NIHSeniorHealth": "NIHSeniorHealth",
    "NINDS": "NINDS",
}
"""MedQuAD ``source`` attribute → publishing organisation stored in ``Document.site``."""

NO_ANSWER = "no answer text"
RESTATES_QUESTION = "answer restates the question"
ONLY_HEADING = "answer is only a heading"

_BLOCK_BREAK = re.compile(r"\n|[^\S\n]{3,}")
_LIST_MARKER = re.compile(r"(?:^|\s{2,})-\s+")
_SENTENCE_END = re.compile(r"[.!?]")
_INNER_SENTENCE_END = re.compile(r"[.!?]\s")
_WORD = re.compile(r"\w+")
_HEADING_MAX_WORDS = 8
_RESTATEMENT_MAX_WORDS = 30


def parse(stream: IO[bytes], where: str) -> Iterator[ParsedItem]:
    """Parse one MedQuAD XML file; ``where`` names it, e.g. ``6_NINDS_QA/0000145.xml``.

    Raises :class:`InputError` for malformed or hostile XML and for XML that is not MedQuAD.
    """
    root = parse_small_document(_read_limited(stream, where), where)
    root_tag = etree.QName(root).localname
    if root_tag not in ROOT_TAGS:
        raise InputError(f"{where}: not a MedQuAD file (root element <{root_tag}>)")
    file = where.removesuffix(".xml")
    page = _page(root)
    for position, pair in enumerate(root.iter("QAPair", "pair"), start=1):
        yield _parse_pair(pair, position, file, page)


def _read_limited(stream: IO[bytes], where: str) -> bytes:
    data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{where}: over {MAX_FILE_BYTES} bytes, too large for a MedQuAD file")
    return data


@dataclass(frozen=True, slots=True)
class _Page:
    """What every pair of one file shares: the page's URL, site, focus and synonyms."""

    url: str | None
    site: str | None
    focus: str | None
    synonyms: tuple[str, ...]


def _page(root: etree._Element) -> _Page:
    source = _attribute(root, "source") or _attribute(root, "corpus")
    focus = restore(text_of(_first_child(root, "Focus", "doctitle-focus")))
    return _Page(
        url=_attribute(root, "url"),
        site=SITES.get(source, source) if source else None,
        focus=focus or None,
        synonyms=_synonyms(root),
    )


def _parse_pair(pair: etree._Element, position: int, file: str, page: _Page) -> ParsedItem:
    question = _first_child(pair, "Question", "question")
    qid = _attribute(question, "qid") or _attribute(pair, "pid") or str(position)
    where = f"{file}#{qid}"
    title = restore(text_of(question))
    answer = _first_child(pair, "Answer", "answer")
    raw_answer = restore(_raw_text(answer))
    skip_reason = _skip_reason(title, raw_answer)
    if skip_reason:
        return SkippedRecord(where=where, reason=skip_reason)
    return Document(
        id=f"medquad:{where}",
        source=Source.MEDQUAD,
        title=title,
        sections=tuple(_section(p) for p in split_paragraphs(raw_answer)),
        url=page.url,
        site=page.site,
        focus=page.focus,
        question_type=_attribute(question, "qtype"),
        synonyms=page.synonyms,
    )


_OPENERS = r"(?:The|With|In|Most|Many|Some|If|When|For|This|These|It|People|Your|You|There)"
_GLUED_HEADING = re.compile(
    rf"^(?!{_OPENERS}\b)(?P<heading>(?:[A-Z][\w'’-]*\s+){{0,5}}[A-Z][\w'’-]*)\s+"
    rf"(?={_OPENERS}\s+[a-z])"
)
"""A web-page heading that flattening glued to the paragraph under it: a run of capitalised
words ("Common Symptoms", "Symptoms Can Be Controlled") right before a sentence that opens with
a function word and goes on in lower case ("The most common …", "With proper treatment …")."""


_LABEL_COLON = re.compile(
    r"^(?P<heading>[A-Z][a-z'’-]*(?:\s+(?:[A-Z][a-z'’-]*|and|of|to|the)){0,3})\s+:\s+(?=[A-Z])"
)
"""A heading set off by a spaced colon, as MedlinePlus answers open ("Summary : Secondhand smoke
is …")."""


def _section(paragraph: str) -> AbstractSection:
    """A paragraph as a section; a heading glued to its start becomes the section's label, so
    statements quoted from it do not begin with the heading ("Common Treatments The most …",
    "Summary : Secondhand smoke …")."""
    match = _LABEL_COLON.match(paragraph) or _GLUED_HEADING.match(paragraph)
    if match is None:
        return AbstractSection(text=paragraph)
    return AbstractSection(label=match.group("heading"), text=paragraph[match.end() :])


def _skip_reason(question: str, raw_answer: str) -> str | None:
    answer = " ".join(raw_answer.split())
    if not _WORD.search(answer):
        return NO_ANSWER
    if restates_question(question, answer):
        return RESTATES_QUESTION
    if is_only_heading(answer):
        return ONLY_HEADING
    return None


def split_paragraphs(text: str) -> list[str]:
    """Split a flattened web-page answer into paragraphs, headings and list items.

    Line breaks and runs of three or more spaces end a block; a ``-`` after two or more spaces
    (or at the start of a block) starts a list item, whose marker is dropped. Whitespace inside
    each paragraph is normalised and blocks without any word character are dropped.
    """
    paragraphs: list[str] = []
    for block in _BLOCK_BREAK.split(text):
        for item in _LIST_MARKER.split(block.strip()):
            paragraph = " ".join(item.split())
            if _WORD.search(paragraph):
                paragraphs.append(paragraph)
    return paragraphs


def restates_question(question: str, answer: str) -> bool:
    """True if ``answer`` says nothing beyond the question (e.g. GARD's "How might X be treated?").

    That is: its words equal or are contained in the question's, or it is a single question.
    """
    answer_words = _words(answer)
    question_words = _words(question)
    if not answer_words:
        return True
    if _contains(question_words, answer_words):
        return True
    return _is_single_question(answer, len(answer_words))


def is_only_heading(answer: str) -> bool:
    """True for a few words without any sentence, e.g. CDC's "Frequently Asked Questions (FAQs)"."""
    return len(_words(answer)) <= _HEADING_MAX_WORDS and not _SENTENCE_END.search(answer)


def _is_single_question(answer: str, word_count: int) -> bool:
    text = answer.strip()
    return (
        text.endswith("?")
        and word_count <= _RESTATEMENT_MAX_WORDS
        and not _INNER_SENTENCE_END.search(text[:-1])
    )


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _contains(haystack: list[str], needle: list[str]) -> bool:
    size = len(needle)
    return any(haystack[i : i + size] == needle for i in range(len(haystack) - size + 1))


def _synonyms(root: etree._Element) -> tuple[str, ...]:
    names = (restore(text_of(element)) for element in root.iter("Synonym"))
    return tuple(dict.fromkeys(name for name in names if name))


def _raw_text(element: etree._Element | None) -> str:
    """All text inside ``element``, line breaks and spacing kept (they mark paragraphs)."""
    if element is None:
        return ""
    return "".join(part for part in element.itertext() if isinstance(part, str))


def _first_child(element: etree._Element, *tags: str) -> etree._Element | None:
    for tag in tags:
        child = element.find(tag)
        if child is not None:
            return child
    return None


def _attribute(element: etree._Element | None, name: str) -> str | None:
    if element is None:
        return None
    value = " ".join((element.get(name) or "").split())
    return value or None
