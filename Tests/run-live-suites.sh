#!/usr/bin/env bash
# Runs the suites that need the real server: browser journeys (Tests/e2e) and hostile
# input against the running system (Tests/security), and the operator commands and
# deployment scripts (Tests/operations). Starts the server on PORTAL_LISTEN
# with a freshly migrated, seeded database and stops it afterwards, whatever happens.
# Usage: run-live-suites.sh BIN VENV [SUITE...]   (default: cli, e2e, security and operations)
set -euo pipefail
bin=$1
venv=$2
shift 2
if [ $# -gt 0 ]; then suites=("$@"); else suites=(Tests/cli Tests/e2e Tests/security Tests/operations); fi
log=${PORTAL_MAIL_DIR%/*}/live-server.log
# The database is fresh, so the mailbox must be too: journeys look their e-mails up by subject.
rm -rf "$PORTAL_MAIL_DIR"
mkdir -p "$PORTAL_MAIL_DIR"

"$bin" migrate
"$bin" seed-demo
"$bin" serve >"$log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
    curl -fs "http://$PORTAL_LISTEN/healthz" >/dev/null 2>&1 && break
    kill -0 $server 2>/dev/null || { cat "$log"; echo "le serveur s'est arrêté au démarrage" >&2; exit 1; }
    sleep 0.2
done

export PORTAL_E2E_ADDRESS=$PORTAL_LISTEN
# Tests/operations and Tests/security/test_faults.py start servers, clusters and databases
# of their own with this binary.
export PORTAL_BIN=$bin
# Temporary directories (private clusters among them) beside the mailbox rather than in
# /tmp/pytest-of-<user>, where another pytest run on the machine rotates them away mid-run.
"$venv/bin/pytest" -q -p no:cacheprovider --basetemp "${PORTAL_MAIL_DIR%/*}/pytest" "${suites[@]}"
