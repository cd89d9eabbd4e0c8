#!/usr/bin/env bash
# make bench: migrate a bench database, seed it with generated families (the rush town and the
# staff town, see bench.py), then measure. Results go to .data/bench/.
set -euo pipefail
bin=$1
"$bin" migrate >/dev/null
SECONDS=0
"$bin" seed-demo --families "${BENCH_RUSH_FAMILIES:-5000}" --tenant clermontais | grep familles
"$bin" seed-demo --families "${BENCH_STAFF_FAMILIES:-2000}" --tenant val-de-lauze | grep familles
echo "familles générées en ${SECONDS} s"
exec /usr/bin/python3 "$(dirname "$0")/bench.py" "$bin"
