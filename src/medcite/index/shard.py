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
   shard's average field length (``avgdl``), not the collection's;
3. the driver merges the shards' best ``k`` by score, and :meth:`Shard.details` makes snippets
   for the winners only, on the shard that holds each.

Routing by hash makes every shard a random sample of the collection, so the shards' average
field lengths differ from the collection's by well under 1% once shards hold thousands of
documents; ``benchmarks/shards.py`` measures what that leaves of the score difference.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class TermStats:
    """What BM25's IDF needs from (part of) a collection: its document count and the document
    frequency of each (field, token)."""

    docs: int
    freqs: Mapping[TermKey, int]

    def plus(self, other: TermStats) -> TermStats:
        keys = self.freqs.keys() | other.freqs.keys()
        freqs = {k: self.freqs.get(k, 0) + other.freqs.get(k, 0) for k in keys}
        return TermStats(self.docs + other.docs, freqs)

    def idf(self, key: TermKey) -> float:
        return bm25_idf(self.docs, self.freqs.get(key, 0))


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

    @property
    def words(self) -> list[list[str]]:
        return word_tokens(query_terms(self.text))


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
    return [(field, token) for field in fields for token in tokens]


class Shard(TantivyIndex):
    """One shard: an ordinary medcite index that also searches with the collection's IDF."""

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
            return TermStats(self._collection_docs(searcher), freqs)

    def _collection_docs(self, searcher: tantivy.Searcher) -> int:
        """N as tantivy's BM25 counts it: every document of every segment, deleted ones
        included (``meta.json``'s ``max_doc``); the searcher only tells the live ones."""
        try:
            meta = json.loads((self.path / "meta.json").read_text(encoding="utf-8"))
            return sum(int(s["max_doc"]) for s in meta.get("segments", []))
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

    def details(self, search: ShardSearch, ranked: Sequence[tuple[Hit, int]]) -> list[Hit]:
        """``ranked`` (hits of this shard with their final rank) with snippets and matched
        fields, as :meth:`TantivyIndex.search` makes them."""
        if not ranked:
            return []
        terms = query_terms(search.text)
        with reading(self.path):
            query = self._index.parse_query(" ".join(terms), default_field_names=search.names)
            searcher = self._index.searcher()
            snippets = tantivy.SnippetGenerator.create(searcher, query, self._schema, "abstract")
            snippets.set_max_num_chars(search.snippet_chars)
            maker = _HitMaker(snippets, _analyzer_terms(terms), search.snippet_chars)
            return [maker.make(hit.document, hit.score, rank) for hit, rank in ranked]

    def _scaled_query(self, search: ShardSearch, local: TermStats) -> tantivy.Query | None:
        clauses = [
            (tantivy.Occur.Should, self._word_query(tokens, search, local))
            for tokens in search.words
        ]
        if not clauses:
            return None
        query = tantivy.Query.boolean_query(clauses)
        if search.sources:
            query = self._restrict(query, search.sources)
        if search.boost_qtypes:
            query = self._boost_qtypes(query, search.boost_qtypes)
        return query

    def _word_query(
        self, tokens: list[str], search: ShardSearch, local: TermStats
    ) -> tantivy.Query:
        """One word over every field: boosted clauses, boosts scaled by global / shard IDF."""
        per_field = []
        for name in search.names:
            mine = sum(local.idf((name, t)) for t in tokens)
            wanted = sum(search.collection.idf((name, t)) for t in tokens)
            boost = (1.0 if search.plain else TEXT_FIELDS[name]) * (wanted / mine)
            clause = tantivy.Query.boost_query(self._clause(name, tokens), boost)
            per_field.append((tantivy.Occur.Should, clause))
        return tantivy.Query.boolean_query(per_field)

    def _clause(self, name: str, tokens: list[str]) -> tantivy.Query:
        if len(tokens) == 1:
            return tantivy.Query.term_query(self._schema, name, tokens[0], index_option="freq")
        phrase: list[str | tuple[int, str]] = list(tokens)
        return tantivy.Query.phrase_query(self._schema, name, phrase)


def _as_shard(index: TantivyIndex) -> Shard:
    if not isinstance(index, Shard):  # pragma: no cover - TantivyIndex builds ``cls``
        raise TypeError(f"expected a Shard, got {type(index).__name__}")
    return index
