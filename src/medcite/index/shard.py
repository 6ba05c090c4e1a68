"""One shard of a sharded index, searched with the whole collection's IDF.

BM25's IDF depends on the collection: a term rare in one shard and common in another would score
differently in each, and the merged order would not be the single index's. tantivy-py cannot be
handed global statistics, but it can be handed a boost per clause. So a sharded search is:

1. :meth:`Shard.term_stats` on every shard: the document count N (as tantivy counts it, deleted
   documents included until a merge drops them) and the document frequency of each (field,
   token) the query looks up — term-dictionary lookups, no scoring;
2. :meth:`Shard.top` on every shard: the query tantivy's parser would build (a disjunction of
   words, each a disjunction of boosted per-field clauses; a word of several tokens is a phrase)
   with each clause's boost multiplied by ``global IDF / shard IDF``; every clause then scores
   ``boost × global IDF × tf-norm``, the single index's score, except that tf-norm uses the
   shard's average field length (``avgdl``), not the collection's. That part is corrected to
   first order: each clause's boost is also multiplied by the ratio of the collection's to the
   shard's tf-norm for a typical match (one occurrence in a field of average length), so the
   score is exact for such a document and off only by the second-order term for others;
3. the driver merges the shards' best ``k`` by score, and :meth:`Shard.details` makes snippets
   for the winners only.

tantivy-py does not expose a field's average length, but an explanation of a match states it:
each shard reads it once per commit (:meth:`Shard.field_lengths`). Routing by hash makes every
shard a random sample of the collection, so short fields present in few documents (keywords,
focus) are where shards differ most (±3% on 17k-document shards, title and abstract < 1%);
``benchmarks/shards.py`` measures the score difference and top-10 agreement that remain.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import tantivy

from medcite.index.integrity import reading
from medcite.index.tantivy_index import (
    TEXT_FIELDS,
    TantivyIndex,
    _analyzer_terms,
    _HitMaker,
)
from medcite.records import Document, Hit
from medcite.text import STEMMER, query_terms

TermKey = tuple[str, str]
"""(field name, analysed token): what one clause of a search looks up."""
K1 = 1.2
B = 0.75
"""tantivy's BM25 parameters."""
PROBE_PREFIXES = "etaoinsrchldpmugfbywvkxjqz0123456789"
"""First letters tried to find one term of a field (to read the field's average length)."""


@dataclass(frozen=True)
class TermStats:
    """What BM25 needs from (part of) a collection: its document count, the document frequency
    of each (field, token) and each field's token count (average length × documents)."""

    docs: int
    freqs: Mapping[TermKey, int]
    tokens: Mapping[str, float] = field(default_factory=dict)

    def plus(self, other: TermStats) -> TermStats:
        keys = self.freqs.keys() | other.freqs.keys()
        freqs = {k: self.freqs.get(k, 0) + other.freqs.get(k, 0) for k in keys}
        names = self.tokens.keys() & other.tokens.keys()
        tokens = {n: self.tokens[n] + other.tokens[n] for n in names}
        if not self.docs or not other.docs:  # the empty start of a sum
            tokens = dict(self.tokens if self.docs else other.tokens)
        return TermStats(self.docs + other.docs, freqs, tokens)

    def idf(self, key: TermKey) -> float:
        return bm25_idf(self.docs, self.freqs.get(key, 0))

    def avgdl(self, name: str) -> float | None:
        tokens = self.tokens.get(name)
        return tokens / self.docs if tokens and self.docs else None


def length_correction(collection: float | None, shard: float | None) -> float:
    """How much the collection's tf-norm exceeds the shard's for one occurrence in a field of
    the collection's average length: ``(1 + k1·(1 − b + b·A/a)) / (1 + k1)`` for collection
    average A and shard average a (1 when either is unknown)."""
    if not collection or not shard:
        return 1.0
    return (1 + K1 * (1 - B + B * collection / shard)) / (1 + K1)


def bm25_idf(docs: int, freq: int) -> float:
    """tantivy's BM25 IDF: ``ln(1 + (N - n + 0.5) / (n + 0.5))``."""
    return math.log(1.0 + (docs - freq + 0.5) / (freq + 0.5))


@dataclass(frozen=True)
class ShardSearch:
    """One search, as every shard runs it (the arguments of ``TantivyIndex.search``) and the
    whole collection's term statistics."""

    text: str
    k: int
    collection: TermStats
    sources: tuple[str, ...] = ()
    boost_qtypes: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    plain: bool = False
    snippet_chars: int = 240

    @property
    def names(self) -> list[str]:
        return list(self.fields) if self.fields else list(TEXT_FIELDS)

    @cached_property
    def words(self) -> list[list[str]]:
        return word_tokens(query_terms(self.text))

    @cached_property
    def collection_idf(self) -> dict[TermKey, float]:
        """The collection's IDF of every (field, token) this search looks up."""
        tokens = dict.fromkeys(t for word in self.words for t in word)
        return {(n, t): self.collection.idf((n, t)) for n in self.names for t in tokens}


@dataclass(frozen=True)
class ShardHit:
    """A shard's hit before the merge: its score, id and stored record (not yet parsed)."""

    score: float
    doc_id: str
    stored: bytes

    def document(self) -> Document:
        return Document.model_validate_json(self.stored)


def word_tokens(terms: Sequence[str]) -> list[list[str]]:
    """The analysed tokens of each query word, as tantivy's query parser analyses them (a word
    of several tokens, e.g. ``a_b``, is a phrase); words without tokens are left out."""
    return [tokens for tokens in (STEMMER.analyze(w) for w in terms) if tokens]


def term_keys(text: str, fields: Sequence[str]) -> list[TermKey]:
    """Every (field, token) a search for ``text`` over ``fields`` looks up."""
    tokens = dict.fromkeys(t for word in word_tokens(query_terms(text)) for t in word)
    return [(name, token) for name in fields for token in tokens]


class Shard(TantivyIndex):
    """One shard: an ordinary medcite index that also searches with the collection's IDF."""

    _lengths: tuple[int, dict[str, float]] | None = None
    """(document count, average length by field) when last read (see ``field_lengths``)."""
    _docs: tuple[tuple[int, int], int] | None = None
    """(``meta.json``'s modification time and size, document count) when last read."""

    @classmethod
    def open(cls, path: Path) -> Shard:
        return _as_shard(super().open(path))

    @classmethod
    def create_or_open(cls, path: Path) -> Shard:
        return _as_shard(super().create_or_open(path))

    def term_stats(self, keys: Sequence[TermKey]) -> TermStats:
        """This shard's document count and the document frequency of each of ``keys``."""
        with reading(self.path):
            searcher = self._index.searcher()
            freqs = {key: int(searcher.doc_freq(key[0], key[1])) for key in keys}
            docs = self._collection_docs(searcher)
            lengths = self.field_lengths(searcher, docs)
            return TermStats(docs, freqs, {n: a * docs for n, a in lengths.items()})

    def field_lengths(self, searcher: tantivy.Searcher, docs: int) -> dict[str, float]:
        """The average length of each text field, as BM25 uses it: read from the explanation
        of one match per field, once per document count (i.e. per commit)."""
        if self._lengths is None or self._lengths[0] != docs:
            found = {n: a for n in TEXT_FIELDS if (a := self._average_length(searcher, n))}
            self._lengths = (docs, found)
        return self._lengths[1]

    def _average_length(self, searcher: tantivy.Searcher, name: str) -> float | None:
        for prefix in PROBE_PREFIXES:
            terms = searcher.terms_with_prefix(name, prefix, limit=1)
            if terms:
                query = tantivy.Query.term_query(self._schema, name, terms[0][0], "freq")
                hits = searcher.search(query, 1, count=False).hits
                if not hits:
                    return None
                return _explained_avgdl(json.loads(query.explain(searcher, hits[0][1]).to_json()))
        return None

    def _collection_docs(self, searcher: tantivy.Searcher) -> int:
        """N as tantivy's BM25 counts it: every document of every segment, deleted ones
        included (``meta.json``'s ``max_doc``; read again when the file changes); the searcher
        only tells the live ones."""
        meta = self.path / "meta.json"
        try:
            found = meta.stat()
            stamp = (found.st_mtime_ns, found.st_size)
            if self._docs is None or self._docs[0] != stamp:
                body = json.loads(meta.read_text(encoding="utf-8"))
                self._docs = (stamp, sum(int(s["max_doc"]) for s in body.get("segments", [])))
            return self._docs[1]
        except (OSError, ValueError, KeyError, TypeError):
            return int(searcher.num_docs)

    def top(self, search: ShardSearch, local: TermStats) -> list[ShardHit]:
        """This shard's best ``search.k``, scored with the collection's IDF (``local``: this
        shard's own statistics, from :meth:`term_stats`)."""
        with reading(self.path):
            query = self._scaled_query(search, local)
            if query is None:
                return []
            searcher = self._index.searcher()
            hits = []
            for score, address in searcher.search(query, search.k, count=False).hits:
                stored = searcher.doc(address)
                hits.append(ShardHit(float(score), str(stored["id"][0]), bytes(stored["doc"][0])))
            return hits

    def details(self, search: ShardSearch, hits: Sequence[Hit]) -> list[Hit]:
        """``hits`` (of any shard) with snippets and matched fields, as
        :meth:`TantivyIndex.search` makes them; the fragment a snippet shows is chosen with this
        shard's term weights."""
        if not hits:
            return []
        terms = query_terms(search.text)
        with reading(self.path):
            query = self._index.parse_query(" ".join(terms), default_field_names=search.names)
            searcher = self._index.searcher()
            snippets = tantivy.SnippetGenerator.create(searcher, query, self._schema, "abstract")
            snippets.set_max_num_chars(search.snippet_chars)
            maker = _HitMaker(snippets, _analyzer_terms(terms), search.snippet_chars)
            return [maker.make(hit.document, hit.score, hit.rank) for hit in hits]

    def _scaled_query(self, search: ShardSearch, local: TermStats) -> tantivy.Query | None:
        field_boosts = {
            name: (1.0 if search.plain else TEXT_FIELDS[name])
            * length_correction(search.collection.avgdl(name), local.avgdl(name))
            for name in search.names
        }
        mine = {key: local.idf(key) for key in search.collection_idf}
        words = (self._word_query(t, search, field_boosts, local, mine) for t in search.words)
        clauses = [(tantivy.Occur.Should, word) for word in words if word is not None]
        if not clauses:
            return None
        query = tantivy.Query.boolean_query(clauses)
        if search.sources:
            query = self._restrict(query, search.sources)
        if search.boost_qtypes:
            query = self._boost_qtypes(query, search.boost_qtypes)
        return query

    def _word_query(
        self,
        tokens: list[str],
        search: ShardSearch,
        field_boosts: Mapping[str, float],
        local: TermStats,
        mine: Mapping[TermKey, float],
    ) -> tantivy.Query | None:
        """One word over every field: boosted clauses, boosts scaled by global / shard IDF."""
        wanted = search.collection_idf
        per_field = []
        for name, field_boost in field_boosts.items():
            if not all(local.freqs.get((name, t)) for t in tokens):
                continue  # no document of this shard has it there: the clause would match none
            ratio = sum(wanted[name, t] for t in tokens) / sum(mine[name, t] for t in tokens)
            clause = tantivy.Query.boost_query(self._clause(name, tokens), field_boost * ratio)
            per_field.append((tantivy.Occur.Should, clause))
        return tantivy.Query.boolean_query(per_field) if per_field else None

    def _clause(self, name: str, tokens: list[str]) -> tantivy.Query:
        if len(tokens) == 1:
            return tantivy.Query.term_query(self._schema, name, tokens[0], index_option="freq")
        phrase: list[str | tuple[int, str]] = list(tokens)
        return tantivy.Query.phrase_query(self._schema, name, phrase)


def _explained_avgdl(node: dict[str, object]) -> float | None:
    """The ``avgdl`` value in a BM25 explanation (tantivy's JSON), or None."""
    if str(node.get("description", "")).startswith("avgdl"):
        value = node.get("value")
        return float(value) if isinstance(value, int | float) else None
    details = node.get("details")
    for child in details if isinstance(details, list) else []:
        found = _explained_avgdl(child) if isinstance(child, dict) else None
        if found is not None:
            return found
    return None


def _as_shard(index: TantivyIndex) -> Shard:
    if not isinstance(index, Shard):  # pragma: no cover - TantivyIndex builds ``cls``
        raise TypeError(f"expected a Shard, got {type(index).__name__}")
    return index
