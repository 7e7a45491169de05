# shellcheck shell=bash
# What the benchmark scripts share (scripts/bench, bench-hardening, bench-photos): a private
# PostgreSQL with a migrated database `bench`, and waiting for a server to be ready. Source it
# after common.sh; the caller's EXIT trap stops the cluster with bench_stop_postgres.

# bench_postgres DIR TMEIT_BIN: a new cluster in DIR on a free port (PG_PORT), a database
# `bench` migrated by TMEIT_BIN, exported as DATABASE_URL.
bench_postgres() {
  local dir=$1 bin=$2
  PG_PORT="$(free_port "")"
  "$TMEIT_ROOT/scripts/pg-cluster" init "$dir"
  "$TMEIT_ROOT/scripts/pg-cluster" start "$dir" "$PG_PORT"
  psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "CREATE DATABASE bench" >/dev/null
  export DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/bench"
  "$bin" migrate up >/dev/null
}

# bench_stop_postgres DIR: stops the cluster bench_postgres started (quietly; for EXIT traps).
bench_stop_postgres() {
  "$TMEIT_ROOT/scripts/pg-cluster" stop "$1" fast >/dev/null 2>&1 || true
}

# bench_wait_ready PORT: waits up to 10 s for GET /ready to answer 200 on 127.0.0.1:PORT.
bench_wait_ready() {
  local _
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$1/ready" >/dev/null && return 0
    sleep 0.1
  done
  die "the server on port $1 did not become ready in 10 s"
}
