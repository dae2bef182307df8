#!/usr/bin/env bash
# The operator at scale against AWS's API rate quotas (docs/benchmarks.md):
#
#     scripts/benchmark.sh pipelines|alerts|faults|memory [N] [options]
#
#   pipelines  N stream-only UbaPipelines (default 300) applied at once, then steady state
#   alerts     N AnomalyAlerts (default 150) applied at once, then steady state
#   faults     N pipelines (default 50) under 20 % throttling, 5 % 5xx, 5 % lost answers: Ready, deleted
#   memory     N pipelines (default 10000) on an AWS without quotas: the operator's heap per object
#
# Options: --resync=20s (steady-state UBA_RESYNC_INTERVAL), --window=60s (steady-state window),
# --timeout=15m (per phase), --poll=15s (UBA_POLL_INTERVAL; default the operator's), --heap=1g.
# --share=0.5 (the operator's UBA_AWS_QUOTA_SHARE), --settle=40s (before the steady-state window;
# default two resync intervals).
#
# It builds target/uba-operator.jar and the test classes (skip with BENCHMARK_SKIP_BUILD=1), then
# runs the test-scope main dev.uba.operator.benchmark.Benchmark through the Maven profile
# "benchmark" (never active in mvn verify): a real kube-apiserver, the local AWS in quota mode and
# the packaged operator as its own process, all on 127.0.0.1. Figures, never a pass or a fail;
# the output ends with a markdown table and is kept in target/benchmarks/.
#
# Needs what the integration tests need: JDK 17, Maven, python3 with moto, and the Kubernetes
# binaries (scripts/k8s-binaries.sh, called here when they are missing).

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

if [[ $# -lt 1 || ! "$1" =~ ^(pipelines|alerts|faults|memory)$ ]]; then
  sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'
  exit 2
fi

if ! ls -d "${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}"/k8s/*-linux-amd64 >/dev/null 2>&1; then
  bash scripts/k8s-binaries.sh
fi

if [[ "${BENCHMARK_SKIP_BUILD:-0}" != 1 ]]; then
  echo "benchmark: building the operator jar and the test classes (mvn -B -q -DskipTests package)"
  mvn -B -q -DskipTests package
fi

mkdir -p target/benchmarks
out="target/benchmarks/$1-$(date -u +%Y%m%dT%H%M%SZ).txt"
echo "benchmark: running $*; output also in $out"
mvn -B -q -Pbenchmark exec:exec -Dbenchmark.args="$*" | tee "$out"
exit "${PIPESTATUS[0]}"
