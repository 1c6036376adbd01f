#!/usr/bin/env bash
# Restores a backup made by scripts/backup.sh.
#   A .dump into the PostgreSQL database of DATABASE_URL (or DATABASE_HOST/... parts), which
#   should be new and empty (createdb first); the service then starts on it as it was.
#   A .tar.gz into the data folder (embedded mode, DATA_DIR, default ./data), which must be absent or empty.
# Usage: scripts/restore.sh <backup file>
set -euo pipefail

file=${1:?usage: scripts/restore.sh <backup file>}
[[ -f "$file" ]] || { echo "no such backup: $file" >&2; exit 1; }

case "$file" in
  *.dump)
    if [[ -n "${DATABASE_URL:-}" ]]; then
      target=(--dbname="$DATABASE_URL")
    elif [[ -n "${DATABASE_HOST:-}" ]]; then
      export PGHOST="$DATABASE_HOST" PGPORT="${DATABASE_PORT:-5432}" PGUSER="${DATABASE_USER:-postgres}"
      if [[ -n "${DATABASE_PASSWORD_FILE:-}" ]]; then export PGPASSWORD="$(<"$DATABASE_PASSWORD_FILE")"; else export PGPASSWORD="${DATABASE_PASSWORD:-}"; fi
      target=(--dbname="${DATABASE_NAME:-$PGUSER}")
    else
      echo "set DATABASE_URL (or DATABASE_HOST and its parts) to the database to restore into" >&2
      exit 1
    fi
    # one transaction: a restore that fails leaves the database as it was
    pg_restore --no-owner --no-privileges --single-transaction --exit-on-error "${target[@]}" "$file"
    ;;
  *.tar.gz)
    data=${DATA_DIR:-data}
    if [[ -d "$data" && -n "$(ls -A "$data")" ]]; then
      echo "$data is not empty: move it away first (a restore never overwrites data)" >&2
      exit 1
    fi
    mkdir -p "$data"
    tar -xzf "$file" -C "$data"
    ;;
  *)
    echo "not a backup of scripts/backup.sh: $file" >&2
    exit 1
    ;;
esac
echo "restored: $file"
