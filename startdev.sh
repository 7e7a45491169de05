#!/usr/bin/env bash
# ./startdev.sh: start the Kind + Tilt dev environment (docs/howto-dev.md). Creates the kind
# cluster from deploy/kind/cluster.yaml if it is not there, then runs `tilt up`, which builds
# the image, deploys the dev overlay and keeps them up to date. Ctrl-C stops Tilt (the cluster
# keeps running); `tilt down` removes the app, `kind delete cluster --name tmeit` the cluster.
# Arguments are passed to `tilt up`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

missing=()
for tool in docker kind kubectl tilt node npm; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if ((${#missing[@]} > 0)); then
  echo "startdev.sh: not installed: ${missing[*]} (docs/howto-dev.md, step 1)" >&2
  exit 1
fi
# Installed is not running: kind and Tilt's image builds need the Docker daemon.
if ! docker info >/dev/null 2>&1; then
  echo "startdev.sh: Docker is installed but not running (or this user may not use it): start it first" >&2
  exit 1
fi
node_major="$(node --version | sed 's/^v\([0-9]*\).*/\1/')"
if ((node_major < 20)); then
  echo "startdev.sh: Node.js $(node --version) is too old: Tilt builds the frontend with Node.js 20 or newer" >&2
  exit 1
fi

cluster=tmeit
if ! kind get clusters 2>/dev/null | grep -qx "$cluster"; then
  echo "==> creating kind cluster '$cluster' (a minute or two the first time)"
  kind create cluster --config deploy/kind/cluster.yaml --wait 5m
fi
# Tilt deploys to the current context: say so when this changes it.
context="kind-$cluster"
previous="$(kubectl config current-context 2>/dev/null || echo none)"
if [[ "$previous" != "$context" ]]; then
  echo "==> switching kubectl's context from '$previous' to '$context' (switch back: kubectl config use-context $previous)"
fi
kubectl config use-context "$context" >/dev/null

# Tilt watches many files; a low inotify limit shows up as "too many open files".
watches="$(cat /proc/sys/fs/inotify/max_user_watches 2>/dev/null || echo 0)"
if ((watches > 0 && watches < 12288)); then
  echo "!! fs.inotify.max_user_watches is $watches: if Tilt fails with 'too many open files'," >&2
  echo "!! run: sudo sysctl -w fs.inotify.max_user_watches=12288 fs.inotify.max_user_instances=1024" >&2
fi

exec tilt up "$@"
