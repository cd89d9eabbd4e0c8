#!/usr/bin/env bash
# Backs up one town: its schema only, in pg_dump's custom format (compressed, restorable
# object by object). Usage:
#   deploy/backup-tenant.sh <tenant-schema> <file> [database-url]
# The database URL defaults to PORTAL_DATABASE_URL (or the cluster URL of the town, for a
# town whose file names a databaseCluster). The file appears only once the dump is complete
# and readable, so a cron job never leaves a half-written backup under the final name.
set -euo pipefail

schema=${1:?usage: backup-tenant.sh <tenant-schema> <file> [database-url]}
file=${2:?usage: backup-tenant.sh <tenant-schema> <file> [database-url]}
url=${3:-${PORTAL_DATABASE_URL:?PORTAL_DATABASE_URL is not set and no database URL was given}}

if [[ ! $schema =~ ^[a-z][a-z0-9_]{0,62}$ ]]; then
    echo "nom de schéma invalide : $schema" >&2
    exit 2
fi
exists=$(psql -X -q -tA -v ON_ERROR_STOP=1 --dbname="$url" -c "SELECT 1 FROM pg_namespace WHERE nspname = '$schema'")
if [ "$exists" != 1 ]; then
    echo "le schéma $schema n'existe pas dans cette base" >&2
    exit 1
fi

partial="$file.partial"
trap 'rm -f "$partial"' EXIT
# --no-owner/--no-privileges: the dump restores under whatever role runs the restore.
pg_dump --dbname="$url" --schema="$schema" --format=custom --no-owner --no-privileges --file="$partial"
pg_restore --list "$partial" >/dev/null
mv "$partial" "$file"
echo "$schema sauvegardé dans $file ($(stat -c %s "$file") octets)"
