#!/bin/sh
# Entry of the `audit-ready` pre-commit hook (.pre-commit-hooks.yaml, language: script).
# pre-commit runs it from its own clone of this repository: the first run builds the CLI
# there (npm ci, which runs the `prepare` build), later runs start it directly. Arguments
# (the command, options and the staged file names) are passed on to the CLI unchanged.
set -e
repo="$(cd "$(dirname "$0")/../.." && pwd)"
if [ ! -f "$repo/dist/cli.js" ] || [ ! -f "$repo/dist/scanWorker.js" ]; then
  echo "audit-ready: first run, building the CLI in $repo (npm ci)..." >&2
  (cd "$repo" && npm ci --no-audit --no-fund --loglevel=error 1>&2)
fi
exec node "$repo/dist/cli.js" "$@"
