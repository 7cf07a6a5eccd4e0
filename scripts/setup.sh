#!/usr/bin/env bash
# Fresh-clone setup: make sure pnpm 12 is there, install every dependency, build every package.
set -euo pipefail
cd "$(dirname "$0")/.."
export TURBO_TELEMETRY_DISABLED=1
# corepack 0.34 ships stale npm signing keys; skipping its key check is the documented workaround.
export COREPACK_INTEGRITY_KEYS=0

if ! pnpm --version >/dev/null 2>&1; then
  corepack enable pnpm >/dev/null 2>&1 || true
  if ! pnpm --version >/dev/null 2>&1; then
    echo "corepack could not provide pnpm; installing pnpm@12.21.0 with npm" >&2
    npm install -g pnpm@12.21.0 --loglevel=error
  fi
fi
echo "pnpm $(pnpm --version)"
pnpm install --frozen-lockfile
pnpm build
