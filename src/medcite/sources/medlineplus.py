"""MedlinePlus health topics, live: the MedlinePlus Web Service as a retriever.

``GET https://wsearch.nlm.nih.gov/ws/query?db=healthTopics&term=...&retmax=N`` answers with
``<nlmSearchResult>``: ``term``, ``count``, ``retstart``, ``retmax`` and a ``list`` of
``<document rank=".." url="..">`` whose ``<content name="...">`` elements are ``title``,
``organizationName``, ``altTitle`` (one per "also called" name), ``FullSummary`` (escaped HTML),
``mesh``, ``groupName`` and ``snippet``; the words that matched are wrapped in
``<span class="qt0">`` (https://medlineplus.gov/about/developers/webservices/). NLM asks clients to
send at most 85 requests per minute per IP address; the shared HTTP layer keeps to that over a
sliding minute (lengthened by the usual margin), so a burst of questions is served at once.

Each document becomes the same guideline-level Document the bulk file gives
(:mod:`medcite.ingest.medlineplus`) — title as focus, "also called" names as synonyms — with the
id ``medlineplus:<page>`` (``medlineplus:hayfever`` for https://medlineplus.gov/hayfever.html),
since the service does not return the topic id.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree
from pydantic import ValidationError

from medcite.ingest.medlineplus import QUESTION_TYPE, SITE, summary_sections
from medcite.ingest.xmlsafe import SAFE_PARSER_OPTIONS
from medcite.records import Document, Hit, Query, Source
from medcite.sources.base import Retrieval, make_hits, query_text, timestamp
from medcite.sources.cache import Payload
from medcite.sources.http import HttpClient, Request, Service, malformed, query_params
from medcite.sources.pubmed import concept_terms
from medcite.sources.settings import MedlinePlusSettings
from medcite.text import query_terms

log = logging.getLogger(__name__)

DB = "healthTopics"
MAX_WORDS = 8
_UNSAFE = re.compile(r'["()\[\]:]')
_PAGE = re.compile(r"^/(?:[\w-]+/)*([\w-]+)\.html$")


def medlineplus_service(settings: MedlinePlusSettings) -> Service:
    return Service(
        name="MedlinePlus",
        base_url=settings.base_url,
        requests_per_s=settings.requests_per_minute / 60,
        rate_window_s=60.0,  # NLM's limit is per minute: bursts are fine within it
    )


def search_term(query: Query) -> str:
    """The question's topic and its expansions as quoted phrases joined by OR; without a topic,
    its content words."""
    terms = concept_terms(query)
    if terms:
        return " OR ".join(f'"{t}"' for t in terms[:MAX_WORDS])
    words = [_UNSAFE.sub(" ", w).strip() for w in query_terms(query_text(query))[:MAX_WORDS]]
    return " ".join(w for w in words if w)


class MedlinePlusRetriever:
    """The MedlinePlus Web Service as a :class:`~medcite.sources.base.Retriever`."""

    name = "medlineplus"

    def __init__(
        self, http: HttpClient, settings: MedlinePlusSettings, snippet_chars: int = 240
    ) -> None:
        self.http = http
        self.settings = settings
        self.service = medlineplus_service(settings)
        self._snippet_chars = snippet_chars

    def search(self, query: Query, k: int) -> list[Hit]:
        return self.retrieve(query, k).hits

    def retrieve(self, query: Query, k: int) -> Retrieval:
        term = search_term(query)
        if not term:
            return Retrieval([], ())
        documents = self.topics(term, min(k, self.settings.per_search))[:k]
        ranked = [(doc, 1.0 / rank) for rank, doc in enumerate(documents, start=1)]
        return Retrieval(make_hits(ranked, self._snippet_chars), (f"MedlinePlus: {term}",))

    def topics(self, term: str, retmax: int) -> list[Document]:
        """Health topics for a web-service query, in the service's rank order."""
        params: dict[str, str | int | None] = {"db": DB, "term": term, "retmax": max(retmax, 1)}
        return self.http.fetch(Request(self.service, "query", query_params(params)), self._parse)

    def _parse(self, payload: Payload) -> list[Document]:
        root = _root(self.service, payload)
        fetched_at = timestamp(payload.fetched_at)
        unique: dict[str, Document] = {}
        for element in root.iterfind("list/document"):
            doc = _document(element, fetched_at)
            if doc is not None:
                unique.setdefault(doc.id, doc)
        return list(unique.values())


def _root(service: Service, payload: Payload) -> etree._Element:
    parser = etree.XMLParser(**SAFE_PARSER_OPTIONS)
    try:
        root = etree.fromstring(payload.body, parser)
    except etree.XMLSyntaxError as exc:
        raise malformed(service, "search answer", f"not XML: {exc.msg}") from None
    if etree.QName(root).localname != "nlmSearchResult" or root.find("count") is None:
        name = etree.QName(root).localname
        raise malformed(service, "search answer", f"<{name}> without <count>")
    return root


def _document(element: etree._Element, fetched_at: datetime) -> Document | None:
    url = element.get("url") or ""
    page = page_name(url)
    content = _contents(element)
    title = _plain(content.get("title", [""])[0])
    sections = summary_sections(content.get("FullSummary", [""])[0])
    if not (page and title and sections):
        return None
    try:
        return Document(
            id=f"medlineplus:{page}",
            source=Source.MEDLINEPLUS,
            title=title,
            sections=sections,
            mesh_terms=(mesh := tuple(_plain(m) for m in content.get("mesh", []))),
            mesh_major=mesh,
            language="eng",
            url=url,
            site=SITE,
            focus=title,
            question_type=QUESTION_TYPE,
            synonyms=tuple(dict.fromkeys(_plain(a) for a in content.get("altTitle", []))),
            fetched_at=fetched_at,
        )
    except ValidationError as exc:
        log.debug("MedlinePlus document %s skipped: %s", url, exc)
        return None


def page_name(url: str) -> str | None:
    """``hayfever`` for ``https://medlineplus.gov/hayfever.html``; None for other URLs."""
    parts = urlsplit(url)
    match = _PAGE.match(parts.path) if parts.hostname == "medlineplus.gov" else None
    return match.group(1) if match else None


def _contents(element: etree._Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for content in element.iterfind("content"):
        found.setdefault(content.get("name") or "", []).append(content.text or "")
    return found


def _plain(markup: str) -> str:
    """Text of an escaped-HTML field (``<span class="qt0">`` highlights), markup removed."""
    return " ".join(section.text for section in summary_sections(markup))
