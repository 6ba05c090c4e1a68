#!/usr/bin/env bash
# Regenerate docs/examples/ from the demo index (run scripts/demo.sh first). Use a freshly built
# index (e.g. MEDCITE_INDEX=/tmp/fresh bash scripts/demo.sh, then the same MEDCITE_INDEX here):
# BM25 statistics count replaced documents until segments merge, so an index re-ingested over
# itself ranks near-ties differently from the test suite's fresh one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck disable=SC1091
source "$root/scripts/setup.sh"
export MEDCITE_INDEX="${MEDCITE_INDEX:-$root/data/index}"
mkdir -p "$root/docs/examples"
# BM25-only, as the test suite's sample index is (tests/conftest.py): the example stays checkable
# on CI without embedding the whole sample corpora.
MEDCITE_SEMANTIC__ENABLED=false medcite ask "What causes facial twitches?" --format markdown > "$root/docs/examples/facial-twitches.md"
echo "wrote docs/examples/facial-twitches.md"
