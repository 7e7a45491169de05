#!/usr/bin/env bash
# ./startdev.sh: start the Kind + Tilt dev environment (docs/howto-dev.md). Creates the kind
# cluster from deploy/kind/cluster.yaml if it is not there, then runs `tilt up`, which builds
# the image, deploys the dev overlay and keeps them up to date. Ctrl-C stops Tilt (the cluster
# keeps running); `tilt down` removes the app, `kind delete cluster --name tmeit` the cluster.
# Arguments are passed to `tilt up`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

for tool in docker kind kubectl tilt; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "startdev.sh: $tool is not installed (see docs/howto-dev.md)" >&2
    exit 1
  }
done

cluster=tmeit
if ! kind get clusters 2>/dev/null | grep -qx "$cluster"; then
  echo "==> creating kind cluster '$cluster' (a minute or two the first time)"
  kind create cluster --config deploy/kind/cluster.yaml --wait 5m
fi
kubectl config use-context "kind-$cluster" >/dev/null

# Tilt watches many files; a low inotify limit shows up as "too many open files".
watches="$(cat /proc/sys/fs/inotify/max_user_watches 2>/dev/null || echo 0)"
if ((watches > 0 && watches < 12288)); then
  echo "!! fs.inotify.max_user_watches is $watches: if Tilt fails with 'too many open files'," >&2
  echo "!! run: sudo sysctl -w fs.inotify.max_user_watches=12288 fs.inotify.max_user_instances=1024" >&2
fi

exec tilt up "$@"
