#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised; the same roles as `sitecare db:provision`.
# - sitecare_owner owns the database and its tables and runs the migrations (DATABASE_MIGRATION_URL):
#   no superuser; BYPASSRLS for the system path (migrations, jobs, the login look-up).
# - sitecare_app is what requests use (DATABASE_URL): no superuser, no BYPASSRLS, owns nothing, so
#   row-level security holds.
# POSTGRES_USER stays the superuser, used by nothing but this script.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v owner_password="$OWNER_DB_PASSWORD" -v app_password="$APP_DB_PASSWORD" -v db="$POSTGRES_DB" <<'SQL'
create role sitecare_owner with login nosuperuser bypassrls nocreaterole nocreatedb password :'owner_password';
create role sitecare_app with login nosuperuser nobypassrls nocreaterole nocreatedb noinherit password :'app_password';
alter database :"db" owner to sitecare_owner;
revoke all on database :"db" from public;
grant connect, temporary on database :"db" to sitecare_app;
alter schema public owner to sitecare_owner;
SQL
