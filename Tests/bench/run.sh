#!/usr/bin/env bash
# make bench: migrate and seed a bench database, then measure (see bench.py).
set -euo pipefail
bin=$1
"$bin" migrate >/dev/null
"$bin" seed-demo >/dev/null
exec /usr/bin/python3 "$(dirname "$0")/bench.py" "$bin"
