#!/usr/bin/env bash
# medcite's test command: sets up .venv if needed, then runs the offline test suite
# (slow tests excluded; add `-m slow` to run only those). Exits non-zero if no test ran.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck disable=SC1091
source "$root/scripts/setup.sh"
cd "$root"
python -m pytest -q "$@"
