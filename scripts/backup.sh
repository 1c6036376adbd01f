#!/usr/bin/env bash
# Backs up the service's data.
#   With PostgreSQL (DATABASE_URL, or DATABASE_HOST/_PORT/_USER/_PASSWORD/_NAME): a pg_dump in
#   custom format, consistent while the service runs.
#   Embedded mode (neither set): an archive of the data folder (DATA_DIR, default ./data), which
#   holds the embedded database and the generated secrets; stop the service first.
# Usage: scripts/backup.sh [output file]   (default: backups/reuse-<date>.dump or .tar.gz)
set -euo pipefail

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p backups

if [[ -n "${DATABASE_URL:-}" || -n "${DATABASE_HOST:-}" ]]; then
  out=${1:-backups/reuse-$stamp.dump}
  if [[ -n "${DATABASE_URL:-}" ]]; then
    target=("$DATABASE_URL")
  else
    # libpq reads the parts from its own variables: no URL is assembled from a password
    export PGHOST="$DATABASE_HOST" PGPORT="${DATABASE_PORT:-5432}" PGUSER="${DATABASE_USER:-postgres}"
    export PGDATABASE="${DATABASE_NAME:-$PGUSER}"
    if [[ -n "${DATABASE_PASSWORD_FILE:-}" ]]; then export PGPASSWORD="$(<"$DATABASE_PASSWORD_FILE")"; else export PGPASSWORD="${DATABASE_PASSWORD:-}"; fi
    target=()
  fi
  # custom format: compressed, restorable table by table, into a server of the same or a newer version
  pg_dump --format=custom --no-owner --no-privileges --file="$out.partial" "${target[@]}"
  mv "$out.partial" "$out"
else
  data=${DATA_DIR:-data}
  out=${1:-backups/reuse-$stamp.tar.gz}
  [[ -d "$data" ]] || { echo "no data folder at $data: nothing to back up" >&2; exit 1; }
  tar -czf "$out.partial" -C "$data" .
  mv "$out.partial" "$out"
fi
echo "backup written: $out"
