"""Handmade documents, index writing and a counting fake embedder for the dense-store tests."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

from medcite.index.tantivy_index import TantivyIndex
from medcite.records import AbstractSection, Document, Source
from medcite.semantic.model import EmbedCallback, Vectors


def page(qid: str, title: str, focus: str, text: str = "An answer.") -> Document:
    return Document(
        id=f"medquad:test#{qid}",
        source=Source.MEDQUAD,
        title=title,
        focus=focus,
        question_type="information",
        sections=(AbstractSection(text=text),),
    )


def article(pmid: str, title: str, abstract: str = "Some findings.") -> Document:
    sections = (AbstractSection(text=abstract),) if abstract else ()
    return Document(id=f"pmid:{pmid}", source=Source.PUBMED, title=title, sections=sections)


DOCUMENTS = (
    page("1", "What is Hemifacial Spasm?", "Hemifacial Spasm"),
    page("2", "What are the treatments for Hip Fracture?", "Hip Fracture"),
    page("3", "What causes Asthma?", "Asthma"),
    article("1", "Botulinum toxin injections for hemifacial spasm and blepharospasm"),
    article("2", "Surgical repair of hip fractures in older adults"),
    article("3", "Inhaled corticosteroids in childhood asthma"),
    article("4", "Letter without an abstract about facial spasm", abstract=""),
)


def write(index: TantivyIndex, docs: Sequence[Document], delete: Sequence[str] = ()) -> None:
    writer = index.writer(32, 1)
    for doc in docs:
        writer.upsert(doc)
    for doc_id in delete:
        writer.delete(doc_id)
    writer.commit()
    writer.close()


class FakeEmbedder:
    """Bag of hashed words in 16 dimensions; counts every text it embeds; can fail on demand."""

    def __init__(self, name: str = "fake@16", fail_on_call: int | None = None) -> None:
        self.name = name
        self.dimension = 16
        self.calls: list[list[str]] = []
        self.fail_on_call = fail_on_call

    @property
    def texts(self) -> list[str]:
        return [t for call in self.calls for t in call]

    def embed(
        self, texts: Sequence[str], batch_size: int = 0, progress: EmbedCallback | None = None
    ) -> Vectors:
        self.calls.append(list(texts))
        if self.fail_on_call is not None and len(self.calls) >= self.fail_on_call:
            raise KeyboardInterrupt("killed")
        out = np.stack([self.vector(t) for t in texts]) if texts else np.empty((0, 16))
        if progress is not None:
            progress(len(texts))
        return out.astype(np.float32)

    def vector(self, text: str) -> Vectors:
        v = np.zeros(16, dtype=np.float32)
        for word in re.findall(r"[a-z]+", text.lower()):
            v[hashlib.md5(word.encode()).digest()[0] % 16] += 1.0
        return v / max(float(np.linalg.norm(v)), 1e-9)
