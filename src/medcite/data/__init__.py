"""``medcite data``: fetch the sample corpora and more PubMed, MedQuAD and MeSH from their
official sources, verified, resumable and idempotent.

:mod:`~medcite.data.catalog` says where each file comes from, :mod:`~medcite.data.download`
streams it (resuming ``.part`` files), :mod:`~medcite.data.fetch` verifies, records in
``MANIFEST.json`` and converts (:mod:`~medcite.data.convert`). Modules are imported one by one,
so ``medcite --help`` stays fast.
"""
