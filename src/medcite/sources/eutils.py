"""NCBI E-utilities for PubMed: one method per utility, each returning typed results.

ESearch (ranked PMIDs), EFetch (full records, parsed by the same parser as ingest:
:func:`medcite.ingest.pubmed_xml.parse`), ESummary (metadata without abstracts: cheaper),
ELink (similar articles), ESpell (spelling suggestions), EPost + the history server (WebEnv) for
large batches. Every call goes through :class:`~medcite.sources.http.HttpClient`, so rate limits,
retries, the cache and error messages are the same everywhere. Calls are POSTs (NCBI accepts POST
for every utility): parameters, the API key included, never appear in a URL or a request log.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from medcite.errors import InputError
from medcite.ingest import pubmed_xml
from medcite.ingest.detect import xml_root
from medcite.ingest.xmlsafe import parse_small_document
from medcite.records import Document
from medcite.sources.base import timestamp
from medcite.sources.cache import Payload
from medcite.sources.http import (
    LOCAL_HINT,
    HttpClient,
    Request,
    Service,
    SourceResponseError,
    SourceUnavailableError,
    malformed,
    query_params,
)
from medcite.sources.settings import PubMedSettings

log = logging.getLogger(__name__)

API_KEY_ENV = "NCBI_API_KEY"
EFETCH_GET_MAX = 200
"""Up to this many PMIDs go in one EFetch URL; larger batches use EPost + the history server."""
_ARTICLE_SETS = frozenset({"PubmedArticleSet", "PubmedBookArticleSet"})
_LANGUAGES = {"english": "eng", "french": "fre", "german": "ger", "spanish": "spa"}


def ncbi_api_key(env: Mapping[str, str]) -> str | None:
    """The NCBI API key from the environment (``NCBI_API_KEY``), if set."""
    key = env.get(API_KEY_ENV, "").strip()
    return key or None


def eutils_service(settings: PubMedSettings, api_key: str | None) -> Service:
    """E-utilities as the HTTP layer sees it: 3 requests/s, 10 with an API key."""
    rate = settings.requests_per_s or (10.0 if api_key else 3.0)
    fixed = query_params({"tool": settings.tool, "email": settings.email, "api_key": api_key})
    hint = (
        f"wait a minute and retry, {LOCAL_HINT}"
        if api_key
        else f"set {API_KEY_ENV} to raise PubMed's limit from 3 to 10 requests/s, {LOCAL_HINT}"
    )
    return Service(
        name="PubMed",
        base_url=settings.base_url,
        requests_per_s=rate,
        rate_limit_hint=hint,
        fixed_params=fixed,
        secret_params=frozenset({"api_key"}),
        volatile_params=frozenset({"tool", "email"}),
    )


@dataclass(frozen=True)
class SearchResult:
    """What ESearch found: total count, the PMIDs of this page, history handle if requested."""

    count: int
    ids: tuple[str, ...]
    webenv: str | None = None
    query_key: str | None = None
    translation: str = ""
    not_found: tuple[str, ...] = ()
    """Phrases PubMed did not find (``ErrorList/PhraseNotFound``)."""


@dataclass(frozen=True)
class History:
    """A result set stored on NCBI's history server."""

    webenv: str
    query_key: str
    count: int


@dataclass(frozen=True)
class Summary:
    """ESummary's view of a record: metadata without the abstract."""

    pmid: str
    title: str
    publication_types: tuple[str, ...]
    year: int | None
    journal: str | None
    language: str | None
    doi: str | None


class EUtils:
    """PubMed through E-utilities. Thread-safe; share one per process."""

    def __init__(self, http: HttpClient, service: Service) -> None:
        self.http = http
        self.service = service

    def esearch(
        self,
        term: str,
        retmax: int,
        *,
        dates: tuple[int, int] | None = None,
        history: bool = False,
    ) -> SearchResult:
        """PMIDs for ``term`` by relevance (Best Match); ``dates``: (from, to) publication year."""
        params: dict[str, str | int | None] = {
            "db": "pubmed",
            "term": term,
            "retmax": retmax,
            "sort": "relevance",
        }
        if dates is not None:
            params |= {"datetype": "pdat", "mindate": dates[0], "maxdate": dates[1]}
        if history:
            params["usehistory"] = "y"
        request = self._request("esearch.fcgi", params)
        return self.http.fetch(request, self._parse_esearch, cacheable=not history)

    def efetch(self, pmids: Sequence[str]) -> list[Document]:
        """Full records for ``pmids`` (sorted, so equal sets share a cache entry)."""
        ids = sorted(set(pmids), key=int)
        if not ids:
            return []
        if len(ids) > EFETCH_GET_MAX:
            return list(self.fetch_history(self.epost(ids)))
        params = {"db": "pubmed", "id": ",".join(ids), "retmode": "xml"}
        return self.http.fetch(self._request("efetch.fcgi", params), self._parse_efetch)

    def fetch_history(self, history: History, batch: int = EFETCH_GET_MAX) -> Iterator[Document]:
        """Every record of a history-server result set, ``batch`` records per request."""
        for start in range(0, history.count, batch):
            params: dict[str, str | int | None] = {
                "db": "pubmed",
                "WebEnv": history.webenv,
                "query_key": history.query_key,
                "retstart": start,
                "retmax": batch,
                "retmode": "xml",
            }
            request = self._request("efetch.fcgi", params)
            yield from self.http.fetch(request, self._parse_efetch, cacheable=False)

    def search_all(self, term: str, limit: int) -> Iterator[Document]:
        """Up to ``limit`` records matching ``term``, fetched in batches via the history server."""
        found = self.esearch(term, 0, history=True)
        if found.webenv is None or found.query_key is None:
            raise malformed(self.service, "ESearch answer", "no WebEnv for usehistory=y")
        yield from self.fetch_history(
            History(found.webenv, found.query_key, min(found.count, limit))
        )

    def epost(self, pmids: Sequence[str]) -> History:
        """Store ``pmids`` on the history server (one POST, whatever the number of ids)."""
        params = {"db": "pubmed", "id": ",".join(pmids)}
        request = self._request("epost.fcgi", params)
        webenv, query_key = self.http.fetch(request, self._parse_epost, cacheable=False)
        return History(webenv, query_key, len(pmids))

    def esummary(self, pmids: Sequence[str]) -> list[Summary]:
        """Metadata (title, publication types, year ...) without abstracts: a cheaper answer."""
        ids = sorted(set(pmids), key=int)
        if not ids:
            return []
        params = {"db": "pubmed", "id": ",".join(ids)}
        return self.http.fetch(self._request("esummary.fcgi", params), self._parse_esummary)

    def similar(self, pmids: Sequence[str], limit: int, term: str | None = None) -> list[str]:
        """PMIDs of articles similar to ``pmids`` (ELink ``pubmed_pubmed``), best first."""
        if not pmids or limit <= 0:
            return []
        params = {
            "dbfrom": "pubmed",
            "db": "pubmed",
            "linkname": "pubmed_pubmed",
            "cmd": "neighbor_score",
            "id": ",".join(pmids),
            "term": term,
        }
        linked = self.http.fetch(self._request("elink.fcgi", params), self._parse_elink)
        given = set(pmids)
        return [pmid for pmid in linked if pmid not in given][:limit]

    def spell(self, text: str) -> str | None:
        """ESpell's correction of ``text``, or None when it has none."""
        params = {"db": "pubmed", "term": text}
        return self.http.fetch(self._request("espell.fcgi", params), self._parse_espell)

    # --- parsers (raise SourceError for anything unusable, so nothing bad is cached) ----------

    def _request(self, path: str, params: Mapping[str, str | int | None]) -> Request:
        """A POST: the API key travels in the body, never in a URL (see :class:`Request`)."""
        return Request(self.service, path, query_params(params), method="POST")

    def _parse_esearch(self, payload: Payload) -> SearchResult:
        root = self._root(payload, "eSearchResult", "ESearch answer")
        count = _int(root.findtext("Count"))
        if count is None:
            raise malformed(self.service, "ESearch answer", "no Count")
        return SearchResult(
            count=count,
            ids=tuple(_texts(root, "IdList/Id")),
            webenv=root.findtext("WebEnv"),
            query_key=root.findtext("QueryKey"),
            translation=root.findtext("QueryTranslation") or "",
            not_found=tuple(_texts(root, "ErrorList/PhraseNotFound")),
        )

    def _parse_efetch(self, payload: Payload) -> list[Document]:
        _refuse_html(self.service, payload)
        if xml_root(payload.body[:4096]) not in _ARTICLE_SETS:
            raise malformed(self.service, "EFetch answer", _head(payload.body))
        try:
            items = list(pubmed_xml.parse(io.BytesIO(payload.body), "PubMed EFetch answer"))
        except InputError as exc:
            raise malformed(self.service, "EFetch answer", str(exc)) from None
        fetched_at = timestamp(payload.fetched_at)
        return [
            item.model_copy(update={"fetched_at": fetched_at})
            for item in items
            if isinstance(item, Document)
        ]

    def _parse_esummary(self, payload: Payload) -> list[Summary]:
        root = self._root(payload, "eSummaryResult", "ESummary answer")
        return [_summary(doc_sum) for doc_sum in root.iterchildren("DocSum")]

    def _parse_elink(self, payload: Payload) -> list[str]:
        root = self._root(payload, "eLinkResult", "ELink answer")
        links: dict[str, float] = {}
        for link_set in root.iterfind("LinkSet/LinkSetDb"):
            if link_set.findtext("LinkName") in (None, "pubmed_pubmed"):
                for position, link in enumerate(link_set.iterfind("Link")):
                    pmid = (link.findtext("Id") or "").strip()
                    score = _int(link.findtext("Score"))
                    if pmid:
                        links.setdefault(pmid, float(score) if score is not None else -position)
        return sorted(links, key=lambda pmid: -links[pmid])

    def _parse_espell(self, payload: Payload) -> str | None:
        root = self._root(payload, "eSpellResult", "ESpell answer")
        corrected = " ".join((root.findtext("CorrectedQuery") or "").split())
        return corrected or None

    def _parse_epost(self, payload: Payload) -> tuple[str, str]:
        root = self._root(payload, "ePostResult", "EPost answer")
        webenv, query_key = root.findtext("WebEnv"), root.findtext("QueryKey")
        if not webenv or not query_key:
            raise malformed(self.service, "EPost answer", "no WebEnv/QueryKey")
        return webenv, query_key

    def _root(self, payload: Payload, tag: str, what: str) -> etree._Element:
        """The parsed root element, checked to be ``tag`` and free of ``<ERROR>`` messages."""
        _refuse_html(self.service, payload)
        try:
            root = parse_small_document(payload.body, f"PubMed {what}")
        except InputError as exc:
            raise malformed(self.service, what, str(exc)) from None
        if root.tag != tag:
            raise malformed(self.service, what, f"root element <{root.tag!s}>, not <{tag}>")
        errors = [e for e in _texts(root, "ERROR") if e]
        if errors:
            raise SourceResponseError(
                f"PubMed reported an error in its {what}: {'; '.join(errors)[:200]}; "
                f"try rephrasing the question, {LOCAL_HINT}"
            )
        return root


def _refuse_html(service: Service, payload: Payload) -> None:
    if payload.content_type == "text/html" or xml_root(payload.body[:4096]) == "html":
        raise SourceUnavailableError(
            f"{service.name} sent an HTML page instead of XML (an error page, or a network "
            f"login page?); check your network, {LOCAL_HINT}"
        )


def _summary(doc_sum: etree._Element) -> Summary:
    items = {item.get("Name"): item for item in doc_sum.iterchildren("Item")}
    pub_types = tuple(_texts(items["PubTypeList"], "Item")) if "PubTypeList" in items else ()
    languages = _texts(items["LangList"], "Item") if "LangList" in items else []
    ids = (
        {i.get("Name"): (i.text or "") for i in items["ArticleIds"]}
        if "ArticleIds" in items
        else {}
    )
    return Summary(
        pmid=(doc_sum.findtext("Id") or "").strip(),
        title=_item(items, "Title"),
        publication_types=pub_types,
        year=_int(_item(items, "PubDate")[:4]),
        journal=_item(items, "FullJournalName") or _item(items, "Source") or None,
        language=_LANGUAGES.get(languages[0].lower()) if languages else None,
        doi=ids.get("doi") or None,
    )


def _item(items: Mapping[str | None, etree._Element], name: str) -> str:
    element = items.get(name)
    return " ".join((element.text or "").split()) if element is not None else ""


def _texts(root: etree._Element, path: str) -> list[str]:
    return [" ".join((e.text or "").split()) for e in root.iterfind(path)]


def _int(text: str | None) -> int | None:
    text = (text or "").strip()
    return int(text) if text.isdigit() else None


def _head(body: bytes) -> str:
    return body[:80].decode("utf-8", "replace") or "empty body"
