#!/usr/bin/env bash
# A local environment for trying and developing the operator, with one command:
#
#     scripts/local-env.sh up        start everything, apply the example, wait until it is Ready
#     scripts/local-env.sh examples  apply every example in examples/ and wait until all are Ready
#     scripts/local-env.sh status    what runs, where, and the pipelines
#     scripts/local-env.sh down      stop everything (all cluster and AWS state is discarded)
#
# "up" does, in order:
#   1. scripts/k8s-binaries.sh: kube-apiserver, etcd and kubectl (cached; the very first run may
#      build kube-apiserver, which takes minutes);
#   2. builds target/uba-operator.jar (and the test classes) when missing or older than the sources;
#   3. starts, in the background, a real kube-apiserver + etcd with the CRDs from crds/ installed,
#      the local AWS (the moto emulator behind the project's proxy, which adds the transitional
#      states real AWS has, and a Firehose that moves data) and a real OpenSearch node standing for
#      every domain's endpoint: the test-scope main dev.uba.operator.testenv.LocalEnvironment;
#   4. starts the operator (java -jar target/uba-operator.jar) in the background against them;
#   5. applies examples/uba-pipeline.yaml into namespace "analytics", waits until every UbaPipeline
#      in it is Ready, and shows the pipelines, their status and the AWS resources created;
#   6. for each pipeline that delivers into OpenSearch, puts a few sample UBA events on its stream
#      and shows them found in the domain's index (the local Firehose flushes within seconds).
# Running "up" again while everything runs only shows the status; a part that stopped is restarted.
#
# Everything lives in .local-env/ at the repository root (LOCAL_ENV_STATE): kubeconfig, aws-endpoint, the logs
# (environment.log, operator.log, build.log) and the PID files. Every listener is on 127.0.0.1,
# except the operator's health/metrics port, which the operator itself binds on all interfaces.
#
# Needs: Java 17+, Maven, python3 with moto (pip install 'moto[server]'; boto3 comes with it),
# curl, flock (util-linux), setsid, Linux amd64.
#
# Environment (all optional):
#   LOCAL_ENV_STATE          directory of the state files (default .local-env; one per environment)
#   LOCAL_ENV_EXAMPLE        manifest to apply (default examples/uba-pipeline.yaml)
#   LOCAL_ENV_NAMESPACE      namespace to apply it into (default analytics)
#   LOCAL_ENV_READY_TIMEOUT  seconds to wait for Ready (default 180)
#   LOCAL_ENV_SEARCH_TIMEOUT seconds to wait for the sample events to be searchable (default 90)
#   LOCAL_ENV_AWS_PORT       port of the local AWS endpoint (default 0: any free port)
#   LOCAL_ENV_HTTP_PORT      operator health/metrics port (default: a free port)
#   LOCALAWS_PYTHON          Python interpreter that has moto (default python3)
#   KUBE_API_TEST_DIR        binary cache of scripts/k8s-binaries.sh (default ~/.kubeapitest)
#   UBA_LOG_LEVEL, UBA_ROOT_LOG_LEVEL  passed to the operator (its log levels)

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

STATE="${LOCAL_ENV_STATE:-.local-env}"
if [[ "$STATE" == /* ]]; then ABS_STATE="$STATE"; else ABS_STATE="$ROOT/$STATE"; fi
ENV_PID="$STATE/environment.pid"
OP_PID="$STATE/operator.pid"
OP_PORT_FILE="$STATE/operator.http-port"
CHILDREN="$STATE/environment.children"
READY_MARK="$STATE/environment.ready"
KUBECONFIG_FILE="$STATE/kubeconfig"
AWS_ENDPOINT_FILE="$STATE/aws-endpoint"
ENV_LOG="$STATE/environment.log"
OP_LOG="$STATE/operator.log"
BUILD_LOG="$STATE/build.log"
CLASSPATH_FILE="$STATE/classpath"
JAR=target/uba-operator.jar
ENV_MAIN=dev.uba.operator.testenv.LocalEnvironment
ENV_CLASS=target/test-classes/dev/uba/operator/testenv/LocalEnvironment.class

EXAMPLE="${LOCAL_ENV_EXAMPLE:-examples/uba-pipeline.yaml}"
NAMESPACE="${LOCAL_ENV_NAMESPACE:-analytics}"
READY_TIMEOUT="${LOCAL_ENV_READY_TIMEOUT:-180}"
SEARCH_TIMEOUT="${LOCAL_ENV_SEARCH_TIMEOUT:-90}"
AWS_PORT="${LOCAL_ENV_AWS_PORT:-0}"
HTTP_PORT="${LOCAL_ENV_HTTP_PORT:-}"
PYTHON="${LOCALAWS_PYTHON:-python3}"
REGION=us-east-1

ENV_START_TIMEOUT=300     # seconds for kube-apiserver, etcd, moto and the OpenSearch node to answer
OP_START_TIMEOUT=90       # seconds for the operator's /readyz
STOP_GRACE=20             # seconds between SIGTERM and SIGKILL

say()  { printf 'local-env: %s\n' "$*"; }
warn() { printf 'local-env: WARNING: %s\n' "$*" >&2; }
die()  { printf 'local-env: ERROR: %s\n' "$*" >&2; exit 1; }
hr()   { printf '\n== %s\n' "$*"; }

usage() {
  sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'
}

# --- processes -----------------------------------------------------------------

# The PID in FILE if that process runs and its command line contains MARKER (so that a
# recycled PID is never taken for ours).
live_pid() {
  local file="$1" marker="$2" pid cmdline
  [[ -s "$file" ]] || return 1
  pid=$(<"$file")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || return 1
  [[ "$cmdline" == *"$marker"* ]] || return 1
  echo "$pid"
}

env_pid() { live_pid "$ENV_PID" "$ENV_MAIN"; }
op_pid()  { live_pid "$OP_PID" "uba-operator.jar"; }

# Wait up to SECONDS for PID to end; 0 if it did.
wait_gone() {
  local pid="$1" deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null; do
    [[ $SECONDS -lt $deadline ]] || return 1
    sleep 0.2
  done
}

# SIGTERM, a bounded wait, then SIGKILL.
stop_pid() {
  local name="$1" pid="$2"
  kill -TERM "$pid" 2>/dev/null || return 0
  if ! wait_gone "$pid" "$STOP_GRACE"; then
    warn "$name (pid $pid) did not stop within ${STOP_GRACE}s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
    wait_gone "$pid" 5 || warn "$name (pid $pid) is still there"
  fi
}

# Processes the environment started (etcd, kube-apiserver, moto), from the list it wrote:
# a safety net for when it was killed before it could stop them itself.
stop_children() {
  local lines="$1" pid cmd exe
  while read -r pid cmd; do
    [[ "$pid" =~ ^[0-9]+$ ]] || continue
    kill -0 "$pid" 2>/dev/null || continue
    # Same executable as recorded, so that a recycled PID is left alone.
    exe=$(readlink -f "/proc/$pid/exe" 2>/dev/null) || continue
    [[ -n "$cmd" && "$exe" == "$(readlink -f "$cmd")" ]] || continue
    say "stopping leftover process $pid ($(basename "$cmd"))"
    stop_pid "$(basename "$cmd")" "$pid"
  done <<<"$lines"
}

# Start a command in the background, detached from this terminal (own session), with stdin
# from /dev/null, output to LOG; the process itself writes its PID to PIDFILE before it execs.
# File descriptor 9 (the lock) is not inherited.
start_detached() {
  local pidfile="$1" log="$2"
  shift 2
  rm -f "$pidfile"
  [[ ! -s "$log" ]] || mv -f "$log" "$log.prev"   # keep the previous run's log
  # shellcheck disable=SC2016  # $$ and $1 are expanded by the inner shell
  setsid bash -c 'echo $$ >"$1"; shift; exec "$@"' local-env "$pidfile" "$@" \
    </dev/null >"$log" 2>&1 9>&- &
  local deadline=$((SECONDS + 10))
  until [[ -s "$pidfile" ]]; do
    [[ $SECONDS -lt $deadline ]] || die "could not start: $*"
    sleep 0.05
  done
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_port() {
  "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# The last lines of a log, without Java stack frames, long lines cut.
show_log_tail() {
  local log="$1" n="${2:-30}"
  if [[ -s "$log" ]]; then
    printf -- '--- last %s lines of %s (stack frames left out) ---\n' "$n" "$log" >&2
    grep -Ev '^[[:space:]]+(at |\.\.\. [0-9]+ (common frames omitted|more))' "$log" \
      | tail -n "$n" | cut -c1-600 >&2 || true
    printf -- '---\n' >&2
  fi
}

# --- tools -----------------------------------------------------------------------

KUBECTL=""
BIN_DIR=""

find_kubectl() {
  if [[ -z "$BIN_DIR" ]]; then
    local root="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}"
    BIN_DIR=$(find "$root/k8s" -mindepth 1 -maxdepth 1 -type d -name '*-linux-amd64' 2>/dev/null | sort -V | tail -n 1)
  fi
  if [[ -n "$BIN_DIR" && -x "$BIN_DIR/kubectl" ]]; then
    KUBECTL="$BIN_DIR/kubectl"
  elif command -v kubectl >/dev/null; then
    KUBECTL=$(command -v kubectl)
  else
    return 1
  fi
}

kc() { "$KUBECTL" --kubeconfig "$KUBECONFIG_FILE" --request-timeout=10s "$@"; }

need() { command -v "$1" >/dev/null || die "$1 is not installed ($2)"; }

check_prerequisites() {
  [[ "$(uname -s)-$(uname -m)" == Linux-x86_64 ]] || die "only Linux amd64 is supported"
  need java "install a JDK 17 or newer, e.g. apt-get install openjdk-17-jdk-headless"
  need mvn "install Maven, e.g. apt-get install maven"
  need curl "apt-get install curl"
  need flock "apt-get install util-linux"
  need setsid "apt-get install util-linux"
  need "$PYTHON" "install Python 3 and then: pip install 'moto[server]'"
  "$PYTHON" -c 'import moto.server, boto3' 2>/dev/null \
    || die "moto is not installed for $PYTHON: pip install 'moto[server]' (or set LOCALAWS_PYTHON to a Python that has it)"
  [[ -f "$EXAMPLE" ]] || die "$EXAMPLE not found (set LOCAL_ENV_EXAMPLE to a manifest with a UbaPipeline)"
  [[ "$READY_TIMEOUT" =~ ^[0-9]+$ ]] || die "LOCAL_ENV_READY_TIMEOUT must be a number of seconds"
  [[ "$SEARCH_TIMEOUT" =~ ^[0-9]+$ ]] || die "LOCAL_ENV_SEARCH_TIMEOUT must be a number of seconds"
  [[ "$AWS_PORT" =~ ^[0-9]+$ ]] || die "LOCAL_ENV_AWS_PORT must be a port number (0: any free port)"
  if [[ "$AWS_PORT" != 0 ]] && port_in_use "$AWS_PORT"; then
    die "port $AWS_PORT (LOCAL_ENV_AWS_PORT) is taken: free it, or unset LOCAL_ENV_AWS_PORT to use any free port"
  fi
  if [[ -n "$HTTP_PORT" ]]; then
    [[ "$HTTP_PORT" =~ ^[0-9]+$ ]] || die "LOCAL_ENV_HTTP_PORT must be a port number"
    if [[ "$HTTP_PORT" != 0 ]] && port_in_use "$HTTP_PORT"; then
      die "port $HTTP_PORT (LOCAL_ENV_HTTP_PORT) is taken: free it, or unset LOCAL_ENV_HTTP_PORT to use a free port"
    fi
  fi
}

# --- build -----------------------------------------------------------------------

# Maven, offline first (everything is usually in the local repository), then online.
mvn_build() {
  local what="$1"
  shift
  if mvn -o -B -q "$@" >"$BUILD_LOG" 2>&1; then
    return 0
  fi
  if grep -qE 'offline mode|Cannot access .* in offline|has not been downloaded from it before' "$BUILD_LOG"; then
    say "offline resolution failed; $what with Maven online"
    if mvn -B -q "$@" >"$BUILD_LOG" 2>&1; then
      return 0
    fi
  fi
  show_log_tail "$BUILD_LOG" 40
  die "$what failed (full log: $BUILD_LOG); fix the build, then rerun scripts/local-env.sh up"
}

build_if_needed() {
  local reason=""
  if [[ ! -f "$JAR" ]]; then
    reason="$JAR is missing"
  elif [[ ! -f "$ENV_CLASS" ]]; then
    reason="the test classes are missing"
  elif [[ -n "$(find src pom.xml -newer "$JAR" -type f -print -quit)" ]]; then
    reason="sources changed since $JAR was built"
  fi
  if [[ -n "$reason" ]]; then
    say "building the operator ($reason): mvn -o -B -q -DskipTests package"
    local t=$SECONDS
    mvn_build "building" -DskipTests package
    [[ -f "$JAR" && -f "$ENV_CLASS" ]] || die "the build did not produce $JAR and $ENV_CLASS (see $BUILD_LOG)"
    say "built in $((SECONDS - t)) s"
  fi
  if [[ ! -s "$CLASSPATH_FILE" || pom.xml -nt "$CLASSPATH_FILE" ]]; then
    say "resolving the test class path: mvn -o -q dependency:build-classpath"
    mvn_build "resolving the class path" dependency:build-classpath \
      -Dmdep.outputFile="$ABS_STATE/classpath"
    [[ -s "$CLASSPATH_FILE" ]] || die "Maven wrote no class path to $CLASSPATH_FILE (see $BUILD_LOG)"
  fi
}

# --- environment (kube-apiserver, etcd, local AWS) --------------------------------

# KubeApi keeps etcd and kube-apiserver on 127.0.0.1 (scripts/loopback-binaries.sh) and their
# certificates in .local-env/kubeapitest.
start_environment() {
  local cp
  cp="target/test-classes:target/classes:$(<"$CLASSPATH_FILE")"
  rm -f "$READY_MARK"
  say "starting kube-apiserver, etcd and the local AWS (log: $ENV_LOG)"
  KUBE_API_TEST_DIR="$(dirname "$(dirname "$BIN_DIR")")" LOCALAWS_PYTHON="$PYTHON" \
    start_detached "$ENV_PID" "$ENV_LOG" \
    java -Xms64m -XX:+UseSerialGC -Duba.kubeapitest.dir="$ABS_STATE/kubeapitest" -cp "$cp" \
    "$ENV_MAIN" "$STATE" --aws-port "$AWS_PORT"
  wait_environment "$(<"$ENV_PID")"
}

# Wait (bounded) until the environment has published its readiness marker.
wait_environment() {
  local pid="$1" deadline=$((SECONDS + ENV_START_TIMEOUT))
  until [[ -s "$READY_MARK" ]]; do
    if ! kill -0 "$pid" 2>/dev/null; then
      local rc=0
      wait "$pid" 2>/dev/null || rc=$?
      show_log_tail "$ENV_LOG" 40
      rm -f "$ENV_PID"
      if [[ $rc -eq 3 ]] || grep -q 'for the local AWS is taken' "$ENV_LOG"; then
        die "the local AWS port $AWS_PORT is taken: free it, or unset LOCAL_ENV_AWS_PORT"
      fi
      die "the environment stopped while starting (log above: $ENV_LOG). Binaries: scripts/k8s-binaries.sh; moto: pip install 'moto[server]'"
    fi
    if [[ $SECONDS -ge $deadline ]]; then
      show_log_tail "$ENV_LOG" 40
      die "the environment did not come up within ${ENV_START_TIMEOUT}s (log: $ENV_LOG); stop it with: scripts/local-env.sh down"
    fi
    sleep 0.2
  done
  [[ -s "$KUBECONFIG_FILE" && -s "$AWS_ENDPOINT_FILE" ]] || die "the environment wrote no kubeconfig or AWS endpoint"
}

# --- operator ----------------------------------------------------------------------

start_operator() {
  local port="$HTTP_PORT" endpoint pid
  [[ -n "$port" ]] || port=$(free_port)
  endpoint=$(<"$AWS_ENDPOINT_FILE")
  local dataplane=""
  [[ ! -f "$STATE/opensearch-endpoint" ]] || dataplane=$(<"$STATE/opensearch-endpoint")
  say "starting the operator (log: $OP_LOG)"
  # A clean environment: only the local AWS, dummy credentials, no profile or config of the
  # user's that could point the operator at a real AWS account.
  local -a envs=(
    "PATH=$PATH" "HOME=$HOME" "LANG=${LANG:-C.UTF-8}"
    "KUBECONFIG=$ABS_STATE/kubeconfig"
    "AWS_REGION=$REGION"
    "AWS_ENDPOINT_URL=$endpoint"
    "AWS_ACCESS_KEY_ID=local" "AWS_SECRET_ACCESS_KEY=local"
    "AWS_CONFIG_FILE=/dev/null" "AWS_SHARED_CREDENTIALS_FILE=/dev/null" "AWS_EC2_METADATA_DISABLED=true"
    "UBA_POLL_INTERVAL=2s" "UBA_RESYNC_INTERVAL=1m" "UBA_HTTP_PORT=$port"
    "UBA_OPENSEARCH_ENDPOINT_URL=$dataplane"
    "JAVA_TOOL_OPTIONS=-Daws.cborEnabled=false"
  )
  local v
  for v in JAVA_HOME TMPDIR TZ UBA_LOG_LEVEL UBA_ROOT_LOG_LEVEL; do
    [[ -z "${!v:-}" ]] || envs+=("$v=${!v}")
  done
  start_detached "$OP_PID" "$OP_LOG" env -i "${envs[@]}" java -jar "$ROOT/$JAR"
  echo "$port" >"$OP_PORT_FILE"
  pid=$(<"$OP_PID")
  local deadline=$((SECONDS + OP_START_TIMEOUT))
  until curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      show_log_tail "$OP_LOG" 40
      rm -f "$OP_PID" "$OP_PORT_FILE"
      if grep -q 'cannot listen on port' "$OP_LOG"; then
        die "the operator's port $port is taken: unset LOCAL_ENV_HTTP_PORT or choose another"
      fi
      die "the operator stopped while starting (log above: $OP_LOG)"
    fi
    if [[ $SECONDS -ge $deadline ]]; then
      show_log_tail "$OP_LOG" 40
      die "the operator was not ready within ${OP_START_TIMEOUT}s (log: $OP_LOG)"
    fi
    sleep 0.3
  done
}

# --- the examples -----------------------------------------------------------------

OBJECTS=()   # "kind namespace name" of every uba.dev object applied, kind in lower case

# Apply a manifest (a file or a directory), remembering its uba.dev objects; further arguments go
# to kubectl (-n NAMESPACE for objects that name none).
apply_manifest() {
  local manifest="$1" out api kind ns name
  shift
  # One line per object, whether kubectl answers with the object or with a List of them.
  local template='{{define "o"}}{{.apiVersion}} {{.kind}} {{.metadata.namespace}} {{.metadata.name}}{{"\n"}}{{end}}'
  template+='{{if .items}}{{range .items}}{{template "o" .}}{{end}}{{else}}{{template "o" .}}{{end}}'
  out=$(kc apply "$@" -f "$manifest" -o go-template="$template") || die "kubectl apply -f $manifest failed"
  while read -r api kind ns name; do
    [[ "$api" == uba.dev/* ]] && OBJECTS+=("${kind,,} $ns $name")
  done <<<"$out"
  [[ ${#OBJECTS[@]} -gt 0 ]] || die "$manifest holds no UbaPipeline, AnomalyAlert or PersonalizationModel"
}

apply_example() {
  say "applying $EXAMPLE into namespace $NAMESPACE"
  kc create namespace "$NAMESPACE" --dry-run=client -o yaml | kc apply -f - >/dev/null
  apply_manifest "$EXAMPLE" -n "$NAMESPACE"
}

# The uba.dev objects applied, of one kind: "namespace name" lines.
objects_of() {
  local entry
  for entry in "${OBJECTS[@]}"; do
    [[ "$entry" == "$1 "* ]] && echo "${entry#* }"
  done
  return 0
}

# Wait until every object applied is Ready; print each phase change.
wait_ready() {
  local deadline=$((SECONDS + READY_TIMEOUT)) start=$SECONDS entry kind ns name phase last="" degraded_since=""
  local -A seen=()
  say "waiting up to ${READY_TIMEOUT}s for ${#OBJECTS[@]} object(s) to be Ready"
  while :; do
    local all=1
    for entry in "${OBJECTS[@]}"; do
      read -r kind ns name <<<"$entry"
      phase=$(kc get "$kind" "$name" -n "$ns" -o jsonpath='{.status.phase}' 2>/dev/null) || phase="?"
      [[ -n "$phase" ]] || phase="(no status yet)"
      if [[ "${seen[$entry]:-}" != "$phase" ]]; then
        say "  $((SECONDS - start))s  $kind $ns/$name: $phase"
        seen[$entry]=$phase
      fi
      [[ "$phase" == Ready ]] || all=0
      if [[ "$phase" == Degraded ]]; then
        last=$entry
        degraded_since=${degraded_since:-$SECONDS}
      fi
    done
    [[ $all -eq 1 ]] && return 0
    if [[ -n "$degraded_since" && $((SECONDS - degraded_since)) -ge 30 ]]; then
      show_status_of "$last"
      show_log_tail "$OP_LOG" 30
      die "$last is Degraded (conditions above); change the spec or see $OP_LOG"
    fi
    if [[ $SECONDS -ge $deadline ]]; then
      for entry in "${OBJECTS[@]}"; do show_status_of "$entry"; done
      show_log_tail "$OP_LOG" 30
      die "not Ready within ${READY_TIMEOUT}s (status and operator log above; the environment keeps running: scripts/local-env.sh status / down)"
    fi
    if ! op_pid >/dev/null; then
      show_log_tail "$OP_LOG" 40
      die "the operator stopped (log above: $OP_LOG)"
    fi
    sleep 1
  done
}

# The status of one object ("kind namespace name").
show_status_of() {
  local kind ns name yaml
  read -r kind ns name <<<"$1"
  hr "kubectl get $kind $name -n $ns -o yaml  (status)"
  yaml=$(kc get "$kind" "$name" -n "$ns" -o yaml) || return 0
  if [[ "$yaml" == *$'\nstatus:'* ]]; then
    sed -n '/^status:/,$p' <<<"$yaml"
  else
    echo "(no status written yet)"
  fi
}

# The AWS side, read from the local AWS with boto3 (resources named after the pipelines).
show_aws() {
  local endpoint prefixes=() ns name
  endpoint=$(<"$AWS_ENDPOINT_FILE")
  while read -r ns name; do prefixes+=("$ns-$name"); done < <(objects_of ubapipeline)
  [[ ${#prefixes[@]} -gt 0 ]] || return 0
  hr "AWS resources in the local AWS ($endpoint)"
  env -u AWS_PROFILE -u AWS_DEFAULT_PROFILE -u AWS_SESSION_TOKEN \
    AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true \
    "$PYTHON" - "$endpoint" "$REGION" "${prefixes[@]}" <<'PY' || warn "could not list the AWS resources"
import sys
import boto3
from botocore.config import Config

endpoint, region, prefixes = sys.argv[1], sys.argv[2], tuple(sys.argv[3:])
config = Config(retries={"max_attempts": 2}, connect_timeout=5, read_timeout=15)


def client(service):
    return boto3.client(service, endpoint_url=endpoint, region_name=region,
                        aws_access_key_id="local", aws_secret_access_key="local", config=config)


def tags(pairs, key="Key", value="Value"):
    return ", ".join(f"{p[key]}={p[value]}" for p in sorted(pairs, key=lambda p: p[key])) or "-"


def section(title, fn):
    print(title)
    try:
        if not fn():
            print("  (none)")
    except Exception as e:  # show the rest even if one service fails
        print(f"  (cannot list: {e})")


def streams():
    kinesis = client("kinesis")
    names = [n for page in kinesis.get_paginator("list_streams").paginate() for n in page["StreamNames"]]
    for n in names:
        s = kinesis.describe_stream_summary(StreamName=n)["StreamDescriptionSummary"]
        mode = s.get("StreamModeDetails", {}).get("StreamMode", "?")
        print(f"  {n}  {s['StreamStatus']}  mode={mode} shards={s['OpenShardCount']}"
              f" retention={s['RetentionPeriodHours']}h encryption={s.get('EncryptionType', '?')}"
              f"{' key=' + s['KeyId'] if s.get('KeyId') else ''}")
        print(f"    arn:  {s['StreamARN']}")
        print(f"    tags: {tags(kinesis.list_tags_for_stream(StreamName=n)['Tags'])}")
    return names


def domains():
    opensearch = client("opensearch")
    names = [d["DomainName"] for d in opensearch.list_domain_names()["DomainNames"]]
    for n in names:
        d = opensearch.describe_domain(DomainName=n)["DomainStatus"]
        c = d.get("ClusterConfig", {})
        ebs = d.get("EBSOptions", {})
        endpoint = d.get("Endpoint") or ", ".join((d.get("Endpoints") or {}).values()) or "-"
        print(f"  {n}  {d.get('EngineVersion', '?')}  processing={d.get('Processing')}"
              f" instances={c.get('InstanceCount')}x{c.get('InstanceType')}"
              f" zoneAwareness={c.get('ZoneAwarenessEnabled')}"
              f" storage={ebs.get('VolumeSize')}GiB {ebs.get('VolumeType', '')}")
        print(f"    arn:      {d['ARN']}")
        print(f"    endpoint: {endpoint}")
        print(f"    tags:     {tags(opensearch.list_tags(ARN=d['ARN'])['TagList'])}")
    return names


def roles():
    iam = client("iam")
    found = [r for page in iam.get_paginator("list_roles").paginate() for r in page["Roles"]
             if r["RoleName"].startswith(prefixes)]
    for r in found:
        n = r["RoleName"]
        inline = iam.list_role_policies(RoleName=n)["PolicyNames"]
        attached = [p["PolicyName"] for p in iam.list_attached_role_policies(RoleName=n)["AttachedPolicies"]]
        trusted = set()
        document = r.get("AssumeRolePolicyDocument")
        if isinstance(document, dict):
            statements = document.get("Statement", [])
            for st in statements if isinstance(statements, list) else [statements]:
                services = (st.get("Principal") or {}).get("Service") or []
                trusted.update([services] if isinstance(services, str) else services)
        trusted = sorted(trusted)
        print(f"  {n}  trusts={','.join(trusted) or '?'} inline={','.join(inline) or '-'}"
              f" attached={','.join(attached) or '-'}")
        print(f"    arn:  {r['Arn']}")
        print(f"    tags: {tags(iam.list_role_tags(RoleName=n)['Tags'])}")
    return found


def policies():
    iam = client("iam")
    found = [p for page in iam.get_paginator("list_policies").paginate(Scope="Local") for p in page["Policies"]
             if p["PolicyName"].startswith(prefixes)]
    for p in found:
        print(f"  {p['PolicyName']}  default={p['DefaultVersionId']} attachments={p['AttachmentCount']}")
        print(f"    arn:  {p['Arn']}")
        print(f"    tags: {tags(iam.list_policy_tags(PolicyArn=p['Arn'])['Tags'])}")
    return found


def deliveries():
    firehose = client("firehose")
    names = firehose.list_delivery_streams(Limit=100)["DeliveryStreamNames"]
    for n in names:
        d = firehose.describe_delivery_stream(DeliveryStreamName=n)["DeliveryStreamDescription"]
        source = (d.get("Source") or {}).get("KinesisStreamSourceDescription", {}).get("KinesisStreamARN", "-")
        kinds = sorted(k.replace("DestinationDescription", "") for dest in d.get("Destinations", []) for k in dest
                       if k.endswith("DestinationDescription"))
        print(f"  {n}  {d['DeliveryStreamStatus']}  source={source.rsplit('/', 1)[-1]}"
              f" destinations={','.join(kinds) or '-'}")
        print(f"    arn:  {d['DeliveryStreamARN']}")
    return names


def buckets():
    s3 = client("s3")
    names = [b["Name"] for b in s3.list_buckets()["Buckets"]]
    for n in names:
        print(f"  {n}")
    return names


section("Kinesis streams:", streams)
section("S3 buckets:", buckets)
section("Firehose delivery streams:", deliveries)
section("OpenSearch domains:", domains)
section(f"IAM roles ({', '.join(p + '*' for p in prefixes)}):", roles)
section(f"IAM customer managed policies ({', '.join(p + '*' for p in prefixes)}):", policies)
PY
}

# --- what the examples refer to ---------------------------------------------------

# Every s3Uri an example names (a PersonalizationModel's training data) as a bucket in the local
# AWS with a small interactions file under the prefix, so that the examples' imports succeed.
prepare_example_data() {
  local endpoint
  endpoint=$(<"$AWS_ENDPOINT_FILE")
  env -u AWS_PROFILE -u AWS_DEFAULT_PROFILE -u AWS_SESSION_TOKEN \
    AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true \
    "$PYTHON" - "$endpoint" "$REGION" examples/*.yaml <<'PY' || warn "could not prepare the examples' training data"
import random
import re
import sys

import boto3
from botocore.config import Config

endpoint, region, files = sys.argv[1], sys.argv[2], sys.argv[3:]
s3 = boto3.client("s3", endpoint_url=endpoint, region_name=region,
                  aws_access_key_id="local", aws_secret_access_key="local",
                  config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 3}))

# 1,500 interactions of 60 users with 120 items over 30 days (Personalize wants at least 1,000
# interactions of 25 users), in the default interactions schema.
rng = random.Random(7)
rows = ["USER_ID,ITEM_ID,TIMESTAMP,EVENT_TYPE"]
for _ in range(1500):
    rows.append(f"u-{rng.randint(1, 60)},item-{rng.randint(1, 120)},{1764000000 + rng.randint(0, 30 * 86400)},"
                f"{rng.choice(['click', 'click', 'page_view', 'purchase'])}")
body = ("\n".join(rows) + "\n").encode()

for path in files:
    for bucket, prefix in re.findall(r"s3Uri:\s*[\"']?s3://([a-z0-9.-]+)/([^\s\"'#]*)", open(path).read()):
        key = prefix + "interactions.csv" if prefix == "" or prefix.endswith("/") else prefix
        try:
            s3.create_bucket(Bucket=bucket)
        except s3.exceptions.BucketAlreadyOwnedByYou:
            pass
        s3.put_object(Bucket=bucket, Key=key, Body=body, ContentType="text/csv")
        print(f"local-env: training data for {path}: s3://{bucket}/{key} ({len(rows) - 1} interactions)")
PY
}

# --- data flow: sample events from the stream to a search hit ---------------------

# For each pipeline delivering into OpenSearch: put sample events on its stream with boto3 (as a
# producer would), then search the OpenSearch node for them until they are found (bounded).
show_data_flow() {
  local ns name stream destination index endpoint node found=0
  endpoint=$(<"$AWS_ENDPOINT_FILE")
  [[ -s "$STATE/opensearch-endpoint" ]] || { warn "no OpenSearch node endpoint; skipping the sample events"; return 0; }
  node=$(<"$STATE/opensearch-endpoint")
  while read -r ns name; do
    destination=$(kc get ubapipeline "$name" -n "$ns" -o jsonpath='{.status.delivery.destination}' 2>/dev/null) || destination=""
    [[ "$destination" == OpenSearch ]] || continue
    stream=$(kc get ubapipeline "$name" -n "$ns" -o jsonpath='{.status.stream.name}')
    index=$(kc get ubapipeline "$name" -n "$ns" -o jsonpath='{.spec.delivery.indexName}')
    found=1
    hr "Events from stream $stream to a search hit in index ${index:-uba-events}-*"
    env -u AWS_PROFILE -u AWS_DEFAULT_PROFILE -u AWS_SESSION_TOKEN \
      AWS_CONFIG_FILE=/dev/null AWS_SHARED_CREDENTIALS_FILE=/dev/null AWS_EC2_METADATA_DISABLED=true \
      "$PYTHON" - "$endpoint" "$REGION" "$stream" "$node" "${index:-uba-events}" "$SEARCH_TIMEOUT" <<'PY' \
      || warn "the sample events were not found in OpenSearch (see $OP_LOG and $ENV_LOG)"
import json
import sys
import time
import urllib.request
import uuid
from datetime import datetime, timedelta, timezone

import boto3
from botocore.config import Config

endpoint, region, stream, node, index, timeout = sys.argv[1:7]
kinesis = boto3.client("kinesis", endpoint_url=endpoint, region_name=region,
                       aws_access_key_id="local", aws_secret_access_key="local",
                       config=Config(retries={"max_attempts": 3}, connect_timeout=5, read_timeout=15))

now = datetime.now(timezone.utc)
events = []
millis = lambda i: (now + timedelta(milliseconds=250 * i)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
for i, (user, kind, page) in enumerate([("u-1001", "page_view", "/"), ("u-1001", "click", "/products/42"),
                                        ("u-1002", "page_view", "/cart"), ("u-1003", "search", "/search"),
                                        ("u-1002", "purchase", "/checkout")]):
    event = {"event_id": str(uuid.uuid4()), "event_type": kind, "user_id": user, "session_id": "s-" + user,
             "page": page, "timestamp": millis(i)}
    if kind in ("click", "purchase"):
        event["item_id"] = "42"
    events.append(event)
kinesis.put_records(StreamName=stream, Records=[
    {"Data": (json.dumps(e) + "\n").encode(), "PartitionKey": e["user_id"]} for e in events])
print(f"put {len(events)} events on {stream} (kinesis put_records), e.g. {json.dumps(events[0])}")

ids = [e["event_id"] for e in events]
query = json.dumps({"size": 10, "query": {"terms": {"event_id": ids}}, "sort": [{"timestamp": "asc"}]}).encode()
deadline = time.monotonic() + int(timeout)
start = time.monotonic()
hits = []
while time.monotonic() < deadline:
    request = urllib.request.Request(f"{node}/{index}-*/_search", data=query, method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            hits = json.load(answer)["hits"]["hits"]
    except Exception:  # the index does not exist until the first delivery
        hits = []
    if len(hits) == len(ids):
        break
    time.sleep(1)
print(f"found {len(hits)} of {len(ids)} in OpenSearch after {time.monotonic() - start:.0f} s"
      f" (POST {node}/{index}-*/_search, a terms query on event_id):")
for h in hits:
    s = h["_source"]
    print(f"  {h['_index']}  {s['timestamp']}  user_id={s['user_id']} event_type={s['event_type']} page={s['page']}")
sys.exit(0 if len(hits) == len(ids) else 1)
PY
  done < <(objects_of ubapipeline)
  [[ $found -eq 1 ]] || say "no pipeline delivers into OpenSearch; no sample events put"
}

# --- commands ------------------------------------------------------------------------

cmd_status() {
  local epid opid rc=0 port server
  epid=$(env_pid) || epid=""
  opid=$(op_pid) || opid=""
  if [[ -n "$epid" && ! -s "$READY_MARK" ]]; then
    say "environment: starting (pid $epid; log: $ENV_LOG)"
  elif [[ -n "$epid" ]]; then
    server=$(sed -n 's/^ *server: *//p' "$KUBECONFIG_FILE" 2>/dev/null | head -n 1)
    say "environment: running (pid $epid)"
    say "  kube-apiserver  ${server:-?}   (kubeconfig: $ABS_STATE/kubeconfig)"
    say "  local AWS       $(cat "$AWS_ENDPOINT_FILE" 2>/dev/null || echo '?')"
  else
    say "environment: not running"
  fi
  if [[ -n "$opid" ]]; then
    port=$(cat "$OP_PORT_FILE" 2>/dev/null || echo "")
    local health="not ready"
    if [[ -n "$port" ]] && curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; then
      health="ready"
    fi
    say "operator:    running (pid $opid), http://127.0.0.1:${port:-?}/readyz: $health, /metrics"
  else
    say "operator:    not running"
  fi
  if [[ -n "$epid" && -s "$READY_MARK" ]] && find_kubectl; then
    hr "kubectl get ubapipelines -A"
    kc get ubapipelines -A || true
  fi
  if [[ -n "$epid" && -n "$opid" ]]; then
    rc=0
  elif [[ -z "$epid" && -z "$opid" ]]; then
    rc=3
  else
    rc=1
    say "partly running: 'scripts/local-env.sh up' restarts what is missing, 'down' stops the rest"
  fi
  return $rc
}

cmd_down() {
  local pid children="" stopped=0
  if pid=$(op_pid); then
    say "stopping the operator (pid $pid)"
    stop_pid operator "$pid"
    stopped=1
  fi
  [[ -f "$CHILDREN" ]] && children=$(<"$CHILDREN")
  if pid=$(env_pid); then
    say "stopping kube-apiserver, etcd and the local AWS (pid $pid)"
    stop_pid environment "$pid"
    stopped=1
  fi
  [[ -z "$children" ]] || stop_children "$children"
  [[ $stopped -eq 1 ]] || say "nothing was running"
  rm -f "$OP_PID" "$OP_PORT_FILE" "$ENV_PID" "$CHILDREN" "$READY_MARK" "$KUBECONFIG_FILE" \
    "$AWS_ENDPOINT_FILE" "$STATE/aws-emulator-endpoint" "$STATE/opensearch-endpoint"
  say "down (logs kept in $STATE/)"
}

show_summary_status() {
  local entry
  hr "kubectl get ubapipelines,anomalyalerts,personalizationmodels -A"
  kc get ubapipelines,anomalyalerts,personalizationmodels -A -o wide
  for entry in "${OBJECTS[@]}"; do show_status_of "$entry"; done
  show_aws
}

show_usage() {
  local kubectl_hint="kubectl" kind ns name
  command -v kubectl >/dev/null || kubectl_hint="$KUBECTL"
  read -r kind ns name <<<"${OBJECTS[0]}"
  hr "Ready. Use it:"
  cat <<EOF
  curl -s '$(cat "$STATE/opensearch-endpoint" 2>/dev/null)/_cat/indices?v'   # the OpenSearch node standing for the domains
  export KUBECONFIG=$ABS_STATE/kubeconfig
  $kubectl_hint get ubapipelines,anomalyalerts,personalizationmodels -A
  $kubectl_hint describe $kind $name -n $ns
  $kubectl_hint apply -f examples/     # every example: a pipeline, alerts, a Personalize model (or: scripts/local-env.sh examples)
  export AWS_ENDPOINT_URL=$(<"$AWS_ENDPOINT_FILE") AWS_REGION=$REGION AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local   # local AWS (boto3, aws CLI)
  logs:  $STATE/operator.log  $STATE/environment.log
  scripts/local-env.sh status
  scripts/local-env.sh down      # stops everything; cluster and AWS state are discarded
EOF
}

cmd_up() {
  local t0=$SECONDS epid opid
  epid=$(env_pid) || epid=""
  opid=$(op_pid) || opid=""
  if [[ -n "$epid" && -n "$opid" ]]; then
    say "already up"
    cmd_status || true
    return 0
  fi
  check_prerequisites
  trap 'echo >&2; die "interrupted; whatever was started keeps running: scripts/local-env.sh status, scripts/local-env.sh down"' INT TERM

  local out
  say "checking kube-apiserver, etcd and kubectl: scripts/k8s-binaries.sh"
  if ! out=$(bash scripts/k8s-binaries.sh); then
    die "scripts/k8s-binaries.sh failed (messages above); fix that and run it alone until it succeeds, then rerun scripts/local-env.sh up"
  fi
  BIN_DIR=${out##*$'\n'}
  [[ -x "$BIN_DIR/kube-apiserver" && -x "$BIN_DIR/etcd" ]] \
    || die "binaries missing in '$BIN_DIR'; run: scripts/k8s-binaries.sh"
  find_kubectl || die "no kubectl found; run: scripts/k8s-binaries.sh"

  if [[ -n "$opid" && -z "$epid" ]]; then
    say "the operator runs without its environment; restarting it"
    stop_pid operator "$opid"
    opid=""
  fi
  if [[ -z "$epid" ]]; then
    # Leftovers of an environment that was killed hard.
    [[ -f "$CHILDREN" ]] && stop_children "$(<"$CHILDREN")"
    rm -f "$ENV_PID" "$CHILDREN"
    build_if_needed
    local t=$SECONDS
    start_environment
    say "environment up in $((SECONDS - t)) s: $(grep -m1 -o 'https://[^ ]*' "$KUBECONFIG_FILE" || true), AWS $(<"$AWS_ENDPOINT_FILE")"
    prepare_example_data
  elif [[ ! -s "$READY_MARK" ]]; then
    say "the environment (pid $epid) is still starting; waiting for it"
    wait_environment "$epid"
  fi
  if [[ -z "$opid" ]]; then
    [[ -f "$JAR" ]] || build_if_needed
    local t=$SECONDS
    start_operator
    say "operator ready in $((SECONDS - t)) s (pid $(<"$OP_PID"), http://127.0.0.1:$(<"$OP_PORT_FILE")/readyz)"
  fi

  apply_example
  local t=$SECONDS
  wait_ready
  say "Ready after $((SECONDS - t)) s"
  show_summary_status
  show_data_flow
  show_usage
  say "'up' took $((SECONDS - t0)) s in all"

}

# Every example at once, as a newcomer would run kubectl apply -f examples/, into the running
# environment: all of them Ready, then the events of each delivering pipeline found in OpenSearch.
cmd_examples() {
  env_pid >/dev/null && op_pid >/dev/null && [[ -s "$READY_MARK" ]] \
    || die "the environment is not up: run scripts/local-env.sh up first"
  find_kubectl || die "no kubectl found; run: scripts/k8s-binaries.sh"
  say "applying every example: kubectl apply -f examples/"
  apply_manifest examples/
  local t=$SECONDS
  wait_ready
  say "all Ready after $((SECONDS - t)) s"
  hr "kubectl get ubapipelines,anomalyalerts,personalizationmodels -A"
  kc get ubapipelines,anomalyalerts,personalizationmodels -A -o wide
  show_aws
  show_data_flow
}

main() {
  local cmd="${1:-}"
  case "$cmd" in
    up|down|status|examples) ;;
    -h|--help|help) usage; exit 0 ;;
    "") usage; exit 2 ;;
    *) echo "local-env: unknown command: $cmd (up, examples, down or status)" >&2; exit 2 ;;
  esac
  mkdir -p "$STATE"
  if [[ "$cmd" != status ]]; then
    exec 9>"$STATE/.lock"
    flock -n 9 || die "another 'scripts/local-env.sh up/down' is running in this checkout"
  fi
  case "$cmd" in
    up) cmd_up ;;
    examples) cmd_examples ;;
    down) cmd_down ;;
    status)
      local rc=0
      cmd_status || rc=$?
      exit "$rc"
      ;;
  esac
}

main "$@"
