#!/usr/bin/env bash
# medcite's main job: set up .venv if needed, ingest the sample corpora into ./data/index, load the
# MeSH vocabulary and answer the demo question. Corpora are read from ../shared/corpora
# (override: MEDCITE_CORPORA). Re-running is safe (ingest is an idempotent upsert).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck disable=SC1091
source "$root/scripts/setup.sh"
corpora="${MEDCITE_CORPORA:-$root/../shared/corpora}"
export MEDCITE_INDEX="${MEDCITE_INDEX:-$root/data/index}"
question="${1:-What causes facial twitches?}"

medcite ingest \
  "$corpora/pubmed-xml/pubmed21n1298.xml.gz" \
  "$corpora/pubmed-xml/pubmed20n0014.xml.gz" \
  "$corpora/medquad/MedQuAD-xml.tar.gz" \
  "$corpora/pubmedqa-pqal/ori_pqal.json.gz"
medcite vocab load "$corpora/mesh/mesh2021_descriptor_terms.tsv.gz" \
  --trees "$corpora/mesh/mesh2021_descriptor_trees.tsv.gz"
medcite index info
medcite ask "$question" --explain
