"""openFDA drug labels as a live retriever: the labels of the drugs a question names.

For each drug concept of the question (``QueryConcept.drug``) one request::

    GET https://api.fda.gov/drug/label.json
        ?search=openfda.generic_name:"montelukast" openfda.brand_name:"montelukast" ...
        &sort=effective_time:desc&limit=3

(a space is OR in openFDA's query syntax; every name the question used for the drug is searched
as generic and as brand name). Each label becomes one document per clinical section, exactly
as the bulk files are ingested (:mod:`medcite.ingest.openfda`). A question naming no drug makes
no request. openFDA answers 404 when nothing matches: that is an empty result, not a failure.

Rate limits (https://open.fda.gov/apis/authentication/): 240 requests a minute and 1,000 a day
per IP address without a key; with a key (``OPENFDA_API_KEY``) 240 a minute and 120,000 a day
per key. The key is sent as the user name of HTTP Basic authentication (openFDA's documented
alternative to the ``api_key`` parameter), so it never appears in a URL, log, cache key or
error message.
"""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from medcite.ingest.openfda import label_documents
from medcite.records import Document, Hit, Query, QueryConcept, SkippedRecord
from medcite.sources.base import Retrieval, fuse, make_hits, parallel, timestamp, top
from medcite.sources.cache import Payload
from medcite.sources.http import (
    LOCAL_HINT,
    HttpClient,
    Request,
    Service,
    SourceResponseError,
    malformed,
    query_params,
)
from medcite.sources.settings import OpenFdaSettings

log = logging.getLogger(__name__)

API_KEY_ENV = "OPENFDA_API_KEY"
LABEL_PATH = "drug/label.json"
NOT_FOUND = 404
_UNSAFE = str.maketrans({'"': " ", "\\": " ", ":": " "})


def openfda_api_key(env: Mapping[str, str]) -> str | None:
    """The openFDA API key from the environment (``OPENFDA_API_KEY``), if set."""
    key = env.get(API_KEY_ENV, "").strip()
    return key or None


def openfda_service(settings: OpenFdaSettings) -> Service:
    return Service(
        name="openFDA",
        base_url=settings.base_url,
        requests_per_s=settings.requests_per_s,
        rate_window_s=60.0,  # openFDA's limit is per minute: bursts are fine within it
        rate_limit_hint=(
            f"wait a minute and retry, or set {API_KEY_ENV} (1,000 requests a day without a "
            f"key, 120,000 with one), {LOCAL_HINT}"
        ),
        client_error_hint=f"check {API_KEY_ENV} (unset it to search without a key), {LOCAL_HINT}",
    )


def search_expression(concept: QueryConcept) -> str:
    """openFDA search for every name of ``concept``, as generic and as brand name."""
    names = dict.fromkeys(" ".join(n.translate(_UNSAFE).split()) for n in concept.names)
    return " ".join(
        f'openfda.{field}:"{name}"'
        for name in names
        if name
        for field in ("generic_name", "brand_name")
    )


class OpenFdaRetriever:
    """openFDA ``/drug/label.json`` as a :class:`~medcite.sources.base.Retriever`."""

    name = "openfda"

    def __init__(
        self,
        http: HttpClient,
        settings: OpenFdaSettings,
        api_key: str | None = None,
        snippet_chars: int = 240,
    ) -> None:
        self.http = http
        self.settings = settings
        self.service = openfda_service(settings)
        self._headers = _basic_auth(api_key)
        self._snippet_chars = snippet_chars

    def applies(self, query: Query) -> bool:
        """True when the question names a drug (otherwise there is nothing to search for)."""
        return bool(_drugs(query))

    def search(self, query: Query, k: int) -> list[Hit]:
        return self.retrieve(query, k).hits

    def retrieve(self, query: Query, k: int) -> Retrieval:
        """Section documents of the named drugs' newest labels, each drug's in label order."""
        searches = [s for c in _drugs(query) if (s := search_expression(c))]
        results = parallel([self._call(s) for s in searches])
        documents = {doc.id: doc for found in results for doc in found}
        ranked = top(fuse([doc.id for doc in found] for found in results), k)
        pairs = [(documents[doc_id], score) for doc_id, score in ranked]
        described = tuple(f"openFDA drug labels: {s}" for s in searches)
        return Retrieval(make_hits(pairs, self._snippet_chars), described)

    def labels(self, search: str) -> list[Document]:
        """Section documents of the labels matching an openFDA ``search``; [] when none does."""
        params: dict[str, str | int | None] = {
            "search": search,
            "sort": "effective_time:desc",
            "limit": self.settings.labels_per_drug,
        }
        request = Request(self.service, LABEL_PATH, query_params(params), headers=self._headers)
        try:
            return self.http.fetch(request, self._parse)
        except SourceResponseError as exc:
            if exc.status == NOT_FOUND:
                log.debug("openFDA: no label matches %s", search)
                return []
            raise

    def _call(self, search: str) -> Callable[[], list[Document]]:
        return lambda: self.labels(search)

    def _parse(self, payload: Payload) -> list[Document]:
        results = _results(self.service, payload)
        fetched_at = timestamp(payload.fetched_at)
        return [d.model_copy(update={"fetched_at": fetched_at}) for d in _documents(results)]


def _drugs(query: Query) -> list[QueryConcept]:
    """The drug concepts the question names (topics first), each once."""
    drugs: dict[str, QueryConcept] = {}
    for concept in (*query.topics, *query.concepts):
        if concept.drug:
            drugs.setdefault(concept.name.lower(), concept)
    return list(drugs.values())


def _basic_auth(api_key: str | None) -> tuple[tuple[str, str], ...]:
    if not api_key:
        return ()
    token = base64.b64encode(f"{api_key}:".encode()).decode("ascii")
    return (("Authorization", f"Basic {token}"),)


def _results(service: Service, payload: Payload) -> list[Any]:
    try:
        data = json.loads(payload.body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise malformed(service, "label answer", f"not JSON: {exc}") from None
    results = data.get("results") if isinstance(data, dict) else None
    if not isinstance(results, list):
        raise malformed(service, "label answer", "no results list")
    return results


def _documents(results: Sequence[Any]) -> Iterator[Document]:
    for number, label in enumerate(results, start=1):
        for item in label_documents(label, f"openFDA result {number}"):
            if isinstance(item, Document):
                yield item
            elif isinstance(item, SkippedRecord):
                log.debug("openFDA %s skipped: %s", item.where, item.reason)
