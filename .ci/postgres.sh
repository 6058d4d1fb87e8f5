#!/usr/bin/env bash
# Sourced by .ci/run: makes a local PostgreSQL available to the scim-jdbc and examples integration tests; exports
# SCIMKIT_PG_URL, SCIMKIT_PG_USER, SCIMKIT_PG_PASSWORD. Installs Debian's postgresql package when it is
# missing (as root), starts the newest installed cluster, creates the role and database; every step is
# idempotent and quick when PostgreSQL is already there. Never fatal: without PostgreSQL the tests that
# need it are reported as skipped, with the reason.

scimkit_postgres() {
    if [ -n "${SCIMKIT_PG_URL:-}" ]; then
        echo "postgres: using SCIMKIT_PG_URL from the environment"
        return 0
    fi
    if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
        if [ "$(id -u)" != "0" ]; then
            echo "postgres: not installed and not root; PostgreSQL tests will be skipped" >&2
            return 1
        fi
        echo "postgres: installing Debian's postgresql package"
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null || return 1
    fi
    local version
    version="$(ls /usr/lib/postgresql | sort -V | tail -n 1)"
    if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -qx "$version main"; then
        pg_createcluster "$version" main >/dev/null || return 1
    fi
    if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
        pg_ctlcluster "$version" main start || return 1
    fi
    local port
    port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
    for _ in $(seq 1 30); do
        pg_isready -q -h 127.0.0.1 -p "$port" && break
        sleep 1
    done
    su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" <<'SQL' || return 1
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'scimkit') THEN
    CREATE ROLE scimkit LOGIN PASSWORD 'scimkit';
  END IF;
END $$;
SELECT 'CREATE DATABASE scimkit OWNER scimkit'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'scimkit')\gexec
SQL
    export SCIMKIT_PG_URL="jdbc:postgresql://127.0.0.1:${port}/scimkit"
    export SCIMKIT_PG_USER=scimkit
    export SCIMKIT_PG_PASSWORD=scimkit
    echo "postgres: PostgreSQL $version on port $port; SCIMKIT_PG_URL=$SCIMKIT_PG_URL"
}

scimkit_postgres || echo "postgres: not available; the PostgreSQL integration tests will be reported as skipped" >&2
