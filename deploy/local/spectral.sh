#!/usr/bin/env bash
# Spectral for the OpenAPI contract check of the test suite: Node.js from Debian when missing, the locked
# packages of tools/spectral from npm. Prints the path of the spectral command.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TOOL="$ROOT/tools/spectral"

if ! command -v npm >/dev/null 2>&1; then
  echo "installing Node.js from Debian packages" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
if [ ! -x "$TOOL/node_modules/.bin/spectral" ]; then
  echo "installing Spectral (tools/spectral/package-lock.json)" >&2
  (cd "$TOOL" && npm ci --no-audit --no-fund --ignore-scripts >&2)
fi
echo "$TOOL/node_modules/.bin/spectral"
