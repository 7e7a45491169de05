# shellcheck shell=bash
# A throwaway copy of the whole platform for scripts that drive it from outside (scripts/e2e,
# scripts/lighthouse): sourced after common.sh, never run.
#
#   platform_build                 packages, the backend binary ($TMEIT_BIN or build/release),
#                                  frontend/dist
#   platform_build_backend         the same without the frontend (the site serves the API only)
#   platform_start DIR             PostgreSQL, a test SMTP server writing mail to DIR/mail,
#                                  object storage (photos) in the folder DIR/storage,
#                                  tmeit serve and tmeit worker; exports TMEIT_PUBLIC_URL,
#                                  TMEIT_ADMIN_EMAIL, TMEIT_ADMIN_PASSWORD; logs in DIR/*.log
#   platform_stop                  stops all of it (call it from an EXIT trap)

PLATFORM_PIDS=()
PLATFORM_PG_DIR=""

platform_stop() {
  local pid
  for pid in "${PLATFORM_PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PLATFORM_PIDS=()
  if [[ -n "$PLATFORM_PG_DIR" ]]; then
    "$TMEIT_ROOT/scripts/pg-cluster" stop "$PLATFORM_PG_DIR" fast || true
    PLATFORM_PG_DIR=""
  fi
}

# _platform_spawn DIR NAME cmd...: runs cmd in the background, its output in DIR/NAME.log.
_platform_spawn() {
  local dir=$1 name=$2
  shift 2
  "$@" >"$dir/$name.log" 2>&1 &
  PLATFORM_PIDS+=("$!")
  info "started $name (pid $!)"
}

# _platform_wait_for URL PID: until URL answers, or the process behind it has died.
_platform_wait_for() {
  local i
  for ((i = 0; i < 300; i++)); do
    curl -fsS -o /dev/null --max-time 1 "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || die "the process behind $1 died: see its log"
    sleep 0.1
  done
  die "$1 does not answer"
}

# platform_build_backend: the packages and the backend binary, without the frontend (the site
# then serves the API only).
platform_build_backend() {
  step "Checking system packages"
  ensure_project_packages
  if [[ -z "${TMEIT_BIN:-}" ]]; then
    step "Building the backend (build/release)"
    cmake_build --target tmeit release
    TMEIT_BIN="$TMEIT_ROOT/build/release/backend/tmeit"
  fi
  [[ -x "$TMEIT_BIN" ]] || die "no backend binary at $TMEIT_BIN"
}

platform_build() {
  platform_build_backend
  step "Building the frontend (frontend/dist)"
  build_frontend_dist >/dev/null
}

platform_start() {
  local dir=$1 pg_port http_port smtp_port worker_port metrics_port
  step "Starting PostgreSQL, a test SMTP server, tmeit serve and tmeit worker"
  mkdir -p "$dir"
  rm -rf "$dir/mail"
  mkdir -p "$dir/mail"
  pg_port="$(free_port "")"
  TMEIT_PG_FAST=1 "$TMEIT_ROOT/scripts/pg-cluster" init "$dir/pg"
  "$TMEIT_ROOT/scripts/pg-cluster" start "$dir/pg" "$pg_port"
  PLATFORM_PG_DIR="$dir/pg"
  /usr/lib/postgresql/15/bin/dropdb -h 127.0.0.1 -p "$pg_port" -U postgres --if-exists tmeit
  /usr/lib/postgresql/15/bin/createdb -h 127.0.0.1 -p "$pg_port" -U postgres tmeit

  http_port="$(free_port "")"
  smtp_port="$(free_port "")"
  worker_port="$(free_port "")"
  metrics_port="$(free_port "")"
  export DATABASE_URL="postgresql://postgres@127.0.0.1:$pg_port/tmeit"
  export PORT="$http_port" TMEIT_BIND_ADDRESS=127.0.0.1 TMEIT_WORKER_PORT="$worker_port"
  export TMEIT_METRICS_PORT="$metrics_port"
  export TMEIT_JWT_SECRET TMEIT_ADMIN_PASSWORD TMEIT_ADMIN_EMAIL=admin@tmeit.local
  TMEIT_JWT_SECRET="$(random_token 48)"
  TMEIT_ADMIN_PASSWORD="$(random_token 15)"
  if [[ -f "$TMEIT_ROOT/frontend/dist/index.html" ]]; then
    export TMEIT_STATIC_DIR="$TMEIT_ROOT/frontend/dist"
  else
    unset TMEIT_STATIC_DIR
  fi
  export TMEIT_MIGRATIONS_DIR="$TMEIT_ROOT/db/migrations"
  export TMEIT_PUBLIC_URL="http://127.0.0.1:$http_port"
  export TMEIT_SMTP_URL="smtp://127.0.0.1:$smtp_port"
  export TMEIT_WORKER_POLL_MS=200 TMEIT_MAIL_RETRY_BASE_MS=500 TMEIT_PASSWORD_THREADS=1
  # Photos (issue 14) in a folder of this run, as ./scripts/run keeps them; emptied each run.
  export TMEIT_STORAGE_BACKEND=folder TMEIT_STORAGE_DIR="$dir/storage"
  rm -rf "$dir/storage"
  mkdir -p "$dir/storage"

  "$TMEIT_BIN" migrate up >"$dir/migrate.log"
  "$TMEIT_BIN" seed >"$dir/seed.log"
  # Debian's python3, which has python3-aiosmtpd (not a pyenv or venv one that may be first).
  _platform_spawn "$dir" smtp-sink /usr/bin/python3 \
    "$TMEIT_ROOT/backend/tests/support/smtp_sink.py" "$smtp_port" "$dir/mail"
  _platform_spawn "$dir" serve "$TMEIT_BIN" serve
  _platform_wait_for "$TMEIT_PUBLIC_URL/ready" "${PLATFORM_PIDS[-1]}"
  _platform_spawn "$dir" worker "$TMEIT_BIN" worker
  _platform_wait_for "http://127.0.0.1:$worker_port/health" "${PLATFORM_PIDS[-1]}"
}
