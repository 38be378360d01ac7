#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: the application role that Sitecare's
# requests use. It is no superuser, has no BYPASSRLS and owns nothing, so row-level security holds.
# The tables' owner is POSTGRES_USER, which runs the migrations (DATABASE_MIGRATION_URL).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v app_password="$APP_DB_PASSWORD" <<'SQL'
create role sitecare_app with login nosuperuser nobypassrls nocreaterole nocreatedb noinherit password :'app_password';
grant connect, temporary on database sitecare to sitecare_app;
SQL
