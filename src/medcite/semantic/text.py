"""What text of a document is embedded: the cost decision of dense retrieval."""

from __future__ import annotations

import hashlib

from medcite.records import Document, Source

RECIPE_VERSION = 1
"""Bump when :func:`embedding_text` changes: stores built with another recipe are rebuilt."""
FALLBACK_CHARS = 300
"""Untitled records embed the start of their abstract (the model truncates it anyway)."""


def embedding_text(doc: Document) -> str | None:
    """The short text that stands for ``doc`` in the dense store, or None to leave it out.

    Embedding whole abstracts costs ≈ 36 documents/s at 256 tokens on 2 cores (≈ 25 minutes
    for the sample corpora); titles embed at ≈ 260/s (PubMed) to ≈ 520/s (MedQuAD) at 64
    tokens, so the whole sample fits in about three minutes. Titles are also what dense
    retrieval is good at here: they state what a record is about in a few words, while BM25
    already covers the specific terms inside abstracts.

    - MedQuAD pages: the page's question title plus its focus ("What are the treatments for
      Fever? (Fever)") — short, and the page's identity (the title alone is a question
      template shared by hundreds of pages).
    - PubMed, PubMedQA, Europe PMC, JSONL: the title only. Records without abstract text are
      left out: they can never supply a cited sentence, so finding them is wasted work
      (≈ 17.5k of the 50.8k PubMed sample records).
    """
    if doc.source is Source.MEDQUAD:
        return _page_text(doc)
    if not doc.abstract.strip():
        return None
    title = " ".join(doc.title.split())
    return title or " ".join(doc.abstract[:FALLBACK_CHARS].split()) or None


def _page_text(doc: Document) -> str | None:
    title = " ".join(doc.title.split())
    focus = " ".join((doc.focus or "").split())
    if title and focus:
        return f"{title} ({focus})"
    return title or focus or None


def text_hash(text: str) -> str:
    """A short content hash of an embedded text (16 hex digits): unchanged text is not redone."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()
