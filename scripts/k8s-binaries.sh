#!/usr/bin/env bash
# Provide the Kubernetes binaries that the integration tests need.
#
# The tests use io.fabric8:kube-api-test, which starts a real kube-apiserver
# and etcd on loopback. It looks for the binaries in
#
#     ${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}/k8s/1.20.2-linux-amd64/
#         kube-apiserver  etcd  kubectl     (kubectl is used for its readiness check)
#
# This script makes sure that directory is complete, then prints its path as
# the last line on stdout (progress messages go to stderr). It is idempotent and
# safe to re-run: a complete directory is a cache hit and returns at once.
#
# Where the binaries come from, in this order:
#   1. the cache directory above, if every binary in it works;
#   2. --from-prebuilt FILE.xz (or UBA_PREBUILT_KUBE_APISERVER=FILE.xz): an
#      xz-compressed kube-apiserver v1.20.2 built earlier (optional shortcut);
#   3. with internet access: the official release binaries (kube-apiserver and
#      kubectl v1.20.2 from dl.k8s.io, etcd v3.4 from GitHub), checksums verified;
#   4. offline, from Debian's archive only:
#        etcd           <- package etcd-server (/usr/bin/etcd)
#        kubectl        <- the kubectl already on PATH, else package kubernetes-client
#        kube-apiserver <- built from Debian bookworm's source package "kubernetes"
#                          (upstream v1.20.2 with its vendor/ tree) with Debian's
#                          Go, in GOPATH mode, fully offline. Takes 3 min on an idle
#                          2-core machine (6-8 min under load), 1.3-1.6 GB RAM
#                          and 1.7-2 GB of temporary disk.
#
# Step 4 installs Debian packages (and adds deb-src entries), so it needs root
# or sudo.
#
# Options / environment:
#   --from-prebuilt FILE.xz   see step 2 (env: UBA_PREBUILT_KUBE_APISERVER)
#   --offline                 skip the internet probe (env: UBA_K8S_OFFLINE=1)
#   --force                   ignore what is cached and provide everything again
#   KUBE_API_TEST_DIR         cache root (default: $HOME/.kubeapitest)
#   TMPDIR                    where the temporary source tree is built (default /tmp)
#
# A log of the slow steps is kept in $KUBE_API_TEST_DIR/k8s-binaries.log; its
# tail is shown when something fails.

set -euo pipefail

# --- fixed versions ----------------------------------------------------------
K8S_VERSION=1.20.2          # must match the directory name kube-api-test uses
ETCD_VERSION=3.4.23         # same 3.4 release that Debian bookworm ships
PLATFORM=linux-amd64

# --- arguments ---------------------------------------------------------------
PREBUILT="${UBA_PREBUILT_KUBE_APISERVER:-}"
OFFLINE="${UBA_K8S_OFFLINE:-0}"
FORCE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --from-prebuilt) PREBUILT="${2:?--from-prebuilt needs a FILE.xz}"; shift 2 ;;
    --from-prebuilt=*) PREBUILT="${1#*=}"; shift ;;
    --offline) OFFLINE=1; shift ;;
    --force) FORCE=1; shift ;;
    -h|--help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "k8s-binaries: unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

ROOT="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}"
DEST="$ROOT/k8s/$K8S_VERSION-$PLATFORM"
LOG="$ROOT/k8s-binaries.log"   # deliberately outside k8s/, which kube-api-test scans

# --- small helpers -----------------------------------------------------------
say() { echo "k8s-binaries: $*" >&2; }
die() { say "ERROR: $*"; exit 1; }

# Run a noisy command with its output appended to the log only.
run() { echo "+ $*" >>"$LOG"; "$@" >>"$LOG" 2>&1; }

WORK=""   # temporary directory, removed on exit
on_exit() {
  local rc=$?
  [[ -n "$WORK" ]] && rm -rf "$WORK"
  if [[ $rc -ne 0 ]]; then
    # An empty version directory would make kube-api-test fail obscurely.
    rmdir "$DEST" 2>/dev/null || true
    if [[ -s "$LOG" ]]; then
      say "failed (exit $rc); last lines of $LOG:"
      tail -n 40 "$LOG" >&2
    fi
  fi
  exit "$rc"
}
trap on_exit EXIT

# First line of "BINARY --version" (captured whole: no 'grep -q' in a pipe,
# which can kill the writer with SIGPIPE and so fail under pipefail).
version_of() { local v; v=$("$1" --version 2>/dev/null) || return 1; echo "${v%%$'\n'*}"; }

# Does the binary in the cache work? (fast: each check takes ~0.1 s)
apiserver_ok() { [[ -x "$DEST/kube-apiserver" && "$(version_of "$DEST/kube-apiserver")" == "Kubernetes v$K8S_VERSION" ]]; }
etcd_ok()      { [[ -x "$DEST/etcd" && "$(version_of "$DEST/etcd")" == "etcd Version: 3."* ]]; }
kubectl_ok()   { [[ -x "$DEST/kubectl" ]] && "$DEST/kubectl" version --client >/dev/null 2>&1; }
all_ok()       { apiserver_ok && etcd_ok && kubectl_ok; }

# Put a file (copy) or a symlink into $DEST atomically, so that a half-written
# binary is never seen.
put_file() { install -m 0755 "$1" "$DEST/.$2.tmp" && mv -f "$DEST/.$2.tmp" "$DEST/$2"; }
put_link() { ln -sfn "$1" "$DEST/.$2.tmp" && mv -Tf "$DEST/.$2.tmp" "$DEST/$2"; }

# --- apt helpers (offline path) ----------------------------------------------
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [[ $EUID -ne 0 ]] && command -v sudo >/dev/null; then
  SUDO="sudo DEBIAN_FRONTEND=noninteractive"
fi
APT_UPDATED=0

apt_update() {
  [[ $APT_UPDATED -eq 1 ]] && return 0
  run $SUDO apt-get update || say "warning: 'apt-get update' reported errors (see $LOG)"
  APT_UPDATED=1
}

# Install Debian packages that are not installed yet; on failure refresh the
# package lists once and retry.
apt_install() {
  local missing=() p
  for p in "$@"; do
    [[ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" == "install ok installed" ]] || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0
  if [[ $EUID -ne 0 && -z "$SUDO" ]]; then
    die "need root or sudo to install Debian packages: ${missing[*]}"
  fi
  say "installing Debian packages: ${missing[*]}"
  if ! run $SUDO apt-get install -y --no-install-recommends "${missing[@]}"; then
    [[ $APT_UPDATED -eq 1 ]] && die "apt-get install ${missing[*]} failed"
    apt_update
    run $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

# deb-src entries are not configured on a stock Debian machine. Add them as a
# separate file, with the same URIs/suites as the existing Debian sources, then
# refresh the package lists so that 'apt-get source' works.
DEB_SRC_FILE=/etc/apt/sources.list.d/uba-operator-deb-src.sources
ensure_deb_src() {
  local active_src
  active_src=$(grep -Els '^[[:space:]]*(deb-src[[:space:]]|Types:.*deb-src)' \
      /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  if [[ -z "$active_src" ]]; then
    local tmp
    tmp=$(mktemp)
    if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
      # deb822 format (bookworm default): copy the stanzas, turning every
      # "Types: ..." line into "Types: deb-src".
      sed -E 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources >"$tmp"
    elif grep -Eqs '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list; then
      # classic one-line format: "deb URI suite comps" -> "deb-src URI suite comps"
      DEB_SRC_FILE=${DEB_SRC_FILE%.sources}.list
      sed -nE 's/^[[:space:]]*deb[[:space:]]/deb-src /p' /etc/apt/sources.list >"$tmp"
    else
      rm -f "$tmp"
      die "cannot find Debian's apt sources to derive deb-src entries from"
    fi
    say "adding deb-src entries: $DEB_SRC_FILE"
    $SUDO install -m 0644 "$tmp" "$DEB_SRC_FILE"
    rm -f "$tmp"
    APT_UPDATED=0          # the source indexes have never been fetched
  fi
  if [[ $APT_UPDATED -eq 0 ]] && ! apt-cache showsrc kubernetes 2>/dev/null | grep '^Package:' >/dev/null; then
    apt_update
  fi
}

# --- source 2: a prebuilt kube-apiserver.xz ----------------------------------
install_prebuilt_apiserver() {
  local xzfile="$1" sums name want got
  [[ -f "$xzfile" ]] || die "prebuilt file not found: $xzfile"
  # If a SHA256SUMS file lies next to it and lists it, check it.
  sums="$(dirname "$xzfile")/SHA256SUMS"
  name="$(basename "$xzfile")"
  if [[ -f "$sums" ]]; then
    want=$(awk -v n="$name" '$2 == n || $2 == "*" n {print $1}' "$sums")
    if [[ -n "$want" ]]; then
      got=$(sha256sum "$xzfile" | cut -d' ' -f1)
      [[ "$got" == "$want" ]] || die "checksum mismatch for $xzfile"
    fi
  fi
  xz -dc "$xzfile" >"$WORK/kube-apiserver"
  chmod 0755 "$WORK/kube-apiserver"
  [[ "$(version_of "$WORK/kube-apiserver")" == "Kubernetes v$K8S_VERSION" ]] \
    || die "$xzfile is not a working kube-apiserver v$K8S_VERSION"
  put_file "$WORK/kube-apiserver" kube-apiserver
  say "kube-apiserver unpacked from $xzfile"
}

# --- source 3: official release binaries (internet) --------------------------
online() {
  [[ "$OFFLINE" == 1 ]] && return 1
  curl -fsS --max-time 5 -o /dev/null https://dl.k8s.io/release/stable.txt 2>/dev/null
}

# Download URL to FILE and check it against a hex SHA-256 (if one is given).
fetch() {
  local url="$1" file="$2" sha="${3:-}"
  echo "+ curl $url" >>"$LOG"
  curl -fsSL --retry 2 --connect-timeout 10 --max-time 600 -o "$file" "$url" 2>>"$LOG" || return 1
  if [[ -n "$sha" ]]; then
    echo "$sha  $file" | sha256sum -c --quiet - >>"$LOG" 2>&1 || { say "checksum mismatch: $url"; return 1; }
  fi
}

# Each binary is installed as soon as it is verified. Every command carries
# "|| return 1": this function runs in an 'if', where bash ignores 'set -e'.
download_official() {
  local k8s="https://dl.k8s.io/release/v$K8S_VERSION/bin/linux/amd64"
  local etcd_url="https://github.com/etcd-io/etcd/releases/download/v$ETCD_VERSION"
  local etcd_tgz="etcd-v$ETCD_VERSION-$PLATFORM.tar.gz"
  local sha b

  say "downloading official release binaries"
  for b in kube-apiserver kubectl; do
    if [[ $b == kube-apiserver ]] && apiserver_ok; then continue; fi
    if [[ $b == kubectl ]] && { kubectl_ok || command -v kubectl >/dev/null; }; then continue; fi
    # dl.k8s.io publishes <binary>.sha256 holding just the hex digest.
    sha=$(curl -fsSL --max-time 30 "$k8s/$b.sha256" 2>>"$LOG") || { say "no checksum published for $b"; sha=""; }
    fetch "$k8s/$b" "$WORK/$b" "$sha" || return 1
    put_file "$WORK/$b" "$b" || return 1
  done
  if ! etcd_ok; then
    fetch "$etcd_url/SHA256SUMS" "$WORK/etcd-SHA256SUMS" || return 1
    sha=$(awk -v n="$etcd_tgz" '$2 == n {print $1}' "$WORK/etcd-SHA256SUMS")
    [[ -n "$sha" ]] || return 1
    fetch "$etcd_url/$etcd_tgz" "$WORK/$etcd_tgz" "$sha" || return 1
    tar -xzf "$WORK/$etcd_tgz" -C "$WORK" --strip-components=1 "etcd-v$ETCD_VERSION-$PLATFORM/etcd" || return 1
    put_file "$WORK/etcd" etcd || return 1
  fi
  return 0
}

# --- source 4: Debian (offline) ----------------------------------------------
debian_etcd() {
  [[ -x /usr/bin/etcd ]] || apt_install etcd-server
  put_link /usr/bin/etcd etcd
}

debian_kubectl() {
  local k
  k=$(command -v kubectl || true)
  [[ -z "$k" || "$k" == /* ]] || k="$PWD/$k"
  # Any working kubectl will do for the readiness check (never our own link).
  if [[ -n "$k" && "$(readlink -f "$k")" != "$(readlink -f "$DEST/kubectl" 2>/dev/null)" ]] \
       && "$k" version --client >/dev/null 2>&1; then
    put_link "$k" kubectl
  else
    apt_install kubernetes-client
    put_link /usr/bin/kubectl kubectl
  fi
}

build_apiserver_from_debian_source() {
  local free_kb start src tree
  # Build-Depends of Debian's source package (rsync is used by the Makefile's
  # generated_files step), plus the Debian copies of the two vendored libraries
  # replaced below: the vendored reflect2 1.0.1 crashes under Go >= 1.18 as soon
  # as a custom resource is served.
  apt_install dpkg-dev make rsync jq golang-go \
              golang-github-modern-go-reflect2-dev golang-github-json-iterator-go-dev
  ensure_deb_src

  free_kb=$(df -Pk "$WORK" | awk 'NR == 2 {print $4}')
  [[ $free_kb -ge 2500000 ]] || die "building needs ~2.5 GB free in $WORK (set TMPDIR elsewhere)"

  say "building kube-apiserver v$K8S_VERSION from Debian's source package (3-8 min; log: $LOG)"
  start=$SECONDS
  # 'apt-get source' downloads and unpacks (with Debian's patches) into the cwd.
  (cd "$WORK" && run apt-get source kubernetes)
  src=$(find "$WORK" -mindepth 1 -maxdepth 1 -type d -name 'kubernetes-*' | head -n 1)
  [[ -n "$src" ]] || die "'apt-get source kubernetes' produced no source tree"
  grep -q "tag: v$K8S_VERSION'" "$src/hack/lib/version.sh" \
    || die "Debian's kubernetes source is not upstream v$K8S_VERSION"

  # GOPATH layout: the tree must be at $GOPATH/src/k8s.io/kubernetes. (The
  # Makefile also creates a GOPATH of its own under _output/, pointing back here.)
  tree="$WORK/gopath/src/k8s.io/kubernetes"
  mkdir -p "$(dirname "$tree")"
  mv "$src" "$tree"
  rm -f "$WORK"/kubernetes_*   # downloaded .dsc/.tar.*, no longer needed

  local pkg
  for pkg in github.com/modern-go/reflect2 github.com/json-iterator/go; do
    [[ -d "/usr/share/gocode/src/$pkg" ]] || die "/usr/share/gocode/src/$pkg is missing"
    rm -rf "$tree/vendor/$pkg"
    cp -rL "/usr/share/gocode/src/$pkg" "$tree/vendor/$pkg"
    echo "replaced vendor/$pkg with Debian's copy" >>"$LOG"
  done

  # Offline GOPATH-mode build with Debian's Go (/usr/lib/go/bin first on PATH).
  # The version (v1.20.2) comes from the values baked into hack/lib/version.sh
  # of the release tarball, so no git checkout is needed.
  (
    cd "$tree"
    export GOPATH="$WORK/gopath" GOCACHE="$WORK/gocache" PATH="/usr/lib/go/bin:$PATH"
    export GO111MODULE=off GOPROXY=off GOFLAGS="" GOTOOLCHAIN=local CGO_ENABLED=0
    run go version
    run make WHAT=cmd/kube-apiserver
  )
  local bin="$tree/_output/bin/kube-apiserver"
  [[ "$(version_of "$bin")" == "Kubernetes v$K8S_VERSION" ]] \
    || die "the built kube-apiserver does not report v$K8S_VERSION"
  put_file "$bin" kube-apiserver
  rm -rf "$WORK/gopath" "$WORK/gocache"
  say "kube-apiserver built in $((SECONDS - start)) s"
}

# --- main --------------------------------------------------------------------
[[ "$(uname -s)-$(uname -m)" == Linux-x86_64 ]] \
  || die "only linux-amd64 is supported (this is $(uname -s)-$(uname -m))"

if [[ $FORCE -eq 0 ]] && all_ok; then   # 1. cache hit
  echo "$DEST"
  exit 0
fi

mkdir -p "$DEST"
# One run at a time per cache directory.
exec 9>"$ROOT/.k8s-binaries.lock"
flock -n 9 || { say "another run is filling $DEST; waiting for it"; flock 9; }
if [[ $FORCE -eq 0 ]] && all_ok; then   # another run finished it meanwhile
  echo "$DEST"
  exit 0
fi
if [[ $FORCE -eq 1 ]]; then
  rm -f "$DEST/kube-apiserver" "$DEST/etcd" "$DEST/kubectl"
fi
: >"$LOG"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/k8s-binaries.XXXXXX")

if [[ -n "$PREBUILT" ]] && ! apiserver_ok; then   # 2. prebuilt apiserver
  install_prebuilt_apiserver "$PREBUILT"
fi

if ! all_ok && online; then                       # 3. official downloads
  download_official || say "download failed; falling back to Debian packages (see $LOG)"
fi

# 4. offline, from Debian, for whatever is still missing
etcd_ok      || debian_etcd
kubectl_ok   || debian_kubectl
apiserver_ok || build_apiserver_from_debian_source

all_ok || die "binaries still incomplete in $DEST"
say "ready: $(version_of "$DEST/kube-apiserver"), $(version_of "$DEST/etcd")"
echo "$DEST"
