"""The local evidence index: tantivy (BM25) on disk, embedded in the process.

Layout of an index directory::

    medcite-index.json    schema version + the settings the index was built with
    meta.json, *.idx ...  tantivy's own files

Each document is stored once as its JSON (``doc`` field) and indexed in weighted text fields;
``id`` is an untokenised term so an upsert is "delete by id, add" inside one commit.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tantivy

from medcite.errors import (
    IndexCorruptError,
    IndexError_,
    IndexMissingError,
    IndexVersionError,
    IndexWriteError,
    InputError,
)
from medcite.index.integrity import (
    REBUILD,
    corruption_message,
    damaged_files,
    file_problem,
    is_panic,
    reading,
    segment_files,
    short,
    write_message,
    writing,
)
from medcite.index.readonly import ReadOnlyView, read_only_view
from medcite.records import Document, Hit, IndexStats
from medcite.text import ANALYZER_NAME, STEMMER, query_terms, text_analyzer

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
"""2: text fields fold accents ("Sjögren" finds "Sjogren"); 1 had tantivy's en_stem."""
META_FILE = "medcite-index.json"
TEXT_FIELDS: dict[str, float] = {
    "title": 2.0,
    "abstract": 1.0,
    "mesh": 1.5,
    "keywords": 1.5,
    "focus": 3.0,
}
"""Searchable text fields and their BM25 boosts (focus = MedQuAD topic and its synonyms)."""

QTYPE_BOOST = 4.0
"""Added to the BM25 score of a guideline page whose question type answers what is asked."""


def build_schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw", fast=True)
    for name in TEXT_FIELDS:
        builder.add_text_field(name, tokenizer_name=ANALYZER_NAME)
    builder.add_text_field("source", tokenizer_name="raw", fast=True)
    builder.add_text_field("pub_type", tokenizer_name="raw", fast=True)
    builder.add_text_field("qtype", tokenizer_name="raw", fast=True)
    builder.add_integer_field("year", indexed=True, fast=True)
    builder.add_bytes_field("doc", stored=True, indexed=False)
    return builder.build()


def to_tantivy(doc: Document) -> tantivy.Document:
    """The index representation of ``doc``: weighted text fields + the stored JSON record."""
    return tantivy.Document(**index_fields(doc))


def index_fields(doc: Document) -> dict[str, Any]:
    """The fields of ``doc`` in the index, as plain values (parallel ingest workers send them
    to the shard writers with ``marshal``)."""
    fields: dict[str, Any] = {
        "id": doc.id,
        "title": doc.title,
        "abstract": doc.abstract,
        "mesh": list(doc.mesh_terms),
        "keywords": list(doc.keywords),
        "focus": [doc.focus, *doc.synonyms] if doc.focus else list(doc.synonyms),
        "source": doc.source.value,
        "pub_type": list(doc.publication_types),
        "doc": doc.model_dump_json(exclude={"abstract"}, exclude_defaults=True).encode(),
    }
    if doc.question_type:
        fields["qtype"] = doc.question_type
    if doc.year is not None:
        fields["year"] = doc.year
    return fields


def _read_meta(path: Path) -> dict[str, Any]:
    meta_path = path / META_FILE
    if not meta_path.exists():
        if (path / "meta.json").exists():
            raise IndexVersionError(
                f"{path} is a tantivy index without medcite metadata ({META_FILE}; built by an "
                f"older medcite?); {REBUILD}"
            )
        raise IndexMissingError(
            f"no medcite index at {path}; create one with `medcite ingest FILE... --index {path}`"
        )
    try:
        meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorruptError(f"{meta_path} is unreadable ({short(exc)}); {REBUILD}") from exc
    if not isinstance(meta, dict):
        raise IndexCorruptError(f"{meta_path} is damaged (not a JSON object); {REBUILD}")
    return meta


def _check_version(path: Path, meta: dict[str, Any]) -> None:
    found = meta.get("schema_version")
    if found != SCHEMA_VERSION:
        raise IndexVersionError(
            f"index at {path} has schema version {found}, this medcite needs {SCHEMA_VERSION}; "
            f"re-ingest into a new directory with `medcite ingest FILE... --index NEW_DIR`"
        )


def _unopenable(path: Path, exc: BaseException) -> str:
    """Why an index directory could not be opened, without advice that loses data: a damaged
    file is named when one fails its checksum, and a read-only folder is not called damaged."""
    if not os.access(path, os.W_OK) and not damaged_files(path):
        return (
            f"index at {path} is read-only and could not be opened for reading ({short(exc)}): "
            "copy it to a writable directory and use the copy (its files pass their checksums)"
        )
    return corruption_message(path, short(exc))


def _write_meta(path: Path) -> None:
    """Write medcite's metadata file atomically (a killed run leaves the old file or the new)."""
    meta = {"schema_version": SCHEMA_VERSION, "format": "tantivy", "fields": TEXT_FIELDS}
    partial = path / f"{META_FILE}.partial"
    partial.write_text(json.dumps(meta, indent=2), encoding="utf-8")
    partial.replace(path / META_FILE)


class TantivyIndex:
    """An open medcite index directory. Cheap to search from many threads; one writer at a time."""

    def __init__(self, path: Path, index: tantivy.Index, view: ReadOnlyView | None = None) -> None:
        self.path = path
        index.register_tokenizer(ANALYZER_NAME, text_analyzer())  # not stored in the index
        self._index = index
        self._schema = index.schema
        self._view = view
        """Set when the folder is read-only: tantivy reads it through links (see readonly.py)."""
        self._fast_checked: set[str] = set()

    @property
    def read_only(self) -> bool:
        return self._view is not None

    @classmethod
    def open(cls, path: Path) -> TantivyIndex:
        """Open an existing index; raise a clear error if it is missing or of another version."""
        path = Path(path)
        _check_version(path, _read_meta(path))
        try:
            if os.access(path, os.W_OK):
                return cls(path, tantivy.Index.open(str(path)))
            view = read_only_view(path)
            return cls(path, tantivy.Index.open(str(view.path)), view)
        except ValueError as exc:
            raise IndexCorruptError(_unopenable(path, exc)) from exc
        except BaseException as exc:
            if not is_panic(exc):
                raise
            raise IndexCorruptError(_unopenable(path, exc)) from None

    @classmethod
    def create_or_open(cls, path: Path) -> TantivyIndex:
        """Open the index at ``path``, creating an empty one if the directory has none.

        medcite's metadata is written before tantivy's ``meta.json``: a run killed in between
        leaves a directory that the next run completes (and never one that looks foreign)."""
        path = Path(path)
        if (path / "meta.json").exists():
            return cls.open(path)
        if path.exists() and not path.is_dir():
            raise InputError(f"{path} exists and is not a directory; choose another --index")
        with writing(path):
            if (path / META_FILE).exists():
                _check_version(path, _read_meta(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                _write_meta(path)
            return cls(path, tantivy.Index(build_schema(), path=str(path)))

    def writer(self, heap_mb: int, threads: int) -> IndexWriter:
        if self._view is not None:
            raise IndexWriteError(
                f"index at {self.path} is read-only (it can be searched, not written): make the "
                "folder writable, or ingest into a new folder with `--index NEW_DIR`"
            )
        try:
            writer = self._index.writer(heap_mb * 1024 * 1024, threads)
        except ValueError as exc:
            if not os.access(self.path, os.W_OK):
                raise IndexWriteError(write_message(self.path, short(exc))) from exc
            raise IndexError_(
                f"cannot write to index at {self.path}: another medcite process is writing it "
                f"({exc}); wait for it to finish"
            ) from exc
        return IndexWriter(self, writer)

    def reload(self) -> None:
        with reading(self.path):
            if self._view is not None:
                self._view.refresh()
            self._index.reload()

    def num_docs(self) -> int:
        with reading(self.path):
            return int(self._index.searcher().num_docs)

    def get(self, doc_id: str) -> Document | None:
        """The stored document with this id, or None."""
        stored = self.stored_record(doc_id)
        return None if stored is None else Document.model_validate_json(stored)

    def stored_record(self, doc_id: str) -> bytes | None:
        """The stored record bytes of the document with this id (as :func:`index_fields` writes
        them), or None: what ingest compares to skip a record it already holds unchanged."""
        with reading(self.path):
            searcher = self._index.searcher()
            query = tantivy.Query.term_query(self._schema, "id", doc_id)
            result = searcher.search(query, 1)
            if not result.hits:
                return None
            stored: bytes = searcher.doc(result.hits[0][1])["doc"][0]
            return stored

    def get_many(self, doc_ids: list[str]) -> dict[str, Document]:
        """The stored documents with these ids (one search for all; missing ids are left out)."""
        if not doc_ids:
            return {}
        with reading(self.path):
            searcher = self._index.searcher()
            query = tantivy.Query.term_set_query(self._schema, "id", doc_ids)
            result = searcher.search(query, len(doc_ids))
            docs = [_stored_document(searcher.doc(address)) for _score, address in result.hits]
        return {doc.id: doc for doc in docs}

    def all_ids(self) -> list[str]:
        """Every document id (for tests and maintenance; not on any hot path)."""
        return sorted(doc_id for doc_id, _stored in self.stored_records())

    def stored_records(self) -> Iterator[tuple[str, bytes]]:
        """(id, stored record bytes) of every document, in index order: what is kept of each
        document, for comparing two indexes (maintenance and benchmarks; not on any hot path)."""
        with reading(self.path):
            searcher = self._index.searcher()
            n = max(1, int(searcher.num_docs))
            result = searcher.search(tantivy.Query.all_query(), n)
            for _score, address in result.hits:
                stored = searcher.doc(address)
                yield str(stored["id"][0]), bytes(stored["doc"][0])

    def verify(self) -> None:
        """Check every file of the index against its checksum; raise :class:`IndexCorruptError`
        naming the first damaged file. Reads the whole index (about 1 GB/s)."""
        damaged = damaged_files(self.path)
        if damaged:
            raise IndexCorruptError(corruption_message(self.path, "checksum"))

    def search(
        self,
        text: str,
        k: int,
        snippet_chars: int = 240,
        *,
        sources: tuple[str, ...] = (),
        boost_qtypes: tuple[str, ...] = (),
        details: bool = True,
        fields: tuple[str, ...] = (),
        plain: bool = False,
    ) -> list[Hit]:
        """BM25 over the weighted text fields for the content words of ``text``.

        ``sources`` restricts hits to documents of those sources (e.g. ``("medquad",)``);
        documents whose question type is in ``boost_qtypes`` get QTYPE_BOOST added to the score;
        ``fields`` searches only those text fields (default: all, with their boosts);
        ``plain`` weighs every field 1.0 (plain BM25 over the fields, no boosts).
        ``details=False`` skips snippets and matched fields (the answer pipeline reads whole
        documents and needs neither).
        """
        terms = query_terms(text)
        if not terms:
            return []
        with reading(self.path):
            names = list(fields) if fields else list(TEXT_FIELDS)
            query = self._index.parse_query(
                " ".join(terms),
                default_field_names=names,
                field_boosts={f: 1.0 if plain else TEXT_FIELDS[f] for f in names},
            )
            if sources:
                query = self._restrict(query, sources)
            if boost_qtypes:
                query = self._boost_qtypes(query, boost_qtypes)
            searcher = self._index.searcher()
            result = searcher.search(query, k)
            documents = [
                (_stored_document(searcher.doc(address)), float(score))
                for score, address in result.hits
            ]
            # equal scores in document-id order (numbers read as numbers: a page's answer 2
            # before its answer 10), not in the order of the index's segments, which an
            # idempotent re-ingest changes
            documents.sort(key=lambda pair: (-pair[1], natural_key(pair[0].id)))
            if not details:
                return [
                    Hit(document=doc, score=score, rank=rank)
                    for rank, (doc, score) in enumerate(documents, start=1)
                ]
            snippets = tantivy.SnippetGenerator.create(searcher, query, self._schema, "abstract")
            snippets.set_max_num_chars(snippet_chars)
            maker = _HitMaker(snippets, _analyzer_terms(terms), snippet_chars)
            return [
                maker.make(doc, score, rank) for rank, (doc, score) in enumerate(documents, start=1)
            ]

    def _restrict(self, query: tantivy.Query, sources: tuple[str, ...]) -> tantivy.Query:
        allowed = tantivy.Query.term_set_query(self._schema, "source", list(sources))
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, query), (tantivy.Occur.Must, allowed)]
        )

    def _boost_qtypes(self, query: tantivy.Query, qtypes: tuple[str, ...]) -> tantivy.Query:
        typed = tantivy.Query.term_set_query(self._schema, "qtype", list(qtypes))
        boosted = tantivy.Query.const_score_query(typed, QTYPE_BOOST)
        return tantivy.Query.boolean_query(
            [(tantivy.Occur.Must, query), (tantivy.Occur.Should, boosted)]
        )

    def documents(self, source: str) -> Iterator[Document]:
        """Every stored document of one source (maintenance, e.g. building the vocabulary)."""
        with reading(self.path):
            searcher = self._index.searcher()
            query = tantivy.Query.term_query(self._schema, "source", source)
            result = searcher.search(query, max(1, int(searcher.num_docs)))
            for _score, address in result.hits:
                yield _stored_document(searcher.doc(address))

    def stats(self) -> IndexStats:
        with reading(self.path):
            self._check_fast_files()
            return self._stats()

    def _check_fast_files(self) -> None:
        """Aggregations panic on a damaged fast-field file. Those files are small, so each is
        checked against its checksum (once per process) before aggregating: the error then
        names the file, and no panic message is printed."""
        for file in segment_files(self.path):
            if file.suffix != ".fast" or file.name in self._fast_checked:
                continue
            if file_problem(file) is not None:
                raise IndexCorruptError(corruption_message(self.path, "checksum"))
            self._fast_checked.add(file.name)

    def _stats(self) -> IndexStats:
        searcher = self._index.searcher()
        agg = {
            "source": {"terms": {"field": "source", "size": 100}},
            "pub_type": {"terms": {"field": "pub_type", "size": 1000}},
            "year": {"terms": {"field": "year", "size": 1000}},
        }
        result = searcher.aggregate(tantivy.Query.all_query(), agg)
        return IndexStats(
            path=str(self.path),
            schema_version=SCHEMA_VERSION,
            documents=int(searcher.num_docs),
            size_bytes=sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file()),
            by_source=_buckets(result, "source"),
            by_publication_type=_buckets(result, "pub_type"),
            by_year=_buckets(result, "year"),
        )


def _buckets(result: dict[str, Any], name: str) -> dict[str, int]:
    buckets = result.get(name, {}).get("buckets", [])
    return {str(_bucket_key(b["key"])): int(b["doc_count"]) for b in buckets}


def _bucket_key(key: Any) -> Any:
    return int(key) if isinstance(key, float) and key.is_integer() else key


def _stored_document(stored: tantivy.Document) -> Document:
    return Document.model_validate_json(stored["doc"][0])


def _analyzer_terms(words: Iterable[str]) -> frozenset[str]:
    return frozenset(t for w in words for t in STEMMER.analyze(w))


def _matched_fields(doc: Document, stems: frozenset[str]) -> tuple[str, ...]:
    texts = {
        "title": [doc.title],
        "abstract": [doc.abstract],
        "mesh": list(doc.mesh_terms),
        "keywords": list(doc.keywords),
        "focus": [doc.focus or "", *doc.synonyms],
    }
    return tuple(
        name
        for name, values in texts.items()
        if any(stems.intersection(STEMMER.analyze(v)) for v in values if v)
    )


@dataclass(frozen=True)
class _HitMaker:
    """Turns a stored document into a :class:`Hit` with snippet and matched fields."""

    generator: tantivy.SnippetGenerator
    stems: frozenset[str]
    snippet_chars: int

    def make(self, doc: Document, score: float, rank: int) -> Hit:
        snippet = self.generator.snippet_from_doc(tantivy.Document(abstract=doc.abstract))
        fragment = snippet.fragment()
        if fragment:
            ranges = tuple((r.start, r.end) for r in snippet.highlighted())
        else:
            fragment, ranges = doc.abstract[: self.snippet_chars], ()
        return Hit(
            document=doc,
            score=score,
            rank=rank,
            matched_fields=_matched_fields(doc, self.stems),
            snippet=fragment,
            highlights=ranges,
        )


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A sort key reading runs of digits as numbers ("q-2" before "q-10")."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part
    )


class IndexWriter:
    """Upserts and deletes by stable id; nothing is visible to searchers until :meth:`commit`.

    An upsert of a record the index already holds unchanged writes nothing: re-ingesting the
    same files leaves the index as it was, where a delete + add of every record left deleted
    copies counted in the BM25 statistics until tantivy merged them away (and tantivy-py has
    no merge call), so an idempotent re-run still moved scores and tied answers."""

    def __init__(self, index: TantivyIndex, writer: tantivy.IndexWriter) -> None:
        self._index = index
        self._writer = writer
        self.pending = 0
        self._touched: set[str] = set()
        """Ids written or deleted since the last commit: the committed copy searchers see is no
        longer what the index will hold, so such a record is never skipped."""
        self._held = index.num_docs() > 0
        """False for an index empty when the writer opened: it holds nothing this writer did not
        write, so nothing is looked up (writing a record again is always safe)."""

    def upsert(self, doc: Document) -> bool:
        """Add or replace ``doc``; False (and nothing written) when the committed index holds
        the same record."""
        return self.write_fields(doc.id, index_fields(doc))

    def delete(self, doc_id: str) -> None:
        """Delete the record with this id; nothing is written when the index never held it."""
        self.write_fields(doc_id, None)

    def write_fields(self, doc_id: str, fields: dict[str, Any] | None) -> bool:
        """Replace the record ``doc_id`` by one with these index fields (:func:`index_fields`),
        or delete it (``fields`` None); False, and nothing written, when the committed index
        holds that already (:meth:`holds`)."""
        if self.holds(doc_id, None if fields is None else fields["doc"]):
            return False
        with writing(self._index.path):
            self._writer.delete_documents_by_term("id", doc_id)
            if fields is not None:
                self._writer.add_document(tantivy.Document(**fields))
        self._touched.add(doc_id)
        self.pending += 1
        return True

    def holds(self, doc_id: str, stored: bytes | None) -> bool:
        """True when the committed index holds ``stored`` (the record's stored bytes, or None:
        no record) under ``doc_id`` and nothing was written to that id since."""
        if not self._held:
            return False  # all it holds, this writer wrote: writing again is always safe
        return doc_id not in self._touched and self._index.stored_record(doc_id) == stored

    def commit(self) -> None:
        with writing(self._index.path):
            self._writer.commit()
        self._index.reload()  # what was just written is what later upserts compare with
        self._touched.clear()
        self.pending = 0

    def rollback(self) -> None:
        with writing(self._index.path):
            self._writer.rollback()
        self._touched.clear()
        self.pending = 0

    def close(self) -> None:
        """Wait for background merges and release the writer lock."""
        with writing(self._index.path):
            self._writer.wait_merging_threads()
        self._index.reload()
