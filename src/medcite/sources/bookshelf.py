"""NCBI Bookshelf chapters (StatPearls, GeneReviews) as a retriever: E-utilities ``db=books``.

ESearch (``db=books``, JSON) finds chapter UIDs for the question's topic restricted to the
configured books; ESummary (JSON) gives each chapter's title, book and Bookshelf accession
(``NBKnnnn``). E-utilities return no chapter text for ``db=books`` (EFetch does not serve it), so a
chapter is a title-only Document linking to its page, https://www.ncbi.nlm.nih.gov/books/NBKnnnn/:
clinician-level review evidence (badge "StatPearls" / "GeneReviews chapter",
:mod:`medcite.evidence.classify`). The requests share PubMed's E-utilities identification, API key
and rate limit (one limiter per host).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import replace
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from medcite.records import Document, Hit, Query, Source
from medcite.sources.base import Retrieval, make_hits, query_text, timestamp
from medcite.sources.cache import Payload
from medcite.sources.http import HttpClient, Request, Service, malformed, query_params
from medcite.sources.pubmed import concept_terms
from medcite.sources.settings import BookshelfSettings
from medcite.text import query_terms

log = logging.getLogger(__name__)

CHAPTER_URL = "https://www.ncbi.nlm.nih.gov/books/{accession}/"
MAX_TERMS = 6
_ACCESSION = re.compile(r"^NBK\d+$")
_UNSAFE = re.compile(r'["()\[\]:]')
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
Json = dict[str, Any]


def bookshelf_service(eutils: Service) -> Service:
    """E-utilities (with PubMed's identification and key) named for Bookshelf's messages."""
    return replace(eutils, name="NCBI Bookshelf")


def search_term(query: Query, books: tuple[str, ...]) -> str:
    """``("t1" OR "t2") AND ("StatPearls"[book] OR ...)``; empty if the question has no words."""
    terms = [f'"{t}"' for t in concept_terms(query)[:MAX_TERMS]]
    if not terms:
        words = [_UNSAFE.sub(" ", w).strip() for w in query_terms(query_text(query))[:MAX_TERMS]]
        terms = [w for w in words if w]
    if not terms:
        return ""
    where = " OR ".join(f'"{book}"[book]' for book in books)
    return f"({' OR '.join(terms)}) AND ({where})" if where else f"({' OR '.join(terms)})"


class BookshelfRetriever:
    """StatPearls / GeneReviews chapters as a :class:`~medcite.sources.base.Retriever`."""

    name = "bookshelf"

    def __init__(
        self,
        http: HttpClient,
        eutils: Service,
        settings: BookshelfSettings,
        snippet_chars: int = 240,
    ) -> None:
        self.http = http
        self.settings = settings
        self.service = bookshelf_service(eutils)
        self._snippet_chars = snippet_chars

    def search(self, query: Query, k: int) -> list[Hit]:
        return self.retrieve(query, k).hits

    def retrieve(self, query: Query, k: int) -> Retrieval:
        term = search_term(query, self.settings.books)
        if not term:
            return Retrieval([], ())
        uids = self.esearch(term, min(k, self.settings.per_search))
        chapters = self.esummary(uids)[:k] if uids else []
        ranked = [(doc, 1.0 / rank) for rank, doc in enumerate(chapters, start=1)]
        return Retrieval(make_hits(ranked, self._snippet_chars), (f"NCBI Bookshelf: {term}",))

    def esearch(self, term: str, retmax: int) -> list[str]:
        params: dict[str, str | int | None] = {
            "db": "books",
            "term": term,
            "retmax": retmax,
            "retmode": "json",
        }
        return self.http.fetch(self._request("esearch.fcgi", params), self._parse_esearch)

    def esummary(self, uids: list[str]) -> list[Document]:
        params: dict[str, str | int | None] = {
            "db": "books",
            "id": ",".join(uids),
            "retmode": "json",
        }
        return self.http.fetch(self._request("esummary.fcgi", params), self._parse_esummary)

    def _request(self, path: str, params: dict[str, str | int | None]) -> Request:
        """A POST, like every E-utilities call: the API key stays out of URLs."""
        return Request(self.service, path, query_params(params), method="POST")

    def _parse_esearch(self, payload: Payload) -> list[str]:
        result = _json(self.service, payload, "ESearch answer").get("esearchresult")
        ids = result.get("idlist") if isinstance(result, dict) else None
        if not isinstance(ids, list):
            raise malformed(self.service, "ESearch answer", "no esearchresult/idlist")
        return [str(uid) for uid in ids]

    def _parse_esummary(self, payload: Payload) -> list[Document]:
        result = _json(self.service, payload, "ESummary answer").get("result")
        uids = result.get("uids") if isinstance(result, dict) else None
        if not isinstance(result, dict) or not isinstance(uids, list):
            raise malformed(self.service, "ESummary answer", "no result/uids")
        fetched_at = timestamp(payload.fetched_at)
        found = (chapter(result.get(str(uid)), fetched_at) for uid in uids)
        unique: dict[str, Document] = {}
        for doc in found:
            if doc is not None:
                unique.setdefault(doc.id, doc)
        return list(unique.values())


def _json(service: Service, payload: Payload, what: str) -> Json:
    try:
        data = json.loads(payload.body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise malformed(service, what, f"not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise malformed(service, what, "not a JSON object")
    return data


def chapter(item: object, fetched_at: datetime | None = None) -> Document | None:
    """One ESummary ``db=books`` record as a Document; None without title or NBK accession."""
    if not isinstance(item, dict):
        return None
    accession = _accession(item)
    title = " ".join(str(item.get("title") or "").split())
    if not accession or not title:
        return None
    book = " ".join(str(item.get("booktitle") or item.get("book") or "").split()) or None
    year = _year(item)
    try:
        return Document(
            id=f"bookshelf:{accession}",
            source=Source.BOOKSHELF,
            title=title,
            journal=book,
            year=year,
            pub_date=str(year) if year else None,
            publication_types=("Review",),
            url=CHAPTER_URL.format(accession=accession),
            site=_book_kind(book),
            fetched_at=fetched_at,
        )
    except ValidationError as exc:
        log.debug("Bookshelf record %s skipped: %s", accession, exc)
        return None


def _accession(item: Json) -> str | None:
    for key in ("chapteraccessionid", "accessionid", "rid"):
        value = str(item.get(key) or "").strip()
        if _ACCESSION.match(value):
            return value
    return None


def _year(item: Json) -> int | None:
    match = _YEAR.search(str(item.get("pubdate") or ""))
    return int(match.group(1)) if match else None


def _book_kind(book: str | None) -> str | None:
    """``StatPearls`` or ``GeneReviews`` (the keys of the badge table) for those books."""
    words = (book or "").replace("®", " ").split()
    for name in ("StatPearls", "GeneReviews"):
        if name in words:
            return name
    return book
