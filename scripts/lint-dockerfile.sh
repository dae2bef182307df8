#!/usr/bin/env bash
# Lint the Dockerfile with dockerfilelint (from the npm registry; hadolint is in neither Debian nor
# npm). The linter is installed once under ~/.cache/uba-operator/dockerfilelint. No Docker needed.
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${UBA_DOCKERFILELINT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/uba-operator/dockerfilelint}"
lint="$cache/node_modules/.bin/dockerfilelint"
if [[ ! -x "$lint" ]]; then
  command -v npm >/dev/null || { echo "lint-dockerfile.sh: npm is needed (apt-get install npm)" >&2; exit 1; }
  mkdir -p "$cache"
  echo "lint-dockerfile.sh: installing dockerfilelint with npm" >&2
  npm install --prefix "$cache" --silent --no-audit --no-fund dockerfilelint@1.8.0 >/dev/null
fi
"$lint" Dockerfile
