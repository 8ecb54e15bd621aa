#!/usr/bin/env bash
# Makes sure a real PostgreSQL listens on 127.0.0.1:5432 and that the Lumbung role and databases exist.
# Usage: postgres.sh ensure [suffix]    (suffix "_test" creates the test databases)
set -euo pipefail
source "$(dirname "$0")/env.sh"

as_superuser() {
  if psql -h "$PGHOST_LUMBUNG" -p "$PGPORT_LUMBUNG" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    psql -h "$PGHOST_LUMBUNG" -p "$PGPORT_LUMBUNG" -U postgres -d postgres -v ON_ERROR_STOP=1 -tA "$@"
  elif [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
    runuser -u postgres -- psql -d postgres -v ON_ERROR_STOP=1 -tA "$@"
  else
    sudo -u postgres psql -d postgres -v ON_ERROR_STOP=1 -tA "$@"
  fi
}

start_server() {
  if pg_isready -h "$PGHOST_LUMBUNG" -p "$PGPORT_LUMBUNG" -q 2>/dev/null; then
    return
  fi
  if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    log "installing PostgreSQL from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends postgresql postgresql-contrib >/dev/null
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  if ! pg_lsclusters -h 2>/dev/null | grep -q .; then
    pg_createcluster "$version" main >/dev/null
  fi
  log "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main start
  for _ in $(seq 1 30); do
    pg_isready -h "$PGHOST_LUMBUNG" -p "$PGPORT_LUMBUNG" -q && return
    sleep 1
  done
  echo "PostgreSQL did not come up on $PGHOST_LUMBUNG:$PGPORT_LUMBUNG" >&2
  exit 1
}

# Bulk imports, projections and batch runs grow tables by millions of rows between two statements: the planner
# needs the statistics autovacuum keeps (without them a status check scans every list entry). Some CI images
# switch it off; a server that runs Lumbung has it on.
ensure_autovacuum() {
  if [ "$(as_superuser -c 'show autovacuum')" != on ]; then
    log "switching PostgreSQL autovacuum on (ALTER SYSTEM; it was off in the server's configuration)"
    as_superuser -c "alter system set autovacuum = on" >/dev/null
    as_superuser -c "select pg_reload_conf()" >/dev/null
  fi
}

# A bulk import writes a million families with their indexes, history and events in minutes: the Debian
# defaults (128 MB of shared buffers, a checkpoint every 1 GB of WAL) make it re-read and re-log index pages
# over and over. Raised, never lowered; shared_buffers needs one restart of the server.
ensure_bulk_settings() {
  local reload=no
  if [ "$(as_superuser -c "select setting::int < 8192 from pg_settings where name = 'max_wal_size'")" = t ]; then
    as_superuser -c "alter system set max_wal_size = '8GB'" >/dev/null
    reload=yes
  fi
  if [ "$(as_superuser -c "select setting::int < 1800 from pg_settings where name = 'checkpoint_timeout'")" = t ]; then
    as_superuser -c "alter system set checkpoint_timeout = '30min'" >/dev/null
    reload=yes
  fi
  [ "$reload" = yes ] && as_superuser -c "select pg_reload_conf()" >/dev/null
  local restart=no
  if [ "$(as_superuser -c "select setting::bigint * 8192 < 2147483648 from pg_settings where name = 'shared_buffers'")" = t ]; then
    log "raising PostgreSQL shared_buffers to 2GB (ALTER SYSTEM)"
    as_superuser -c "alter system set shared_buffers = '2GB'" >/dev/null
    restart=yes
  fi
  # pg_stat_statements: what each statement of a bench or a production day costs (BENCHMARKS.md, profiling)
  if [ "$(as_superuser -c "select setting like '%pg_stat_statements%' from pg_settings where name = 'shared_preload_libraries'")" != t ]; then
    log "loading pg_stat_statements (ALTER SYSTEM shared_preload_libraries)"
    as_superuser -c "alter system set shared_preload_libraries = 'pg_stat_statements'" >/dev/null
    restart=yes
  fi
  if [ "$restart" = yes ]; then
    log "restarting PostgreSQL for its new settings"
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -1)
    pg_ctlcluster --skip-systemctl-redirect "$version" main restart 2>/dev/null || pg_ctlcluster "$version" main restart \
      || log "could not restart PostgreSQL: the new settings take effect at its next start"
    for _ in $(seq 1 30); do
      pg_isready -h "$PGHOST_LUMBUNG" -p "$PGPORT_LUMBUNG" -q && break
      sleep 1
    done
  fi
}

ensure() {
  local suffix="${1:-}"
  start_server
  ensure_autovacuum
  ensure_bulk_settings
  as_superuser <<SQL >/dev/null
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$DB_USER') then
    create role $DB_USER login password '$DB_PASSWORD';
  end if;
end \$\$;
SQL
  # The bulk import merges fresh families with their foreign keys checked by construction (README, bulk import):
  # it may switch the session to replica mode, as pg_restore --disable-triggers does. PostgreSQL 15 or newer.
  as_superuser -c "grant set on parameter session_replication_role to $DB_USER" >/dev/null 2>&1 || true
  # the bench reads and resets the statement statistics of every database as the Lumbung role
  as_superuser -c "create extension if not exists pg_stat_statements" >/dev/null 2>&1 || true
  as_superuser -c "grant pg_read_all_stats to $DB_USER" >/dev/null 2>&1 || true
  as_superuser -c "grant execute on function pg_stat_statements_reset(oid, oid, bigint) to $DB_USER" >/dev/null 2>&1 || true
  for service in "${SERVICES[@]}" platform; do
    [ "$service" = platform ] && [ "$suffix" != _test ] && continue
    local db="lumbung_${service}${suffix}"
    if [ -z "$(as_superuser -c "select 1 from pg_database where datname = '$db'")" ]; then
      as_superuser -c "create database $db owner $DB_USER" >/dev/null
    fi
    # Extensions need a superuser; the services only use them.
    as_superuser -d "$db" -c "create extension if not exists pg_trgm" >/dev/null 2>&1 || \
      runuser -u postgres -- psql -d "$db" -qc "create extension if not exists pg_trgm" >/dev/null
  done
}

# Stops the server as a crash would (immediate: no checkpoint, recovery from the WAL at start); `start` brings it
# back. The chaos run uses both, and looks at the services while the database is away.
crash() {
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  log "crashing PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main stop -m immediate || pg_ctlcluster "$version" main stop -m immediate
}

crash_restart() {
  crash
  start_server
}

# Drops and recreates the test databases, so every test run starts from empty schemas.
reset_tests() {
  start_server
  for service in "${SERVICES[@]}" platform; do
    as_superuser -c "drop database if exists lumbung_${service}_test with (force)" >/dev/null
  done
  ensure _test
}

case "${1:-ensure}" in
  ensure) ensure "${2:-}" ;;
  reset-tests) reset_tests ;;
  crash-restart) crash_restart ;;
  crash) crash ;;
  start) start_server ;;
  *) echo "usage: $0 ensure [_test] | reset-tests | crash | start | crash-restart" >&2; exit 2 ;;
esac
