#!/usr/bin/env bash
# Creates the PostgreSQL role and database of the portal on a production cluster. Run it as
# the cluster's superuser, on the database server:
#   sudo -u postgres deploy/setup-postgres.sh [role] [database]      (default: portail portail)
# Connection settings come from the usual PGHOST/PGPORT/PGUSER variables. Safe to run again:
# an existing role keeps its password unless RESET_PASSWORD=1. It prints the line to put in
# /etc/portail-famille/portail-famille.env.
set -euo pipefail

role=${1:-portail}
database=${2:-$role}
for name in "$role" "$database"; do
    if [[ ! $name =~ ^[a-z][a-z0-9_]{0,62}$ ]]; then
        echo "nom invalide : $name (minuscules, chiffres et _)" >&2
        exit 2
    fi
done
psql=(psql -X -q -tA -v ON_ERROR_STOP=1 --dbname=postgres)

password=""
# 24 random bytes in hex: nothing to escape in SQL or in a URL.
new_password() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }
if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = '$role'")" != 1 ]; then
    password=$(new_password)
    # On standard input, not the command line, so that `ps` never shows the password.
    "${psql[@]}" <<<"CREATE ROLE $role LOGIN PASSWORD '$password'"
    echo "rôle $role créé"
elif [ "${RESET_PASSWORD:-0}" = 1 ]; then
    password=$(new_password)
    "${psql[@]}" <<<"ALTER ROLE $role PASSWORD '$password'"
    echo "mot de passe du rôle $role changé"
else
    echo "rôle $role déjà présent (mot de passe inchangé ; RESET_PASSWORD=1 pour en tirer un nouveau)"
fi
# The portal's role owns its database and nothing else: no superuser, no role creation.
"${psql[@]}" -c "ALTER ROLE $role NOSUPERUSER NOCREATEDB NOCREATEROLE"

if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
    "${psql[@]}" -c "CREATE DATABASE $database OWNER $role ENCODING 'UTF8' TEMPLATE template0"
    echo "base $database créée"
fi
"${psql[@]}" -c "REVOKE ALL ON DATABASE $database FROM PUBLIC"
"${psql[@]}" -c "GRANT CONNECT, TEMPORARY ON DATABASE $database TO $role"
in_db=(psql -X -q -tA -v ON_ERROR_STOP=1 --dbname="$database")
"${in_db[@]}" -c "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public"
"${in_db[@]}" -c "REVOKE CREATE ON SCHEMA public FROM PUBLIC"

host=${PGHOST:-127.0.0.1}
case $host in /*) host=127.0.0.1 ;; esac
echo "À mettre dans /etc/portail-famille/portail-famille.env :"
echo "PORTAL_DATABASE_URL=postgresql://$role:${password:-<mot de passe existant>}@$host:${PGPORT:-5432}/$database"
