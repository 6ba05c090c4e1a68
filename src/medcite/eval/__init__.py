"""Evaluation harness: datasets, metrics, baselines, suite runner and report.

- :mod:`medcite.eval.datasets`, :mod:`medcite.eval.nlm_sets` — typed loaders for the evaluation
  sets in ``../shared/corpora`` (and any folder in the same format).
- :mod:`medcite.eval.metrics` — retrieval, answer, citation, abstention, red-flag and speed metrics.
- :mod:`medcite.eval.baselines` — plain BM25, lead-sentences answers, BM25 re-ranking.
- :mod:`medcite.eval.runner` — ``run_suite("quick" | "full", index, out_dir, answer_fn=...)``.
- :mod:`medcite.eval.report` — the report record and its Markdown / JSON / PNG renderings.

Heavy dependencies (``rouge-score``, ``matplotlib``; the ``eval`` extra) are imported only when a
metric or chart needs them.
"""
