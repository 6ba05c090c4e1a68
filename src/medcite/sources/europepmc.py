"""Europe PMC as a retriever: REST search (JSON, ``resultType=core``) mapped to ``Document``.

Two searches per question run concurrently and are fused: a general one and one restricted to
guidelines. Results include preprints (``SRC:PPR``, labelled with the publication type
``Preprint``) and NCBI Bookshelf / NHS Evidence records. Open-access articles link to their
free full text. Retractions reported by Europe PMC (publication type or a "Retraction in"
correction) become ``Retracted Publication`` / ``retracted_by``, so the evidence stage can
exclude and report them.

Records with a PMID get the id ``pmid:NNN`` and so merge with the same record from PubMed;
others get ``europepmc:<source>:<id>`` (e.g. ``europepmc:PPR:PPR1036674``).
"""

from __future__ import annotations

import html
import json
import logging
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from medcite.records import AbstractSection, Document, Hit, Query, Source
from medcite.sources.base import Retrieval, fuse, make_hits, parallel, query_text, timestamp, top
from medcite.sources.cache import Payload
from medcite.sources.http import HttpClient, Request, Service, malformed, query_params
from medcite.sources.pubmed import concept_terms
from medcite.sources.settings import EuropePmcSettings
from medcite.text import query_terms

log = logging.getLogger(__name__)

Json = dict[str, Any]
MAX_PAGE = 1000
MAX_WORDS = 8
GUIDELINES = 'PUB_TYPE:"practice guideline" OR PUB_TYPE:"guideline" OR SRC:HIR'
_SOURCES = ("MED", "PMC", "NBK", "HIR")
_INLINE_TAG = re.compile(r"</?(?:i|b|u|em|strong|sup|sub|span|sc)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
_HEADING = re.compile(r"<h4>(.*?)</h4>", re.I | re.S)
_UNSAFE = re.compile(r'["()\[\]:]')
_PUB_TYPES = {
    name.lower(): name
    for name in (
        "Journal Article",
        "Review",
        "Systematic Review",
        "Meta-Analysis",
        "Practice Guideline",
        "Guideline",
        "Randomized Controlled Trial",
        "Clinical Trial",
        "Controlled Clinical Trial",
        "Observational Study",
        "Case Reports",
        "Preprint",
        "Retracted Publication",
        "Retraction of Publication",
        "Published Erratum",
        "Editorial",
        "Letter",
        "Comment",
        "News",
    )
} | {"review-article": "Review", "research-article": "Journal Article"}
"""Europe PMC's lower-case or JATS publication types → PubMed's names."""


def europepmc_service(settings: EuropePmcSettings) -> Service:
    return Service(
        name="Europe PMC",
        base_url=settings.base_url,
        requests_per_s=settings.requests_per_s,
    )


@dataclass(frozen=True)
class EuropePmcSearch:
    label: str
    query: str

    def describe(self) -> str:
        return f"Europe PMC {self.label}: {self.query}"


def build_searches(query: Query, settings: EuropePmcSettings, year: int) -> list[EuropePmcSearch]:
    """The general search and (optionally) a guideline search; empty if the query has no words."""
    concept = _concept(query)
    if not concept:
        return []
    filters = _filters(settings, year)
    searches = [EuropePmcSearch("general", f"{concept}{filters}")]
    if settings.guideline_search:
        searches.append(EuropePmcSearch("guideline", f"{concept} AND ({GUIDELINES}){filters}"))
    return searches


def _concept(query: Query) -> str:
    terms = concept_terms(query)
    if terms:
        return "(" + " OR ".join(f'TITLE_ABS:"{t}" OR KW:"{t}"' for t in terms) + ")"
    words = [_UNSAFE.sub(" ", w) for w in query_terms(query_text(query))[:MAX_WORDS]]
    return f"({' '.join(words)})" if words else ""


def _filters(settings: EuropePmcSettings, year: int) -> str:
    sources = [*_SOURCES, "PPR"] if settings.include_preprints else list(_SOURCES)
    text = " AND (" + " OR ".join(f"SRC:{s}" for s in sources) + ")"
    if settings.english_only:  # preprints often carry no language
        text += " AND (LANG:eng OR SRC:PPR)" if settings.include_preprints else " AND LANG:eng"
    if settings.recent_years:
        text += f" AND PUB_YEAR:[{year - settings.recent_years + 1} TO 3000]"
    return text


class EuropePmcRetriever:
    """Europe PMC REST search as a :class:`~medcite.sources.base.Retriever`."""

    name = "europepmc"

    def __init__(
        self, http: HttpClient, settings: EuropePmcSettings, snippet_chars: int = 240
    ) -> None:
        self.http = http
        self.settings = settings
        self.service = europepmc_service(settings)
        self._snippet_chars = snippet_chars

    def search(self, query: Query, k: int) -> list[Hit]:
        return self.retrieve(query, k).hits

    def retrieve(self, query: Query, k: int) -> Retrieval:
        searches = build_searches(query, self.settings, self._year())
        results = parallel([self._call(s.query, k) for s in searches])
        documents = {doc.id: doc for found in reversed(results) for doc in found}
        ranked = top(fuse([doc.id for doc in found] for found in results), k)
        pairs = [(documents[doc_id], score) for doc_id, score in ranked]
        return Retrieval(
            make_hits(pairs, self._snippet_chars), tuple(s.describe() for s in searches)
        )

    def search_documents(self, text: str, size: int) -> list[Document]:
        """Documents for a raw Europe PMC query, in Europe PMC's relevance order."""
        params: dict[str, str | int | None] = {
            "query": text,
            "format": "json",
            "resultType": "core",
            "pageSize": min(max(size, 1), MAX_PAGE),
            "synonym": "true",
        }
        request = Request(self.service, "search", query_params(params))
        return self.http.fetch(request, self._parse)

    def _call(self, text: str, size: int) -> Callable[[], list[Document]]:
        return lambda: self.search_documents(text, size)

    def _parse(self, payload: Payload) -> list[Document]:
        results = _results(self.service, payload)
        fetched_at = timestamp(payload.fetched_at)
        return list(_documents(results, fetched_at))

    def _year(self) -> int:
        return datetime.fromtimestamp(self.http.clock.time(), tz=UTC).year


def _results(service: Service, payload: Payload) -> list[Json]:
    try:
        data = json.loads(payload.body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise malformed(service, "search answer", f"not JSON: {exc}") from None
    results = data.get("resultList", {}).get("result") if isinstance(data, dict) else None
    if not isinstance(results, list) or not isinstance(data.get("hitCount"), int):
        raise malformed(service, "search answer", "no hitCount/resultList")
    return [item for item in results if isinstance(item, dict)]


def _documents(results: list[Json], fetched_at: datetime) -> Iterator[Document]:
    for item in results:
        try:
            doc = to_document(item, fetched_at)
        except (ValidationError, ValueError, TypeError, AttributeError) as exc:
            log.debug("Europe PMC record %s skipped: %s", item.get("id"), exc)
            continue
        if doc is not None:
            yield doc


def to_document(item: Json, fetched_at: datetime | None = None) -> Document | None:
    """One Europe PMC result (``core`` or ``lite``) as a Document; None without title or text."""
    source, ident = str(item.get("source", "")), str(item.get("id", ""))
    pmid = str(item.get("pmid") or "") or None
    title, sections = _clean(str(item.get("title") or "")), abstract_sections(item)
    if not (source and ident) or not (title or sections):
        return None
    retracted_by, retraction_of = _corrections(item)
    return Document(
        id=f"pmid:{pmid}" if pmid else f"europepmc:{source}:{ident}",
        source=Source.EUROPEPMC,
        title=title,
        sections=sections,
        journal=_journal(item),
        pub_date=_pub_date(item),
        year=_year(item),
        authors=_authors(item),
        publication_types=publication_types(item),
        mesh_terms=tuple(_mesh(item)),
        keywords=tuple(_list(item, "keywordList", "keyword")),
        language=item.get("language") or None,
        pmid=pmid,
        doi=item.get("doi") or None,
        pmcid=item.get("pmcid") or None,
        url=full_text_url(item) or f"https://europepmc.org/article/{source}/{ident}",
        site=_publisher(item) if source == "PPR" else None,
        retracted_by=retracted_by,
        retraction_of=retraction_of,
        fetched_at=fetched_at,
    )


def abstract_sections(item: Json) -> tuple[AbstractSection, ...]:
    """The abstract, split at Europe PMC's ``<h4>`` headings; markup removed."""
    text = str(item.get("abstractText") or "")
    parts = _HEADING.split(text)
    sections = [AbstractSection(text=t) for t in [_clean(parts[0])] if t]
    for label, body in zip(parts[1::2], parts[2::2], strict=True):
        if cleaned := _clean(body):
            sections.append(AbstractSection(label=_clean(label) or None, text=cleaned))
    return tuple(sections)


def publication_types(item: Json) -> tuple[str, ...]:
    """PubMed-style names; ``Preprint`` for preprints, ``Retracted Publication`` if flagged."""
    raw = _list(item, "pubTypeList", "pubType") or str(item.get("pubType") or "").split(";")
    names = [_PUB_TYPES.get(t.strip().lower(), t.strip()) for t in raw if t.strip()]
    if item.get("source") == "PPR":
        names.append("Preprint")
    if _corrections(item)[0]:
        names.append("Retracted Publication")
    return tuple(dict.fromkeys(names))


def full_text_url(item: Json) -> str | None:
    """The free full text of an open-access record (HTML first, then PDF), if any."""
    if item.get("isOpenAccess") != "Y" and item.get("inEPMC") != "Y":
        return None
    links = [u for u in _list(item, "fullTextUrlList", "fullTextUrl") if isinstance(u, dict)]
    free = [u for u in links if u.get("availabilityCode") in ("OA", "F")]
    free.sort(key=lambda u: u.get("documentStyle") != "html")
    if free:
        return str(free[0].get("url")) or None
    pmcid = item.get("pmcid")
    return f"https://europepmc.org/article/PMC/{pmcid}" if pmcid else None


def _corrections(item: Json) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Ids of (notices retracting this record, records this notice retracts)."""
    found: dict[str, list[str]] = {"retraction in": [], "retraction of": []}
    for comment in _list(item, "commentCorrectionList", "commentCorrection"):
        kind = str(comment.get("type", "")).lower() if isinstance(comment, dict) else ""
        if kind in found and comment.get("id"):
            found[kind].append(str(comment["id"]))
    return tuple(found["retraction in"]), tuple(found["retraction of"])


def _authors(item: Json) -> tuple[str, ...]:
    people = _list(item, "authorList", "author")
    names = [str(p.get("fullName") or p.get("collectiveName") or "") for p in people]
    if not people:
        names = str(item.get("authorString") or "").rstrip(".").split(", ")
    return tuple(name.strip() for name in names if name.strip())


def _journal(item: Json) -> str | None:
    journal = (item.get("journalInfo") or {}).get("journal") or {}
    return journal.get("title") or item.get("journalTitle") or _publisher(item)


def _publisher(item: Json) -> str | None:
    return (item.get("bookOrReportDetails") or {}).get("publisher") or None


def _year(item: Json) -> int | None:
    text = str(item.get("pubYear") or "")
    return int(text) if text.isdigit() else None


def _pub_date(item: Json) -> str | None:
    year = _year(item)
    info = item.get("journalInfo") or {}
    for date in (info.get("printPublicationDate"), item.get("firstPublicationDate")):
        if isinstance(date, str) and year and date.startswith(str(year)):
            return date
    return str(year) if year else None


def _mesh(item: Json) -> Iterator[str]:
    for heading in _list(item, "meshHeadingList", "meshHeading"):
        if isinstance(heading, dict) and heading.get("descriptorName"):
            yield str(heading["descriptorName"])


def _list(item: Mapping[str, Any], outer: str, inner: str) -> list[Any]:
    value = (item.get(outer) or {}).get(inner) or []
    return value if isinstance(value, list) else [value]


def _clean(text: str) -> str:
    """Text without markup or entities, whitespace collapsed."""
    bare = _TAG.sub(" ", _INLINE_TAG.sub("", text))
    return " ".join(html.unescape(bare).split())
