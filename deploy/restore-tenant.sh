#!/usr/bin/env bash
# Restores one town from a file made by backup-tenant.sh, into a database where its schema
# does not exist (a fresh cluster, or after renaming the damaged schema aside). Usage:
#   deploy/restore-tenant.sh <file> [database-url]
# The database URL defaults to PORTAL_DATABASE_URL. Everything is restored in one transaction:
# on any error nothing is left behind. Afterwards run `portal migrate`, which registers the
# town in platform.tenants and applies the migrations newer than the backup.
set -euo pipefail

file=${1:?usage: restore-tenant.sh <file> [database-url]}
url=${2:-${PORTAL_DATABASE_URL:?PORTAL_DATABASE_URL is not set and no database URL was given}}
psql=(psql -X -q -tA -v ON_ERROR_STOP=1 --dbname="$url")

schema=$(pg_restore --list "$file" | awk '$4 == "SCHEMA" && !found { print $6; found = 1 }')
if [[ ! $schema =~ ^[a-z][a-z0-9_]{0,62}$ ]]; then
    echo "$file : aucun schéma de commune dans cette sauvegarde" >&2
    exit 1
fi
if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_namespace WHERE nspname = '$schema'")" = 1 ]; then
    echo "le schéma $schema existe déjà : renommez-le d'abord (ALTER SCHEMA $schema RENAME TO ${schema}_avant) puis relancez" >&2
    exit 1
fi
# Towns' tables use pgcrypto from the public schema; it is a trusted extension, so the
# database owner may create it.
"${psql[@]}" -c "CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public"
pg_restore --dbname="$url" --no-owner --no-privileges --exit-on-error --single-transaction "$file"
echo "$schema restauré ; lancez maintenant : portal migrate"
