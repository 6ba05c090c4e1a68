"""Streaming parser for NLM PubMed / MEDLINE XML.

Reads ``PubmedArticleSet`` files (``PubmedArticle``, ``PubmedBookArticle`` and ``DeleteCitation``
entries, as in the NLM baseline and daily-update files and E-utilities ``efetch`` answers) and
the older ``MedlineCitationSet`` files, in constant memory. Each record becomes a
:class:`~medcite.records.Document`; withdrawn PMIDs become :class:`~medcite.records.Deletion`;
records that cannot be cited become :class:`~medcite.records.SkippedRecord`.

Fields are read by walking each record's children once (no XPath searches over the record):
every microsecond per record counts. ``PubmedArticleSet`` files (baseline, updates, efetch) are
parsed in batches on another thread (:mod:`medcite.ingest.pubmed_batches`); other roots stream
through :func:`~medcite.ingest.xmlsafe.iter_elements`. Decompression runs ahead in its own thread
(:mod:`medcite.ingest.readahead`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import IO

from lxml import etree

from medcite.ingest.detect import xml_root
from medcite.ingest.pubmed_batches import is_article_set, iter_records
from medcite.ingest.xmlsafe import iter_elements, peek_head, peekable, text_of
from medcite.records import (
    AbstractSection,
    Deletion,
    Document,
    ParsedItem,
    SkippedRecord,
    Source,
)

__all__ = ["parse"]

Element = etree._Element
Children = dict[str, Element]

_ARTICLE_SET_TAGS = ("PubmedArticle", "PubmedBookArticle", "DeleteCitation")
_MEDLINE_SET_TAGS = ("MedlineCitation", "DeleteCitation")
_AUTHOR_TAGS = ("Author", "LastName", "ForeName", "Initials", "CollectiveName")
_HEAD_BYTES = 4096
_MONTHS = {
    name: f"{number:02d}"
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_NO_TEXT = "no title or abstract"
_NO_PMID = "no PMID"


def parse(stream: IO[bytes], where: str) -> Iterator[ParsedItem]:
    """Yield one item per record of the PubMed/MEDLINE XML in ``stream`` (``where`` names it).

    Raises :class:`~medcite.errors.InputError` for malformed, hostile or truncated XML.
    """
    stream = peekable(stream)
    head = peek_head(stream, _HEAD_BYTES, where)
    root = xml_root(head)
    if root == "PubmedArticleSet" and is_article_set(head):
        records = iter_records(stream, where)
    else:
        tags = _MEDLINE_SET_TAGS if root == "MedlineCitationSet" else _ARTICLE_SET_TAGS
        records = iter_elements(stream, tags, where)
    number = 0
    for element in records:
        parse_record = RECORD_PARSERS.get(str(element.tag))
        if parse_record is not None:
            number += 1
            yield from parse_record(element, where, number)


# --- record kinds -------------------------------------------------------------------------------


def _deletions(element: Element, where: str, number: int) -> Iterator[ParsedItem]:
    for pmid in element.iterchildren("PMID"):
        if pmid.text and pmid.text.strip():
            yield Deletion(id=f"pmid:{pmid.text.strip()}")


def _pubmed_article(element: Element, where: str, number: int) -> Iterator[ParsedItem]:
    parts = _children(element)
    citation = parts.get("MedlineCitation")
    if citation is None:
        yield SkippedRecord(where=f"{where} record {number}", reason=_NO_PMID)
        return
    yield from _medline_citation(citation, where, number, parts.get("PubmedData"))


def _medline_citation(
    element: Element, where: str, number: int, data: Element | None = None
) -> Iterator[ParsedItem]:
    citation = _children(element)
    pmid = _plain(citation.get("PMID"))
    if not pmid:
        yield SkippedRecord(where=f"{where} record {number}", reason=_NO_PMID)
        return
    article = _children(citation.get("Article"))
    title = _text(article.get("ArticleTitle")) or _text(article.get("VernacularTitle"))
    sections = _sections(article.get("Abstract")) or _other_abstract(element)
    if not title and not sections:
        yield SkippedRecord(where=f"PMID {pmid}", reason=_NO_TEXT)
        return
    yield _journal_document(
        pmid, title, sections, citation=citation, article=article, data=_children(data)
    )


def _book_article(element: Element, where: str, number: int) -> Iterator[ParsedItem]:
    parts = _children(element)
    document = _children(parts.get("BookDocument"))
    pmid = _plain(document.get("PMID"))
    if not pmid:
        yield SkippedRecord(where=f"{where} record {number}", reason=_NO_PMID)
        return
    book = _children(document.get("Book"))
    title = _text(document.get("ArticleTitle")) or _text(book.get("BookTitle"))
    sections = _sections(document.get("Abstract"))
    if not title and not sections:
        yield SkippedRecord(where=f"PMID {pmid}", reason=_NO_TEXT)
        return
    yield _book_document(pmid, title, sections, parts=parts, document=document, book=book)


RECORD_PARSERS: dict[str, Callable[[Element, str, int], Iterator[ParsedItem]]] = {
    "PubmedArticle": _pubmed_article,
    "PubmedBookArticle": _book_article,
    "MedlineCitation": _medline_citation,
    "DeleteCitation": _deletions,
}
"""The parser of each kind of top-level record of a ``PubmedArticleSet`` (by element tag)."""


# --- documents ----------------------------------------------------------------------------------


def _journal_document(
    pmid: str,
    title: str,
    sections: tuple[AbstractSection, ...],
    *,
    citation: Children,
    article: Children,
    data: Children,
) -> Document:
    journal = _children(article.get("Journal"))
    year, pub_date = _journal_date(journal, article, data)
    ids = _article_ids(data.get("ArticleIdList"))
    retracted_by, retraction_of = _retractions(citation.get("CommentsCorrectionsList"))
    return Document(
        id=f"pmid:{pmid}",
        source=Source.PUBMED,
        pmid=pmid,
        title=title,
        sections=sections,
        journal=_text(journal.get("Title")) or _text(journal.get("ISOAbbreviation")) or None,
        pub_date=pub_date,
        year=year,
        authors=_authors(article.get("AuthorList")),
        publication_types=_child_texts(article.get("PublicationTypeList"), "PublicationType"),
        mesh_terms=_mesh_terms(citation.get("MeshHeadingList")),
        mesh_major=_mesh_major(citation.get("MeshHeadingList")),
        keywords=_keywords(citation.get("KeywordList")),
        language=_plain(article.get("Language")) or None,
        doi=ids.get("doi") or _elocation_doi(article.get("ELocationID")),
        pmcid=ids.get("pmc"),
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
        retracted_by=retracted_by,
        retraction_of=retraction_of,
    )


def _book_document(
    pmid: str,
    title: str,
    sections: tuple[AbstractSection, ...],
    *,
    parts: Children,
    document: Children,
    book: Children,
) -> Document:
    data = _children(parts.get("PubmedBookData"))
    year, pub_date = _book_date(document, book, data)
    ids = _article_ids(data.get("ArticleIdList")) | _article_ids(document.get("ArticleIdList"))
    is_chapter = document.get("ArticleTitle") is not None
    publisher = _children(book.get("Publisher"))
    container = book.get("BookTitle") if is_chapter else publisher.get("PublisherName")
    return Document(
        id=f"pmid:{pmid}",
        source=Source.PUBMED,
        pmid=pmid,
        title=title,
        sections=sections,
        journal=_text(container) or None,
        pub_date=pub_date,
        year=year,
        authors=_book_authors(parts.get("BookDocument"), document.get("Book")),
        publication_types=_child_texts(parts.get("BookDocument"), "PublicationType"),
        keywords=_keywords(document.get("KeywordList")),
        language=_plain(document.get("Language")) or None,
        doi=ids.get("doi") or _elocation_doi(book.get("ELocationID")),
        pmcid=ids.get("pmc"),
        url=f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/",
    )


# --- fields -------------------------------------------------------------------------------------


def _children(element: Element | None) -> Children:
    """The first child of each tag: one pass over the children instead of a search per field."""
    first: Children = {}
    if element is not None:
        for child in element:
            first.setdefault(child.tag, child)  # type: ignore[arg-type]  # parsed tags are str
    return first


def _text(element: Element | None) -> str:
    """Whitespace-normalised text of ``element`` including inline markup; "" if absent."""
    if element is None:
        return ""
    if len(element):
        return text_of(element)
    return _squeeze(element.text) if element.text else ""


def _plain(element: Element | None) -> str:
    """Stripped text of an element the DTD declares as plain text (#PCDATA: names, dates, ids)."""
    if element is None or not element.text:
        return ""
    return element.text.strip()


def _squeeze(text: str) -> str:
    """``" ".join(text.split())``, skipping the work for plain ASCII text that is already tidy."""
    tidy = text.isascii() and text[0] != " " and text[-1] != " "
    if tidy and "  " not in text and "\n" not in text and "\t" not in text and "\r" not in text:
        return text
    return " ".join(text.split())


def _child_texts(parent: Element | None, tag: str) -> tuple[str, ...]:
    if parent is None:
        return ()
    texts = [_text(child) for child in parent.iterchildren(tag)]
    return tuple(dict.fromkeys(text for text in texts if text))


def _sections(abstract: Element | None) -> tuple[AbstractSection, ...]:
    if abstract is None:
        return ()
    sections = [_section(node) for node in abstract.iterchildren("AbstractText")]
    return tuple(section for section in sections if section is not None)


def _section(node: Element) -> AbstractSection | None:
    text = _text(node)
    if not text:
        return None
    label = node.get("Label") or None
    return AbstractSection(label=label, category=node.get("NlmCategory") or None, text=text)


def _other_abstract(citation: Element) -> tuple[AbstractSection, ...]:
    """Sections of the first non-empty OtherAbstract (used only when there is no Abstract)."""
    for other in citation.iterchildren("OtherAbstract"):
        sections = _sections(other)
        if sections:
            return sections
    return ()


def _authors(author_list: Element | None) -> tuple[str, ...]:
    """Display names of the valid authors, in order.

    One walk over the list's name elements (the Author elements come first in document order,
    then their name parts) avoids touching each author's affiliations and identifiers.
    """
    if author_list is None:
        return ()
    people: list[Children] = []
    parts: Children = {}
    for node in author_list.iter(_AUTHOR_TAGS):
        if node.tag == "Author":
            parts = {}
            if node.get("ValidYN") != "N":
                people.append(parts)
        else:
            parts[node.tag] = node  # type: ignore[index]  # parsed tags are str
    return tuple(name for name in map(_author_name, people) if name)


def _author_name(parts: Children) -> str:
    """``Family Initials`` (initials from the fore name if NLM gave none) or the collective name."""
    if "LastName" not in parts:
        return _text(parts.get("CollectiveName"))
    family = _plain(parts["LastName"])
    initials = _plain(parts.get("Initials")) or _initials(_plain(parts.get("ForeName")))
    return f"{family} {initials}" if family and initials else family


def _book_authors(*containers: Element | None) -> tuple[str, ...]:
    """Authors of the chapter, else of the book; never the book's editors."""
    for container in containers:
        lists = container.iterchildren("AuthorList") if container is not None else ()
        for author_list in lists:
            names = _authors(author_list) if author_list.get("Type") != "editors" else ()
            if names:
                return names
    return ()


def _initials(fore_name: str) -> str:
    return "".join(part[0] for part in fore_name.replace("-", " ").split())


def _mesh_terms(heading_list: Element | None) -> tuple[str, ...]:
    if heading_list is None:
        return ()
    # The DTD puts DescriptorName first in every MeshHeading: index instead of searching.
    names = [_text(h[0]) for h in heading_list if len(h) and h[0].tag == "DescriptorName"]
    return tuple(name for name in names if name)


def _mesh_major(heading_list: Element | None) -> tuple[str, ...]:
    """Descriptors marked as major topics, on the descriptor itself or on any qualifier."""
    if heading_list is None:
        return ()
    major = (
        _text(h[0])
        for h in heading_list
        if len(h) and h[0].tag == "DescriptorName" and any(e.get("MajorTopicYN") == "Y" for e in h)
    )
    return tuple(name for name in major if name)


def _keywords(first_list: Element | None) -> tuple[str, ...]:
    """Keywords of every KeywordList (publisher's and NLM's), first occurrence kept."""
    if first_list is None:
        return ()
    lists = [first_list, *first_list.itersiblings("KeywordList")]
    return tuple(dict.fromkeys(kw for kl in lists for kw in _child_texts(kl, "Keyword")))


def _article_ids(id_list: Element | None) -> dict[str, str]:
    ids: dict[str, str] = {}
    if id_list is not None:
        for article_id in id_list.iterchildren("ArticleId"):
            value = _plain(article_id)
            if value:
                ids.setdefault(article_id.get("IdType", ""), value)
    return ids


def _elocation_doi(first: Element | None) -> str | None:
    if first is None:
        return None
    for location in (first, *first.itersiblings("ELocationID")):
        if location.get("EIdType") == "doi" and location.get("ValidYN") != "N":
            return _text(location) or None
    return None


def _retractions(corrections: Element | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """PMIDs of (notices retracting this record, records this notice retracts)."""
    found: dict[str, dict[str, None]] = {"RetractionIn": {}, "RetractionOf": {}}
    if corrections is not None:
        for comment in corrections.iterchildren("CommentsCorrections"):
            pmids = found.get(comment.get("RefType", ""))
            pmid = _plain(next(comment.iterchildren("PMID"), None))
            if pmids is not None and pmid:
                pmids[pmid] = None
    return tuple(found["RetractionIn"]), tuple(found["RetractionOf"])


# --- dates --------------------------------------------------------------------------------------


def _journal_date(
    journal: Children, article: Children, data: Children
) -> tuple[int | None, str | None]:
    """Issue date; else the electronic article date; else the date the record entered PubMed."""
    year, pub_date = _date(_children(journal.get("JournalIssue")).get("PubDate"))
    if year is None:
        year, pub_date = _date(article.get("ArticleDate"))
    if year is None:
        year, pub_date = _date(_pubmed_history_date(data))
    return year, pub_date


def _book_date(document: Children, book: Children, data: Children) -> tuple[int | None, str | None]:
    """Chapter contribution date; else the book's publication date; else the PubMed entry date."""
    year, pub_date = _date(document.get("ContributionDate"))
    if year is None:
        year, pub_date = _date(book.get("PubDate"))
    if year is None:
        year, pub_date = _date(_pubmed_history_date(data))
    return year, pub_date


def _pubmed_history_date(data: Children) -> Element | None:
    history = data.get("History")
    if history is None:
        return None
    dates = history.iterchildren("PubMedPubDate")
    return next((d for d in dates if d.get("PubStatus") == "pubmed"), None)


def _date(element: Element | None) -> tuple[int | None, str | None]:
    """(year, ``YYYY[-MM[-DD]]``) of a PubDate-like element; MedlineDate and Season give a year."""
    parts = {child.tag: _plain(child) for child in element} if element is not None else {}
    year = _year(parts.get("Year") or parts.get("MedlineDate", ""))
    if year is None:
        return None, None
    month = _month(parts.get("Month", ""))
    if "Year" not in parts or month is None:
        return year, f"{year:04d}"
    day = _day(parts.get("Day", ""))
    return year, f"{year:04d}-{month}" + (f"-{day}" if day else "")


def _year(text: str) -> int | None:
    """The first four-digit number in ``text`` (``1977 Jan-Feb`` → 1977)."""
    if len(text) == 4 and text.isdigit():
        return int(text)
    match = _YEAR.search(text)
    return int(match.group()) if match else None


def _month(text: str) -> str | None:
    if text.isdigit():
        return f"{int(text):02d}" if 1 <= int(text) <= 12 else None
    return _MONTHS.get(text[:3].lower())


def _day(text: str) -> str | None:
    return f"{int(text):02d}" if text.isdigit() and 1 <= int(text) <= 31 else None
