#!/usr/bin/env bash
# Creates the office's databases once PostgreSQL runs: intake, submission, notification (the services' Flyway makes
# their tables), and gammu's tables in notification's schema gammu, from the pgsql.sql that ships with gammu-smsd,
# as local-stack's GammuSchema does. Safe to run again. Called by install.sh.
set -euo pipefail
etc=${LTSA_ETC:-/etc/ltsa}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-ltsa} PGDATABASE=postgres
export PGPASSWORD=${PGPASSWORD:-$(sed -n 's/^QUARKUS_DATASOURCE_PASSWORD=//p' "$etc/office.env")}
smsd_password=$(sed -n 's/^password *= *//p' "$etc/gammu-smsdrc")
for i in $(seq 30); do pg_isready -q && break; sleep 1; done

for db in intake submission notification; do
  psql -qtAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1 || psql -qc "CREATE DATABASE $db"
done
psql -q -v ON_ERROR_STOP=1 -v pw="$smsd_password" <<'SQL'
SELECT format('CREATE ROLE smsd LOGIN PASSWORD %L', :'pw') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'smsd')
\gexec
ALTER ROLE smsd SET search_path = gammu;
ALTER ROLE smsd SET timezone = 'UTC';
SQL
schema=""
for candidate in /usr/share/doc/gammu-smsd/examples/pgsql.sql /usr/share/doc/gammu-smsd/examples/pgsql.sql.gz \
    /usr/share/doc/gammu/examples/sql/pgsql.sql; do
  [ -f "$candidate" ] && schema=$candidate && break
done
[ -n "$schema" ] || { echo "provision-databases.sh: gammu's pgsql.sql is missing: apt-get install gammu-smsd" >&2; exit 1; }
if ! psql -d notification -qtAc "SELECT 1 FROM pg_namespace WHERE nspname = 'gammu'" | grep -q 1; then
  psql -d notification -qc "CREATE SCHEMA gammu AUTHORIZATION smsd"
  # gammu's file, less its CREATE LANGUAGE plpgsql (built in since PostgreSQL 9.0), run as smsd in its schema
  { echo "SET ROLE smsd; SET search_path = gammu;"
    { case $schema in *.gz) zcat "$schema" ;; *) cat "$schema" ;; esac; } | sed -E '/^\s*CREATE\s+LANGUAGE\s+plpgsql\s*;/Id'
  } | psql -d notification -q -v ON_ERROR_STOP=1
fi
echo "provision-databases.sh: intake, submission, notification and gammu's tables are there"
