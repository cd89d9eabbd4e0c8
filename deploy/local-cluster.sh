#!/usr/bin/env bash
# A private PostgreSQL cluster for development and tests (never for production: it trusts
# every local connection). Usage:
#   deploy/local-cluster.sh start   DIR PORT   # initdb if needed, then start; idempotent;
#                                              # prints `started`, or `running` if it already was
#   deploy/local-cluster.sh stop    DIR
#   deploy/local-cluster.sh restart DIR PORT
#   deploy/local-cluster.sh createdb DIR PORT NAME [--fresh]
# PostgreSQL refuses to run as root, so when started as root the cluster runs as the
# unprivileged `postgres` user (created by Debian's postgresql package).
set -euo pipefail

action=${1:?usage: local-cluster.sh start|stop|restart|createdb DIR [PORT] [NAME]}
dir=$(realpath -m "${2:?missing cluster directory}")
port=${3:-54320}

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$pgbin/pg_ctl" ] || { echo "PostgreSQL introuvable : installez le paquet postgresql" >&2; exit 1; }

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A fresh clone may sit under a 0700 directory (mktemp -d): let the postgres user traverse
# the ancestors, as it must reach the data directory.
open_path() {
    [ "$(id -u)" = 0 ] || return 0
    local p=$1
    while [ "$p" != / ]; do
        p=$(dirname "$p")
        if ! runuser -u postgres -- test -x "$p"; then chmod o+x "$p"; fi
    done
}

start() {
    mkdir -p "$dir"
    open_path "$dir"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$dir"; fi
    chmod 700 "$dir"
    if [ ! -f "$dir/PG_VERSION" ]; then
        as_owner "$pgbin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if as_owner "$pgbin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
        echo running
        return 0
    fi
    as_owner "$pgbin/pg_ctl" -D "$dir" -w -t 60 -l "$dir/server.log" \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=300 -c fsync=on" \
        start >/dev/null
    echo started
}

stop() {
    if [ -f "$dir/PG_VERSION" ] && as_owner "$pgbin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
        as_owner "$pgbin/pg_ctl" -D "$dir" -w -m fast stop >/dev/null
    fi
}

createdb() {
    local name=${4:?missing database name}
    local psql=("$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
    if [ "${5:-}" = --fresh ]; then
        "${psql[@]}" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)"
    fi
    "${psql[@]}" -tA -c "SELECT 1 FROM pg_roles WHERE rolname = 'portal'" | grep -q 1 ||
        "${psql[@]}" -c "CREATE ROLE portal LOGIN"
    "${psql[@]}" -tA -c "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1 ||
        "${psql[@]}" -c "CREATE DATABASE \"$name\" OWNER portal"
}

case $action in
    start) start ;;
    stop) stop ;;
    restart) stop; start >/dev/null ;;
    createdb) createdb "$@" ;;
    *) echo "unknown action: $action" >&2; exit 2 ;;
esac
