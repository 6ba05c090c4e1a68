"""Live evidence sources: PubMed E-utilities and Europe PMC behind one shared HTTP layer.

Every source is a :class:`~medcite.sources.base.Retriever` (``name`` + ``search(query, k)``) and
produces the same :class:`~medcite.records.Document` records as ingest. :mod:`medcite.sources.live`
runs several sources concurrently and writes what they fetched back into the local index.
"""
