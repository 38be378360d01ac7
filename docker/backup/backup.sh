#!/bin/sh
# The compose `backup` service: pg_dump 17 (custom format) of the whole database as the owner role,
# every BACKUP_INTERVAL_SECONDS (default a day), into /backups; dumps older than BACKUP_KEEP_DAYS
# (default 14) are deleted. A dump is written under a temporary name and renamed when complete.
# Restore: docs/operations.md.
set -eu
interval="${BACKUP_INTERVAL_SECONDS:-86400}"
keep_days="${BACKUP_KEEP_DAYS:-14}"
while :; do
  file="/backups/sitecare-$(date -u +%Y%m%dT%H%M%SZ).dump"
  if pg_dump --format=custom --file="$file.partial" && mv "$file.partial" "$file"; then
    echo "backup: wrote $file ($(du -h "$file" | cut -f1))"
  else
    echo "backup: pg_dump failed; next try in ${interval}s" >&2
    rm -f "$file.partial"
  fi
  find /backups -name 'sitecare-*.dump' -mtime "+$keep_days" -delete
  sleep "$interval"
done
