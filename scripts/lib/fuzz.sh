# shellcheck shell=bash
# The libFuzzer targets of backend/fuzz/: building them and running one. Sourced by scripts/fuzz
# and scripts/test (suite `fuzz`), after common.sh.
#
# Layout: backend/fuzz/targets/<name>.cpp is a target, backend/fuzz/corpus/<name>/ its committed
# seeds, backend/fuzz/dict/<name>.dict an optional dictionary, backend/fuzz/regressions/<name>/
# the inputs that once crashed it (each replayed before fuzzing). Build and working corpora go
# to build/fuzz/ (git-ignored): new inputs the fuzzer finds land in build/fuzz/corpus/<name>/,
# crashes in build/fuzz/crashes/<name>/.

FUZZ_SOURCE_DIR="$TMEIT_ROOT/backend/fuzz"
FUZZ_BUILD_DIR="$TMEIT_ROOT/build/fuzz"

# fuzz_targets: the target names, one per line.
fuzz_targets() {
  local file
  for file in "$FUZZ_SOURCE_DIR"/targets/*.cpp; do
    basename "$file" .cpp
  done
}

# fuzz_build: configures and builds every target with clang (ASan + UBSan + libFuzzer).
fuzz_build() {
  command -v clang++ >/dev/null || die "clang++ not found (Debian package clang, see scripts/lib/packages.txt)"
  export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$TMEIT_ROOT}" CCACHE_NOHASHDIR="${CCACHE_NOHASHDIR:-1}"
  mkdir -p "$FUZZ_BUILD_DIR"
  info "cmake configure build/fuzz (clang++, ASan + UBSan + libFuzzer)"
  if ! cmake -S "$FUZZ_SOURCE_DIR" -B "$FUZZ_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER=clang++ >"$FUZZ_BUILD_DIR/tmeit-configure.log" 2>&1; then
    cat "$FUZZ_BUILD_DIR/tmeit-configure.log" >&2
    return 1
  fi
  info "cmake build build/fuzz"
  cmake --build "$FUZZ_BUILD_DIR" --parallel "$(nproc)"
}

# fuzz_run NAME SECONDS: replays NAME's regression inputs, then fuzzes it for SECONDS from its
# seeds and working corpus. Fails on any crash, leak, timeout or sanitizer report.
fuzz_run() {
  local name=$1 seconds=$2
  local bin="$FUZZ_BUILD_DIR/fuzz_$name"
  local work="$FUZZ_BUILD_DIR/corpus/$name" crashes="$FUZZ_BUILD_DIR/crashes/$name"
  local seeds="$FUZZ_SOURCE_DIR/corpus/$name" regressions="$FUZZ_SOURCE_DIR/regressions/$name"
  [[ -x "$bin" ]] || die "no $bin (fuzz_build first)"
  mkdir -p "$work" "$crashes"
  local common=(-timeout=10 -rss_limit_mb=2048 "-artifact_prefix=$crashes/")
  if [[ -f "$FUZZ_SOURCE_DIR/dict/$name.dict" ]]; then
    common+=("-dict=$FUZZ_SOURCE_DIR/dict/$name.dict")
  fi
  local inputs=()
  if [[ -d "$regressions" ]]; then
    mapfile -t inputs < <(find "$regressions" -type f | sort)
  fi
  if ((${#inputs[@]} > 0)); then
    info "$name: replaying ${#inputs[@]} regression inputs"
    "$bin" "${common[@]}" "${inputs[@]}" || return 1
  fi
  info "$name: fuzzing for ${seconds}s (seeds: ${seeds#"$TMEIT_ROOT"/})"
  # The working corpus comes first: libFuzzer writes what it finds there, never into the seeds.
  if ! "$bin" "${common[@]}" -max_total_time="$seconds" -print_final_stats=1 "$work" "$seeds"; then
    warn "$name: crash (input in ${crashes#"$TMEIT_ROOT"/}/). Reproduce: $bin <input>;" \
      "then add the input to ${regressions#"$TMEIT_ROOT"/}/ and a unit test of the fix."
    return 1
  fi
}
