#!/usr/bin/env bash
# Installs and configures, idempotently, PostgreSQL 15 + pgvector on Debian 12 for tests and
# production-like runs: cluster "15 main" on 127.0.0.1, an owner role that runs migrations, an
# application role that owns nothing and cannot bypass row-level security, and two databases.
# Must run as root. Progress, and anything the tools it calls print, goes to stderr; stdout is only
# the connection strings as shell-quoted exports, ready to source:
#   export ADR_PG_OWNER=...  ADR_PG_APP=...  ADR_PG_TEST_OWNER=...  ADR_PG_TEST_APP=...
set -euo pipefail

PG_MAJOR=15
PG_CLUSTER=main
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin
PG_CONFIG=$PG_BIN/pg_config

PORT=${ADR_PG_PORT:-5432}
OWNER_ROLE=${ADR_PG_OWNER_ROLE:-adr_owner}
OWNER_PASSWORD=${ADR_PG_OWNER_PASSWORD:-adr_owner_dev}
APP_ROLE=${ADR_PG_APP_ROLE:-adr_app}
APP_PASSWORD=${ADR_PG_APP_PASSWORD:-adr_app_dev}
DATABASE=${ADR_PG_DATABASE:-adrplatform}
TEST_DATABASE=${ADR_PG_TEST_DATABASE:-${DATABASE}_test}
# pgvector is not packaged for bookworm: its source package is taken from this suite and built here.
PGVECTOR_SUITE=${ADR_PGVECTOR_SUITE:-trixie}
work=""  # pgvector's build directory, removed on exit

export DEBIAN_FRONTEND=noninteractive

log() { echo "== $*" >&2; }
die() { echo "install-postgres: $*" >&2; exit 1; }

package_installed() {
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null)" = installed ]
}

apt_install() {
  local missing=() pkg
  for pkg in "$@"; do package_installed "$pkg" || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

install_server() {
  if [ -x "$PG_BIN/postgres" ] && [ -x "$PG_CONFIG" ] && command -v pg_ctlcluster >/dev/null; then
    return 0
  fi
  apt_install "postgresql-$PG_MAJOR" "postgresql-client-$PG_MAJOR"
}

vector_installed() {
  [ -f "$("$PG_CONFIG" --sharedir)/extension/vector.control" ]
}

# The Debian mirror that serves this machine's own release (bookworm), as apt already uses it.
debian_mirror() {
  local codename
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 2>/dev/null |
    awk -v rel="$codename" '$2 == rel { print $1; exit }'
}

install_pgvector() {
  vector_installed && return 0
  apt_install "postgresql-server-dev-$PG_MAJOR" build-essential make gcc dpkg-dev

  local mirror
  mirror=${ADR_PG_DEBSRC_MIRROR:-$(debian_mirror)}
  [ -n "$mirror" ] || die "no Debian mirror found in the apt sources; set ADR_PG_DEBSRC_MIRROR"
  work=$(mktemp -d /tmp/adr-pgvector.XXXXXX)
  trap 'rm -rf "$work"' EXIT
  log "building pgvector from $PGVECTOR_SUITE's source package ($mirror)"

  # A private apt configuration that sees only one deb-src line and keeps its lists and caches in
  # $work: the system's sources, lists and caches never learn about the other suite, so no binary
  # package from it can ever be installed.
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/parts" "$work/src"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $PGVECTOR_SUITE main" \
    >"$work/sources.list"
  local apt_src=(
    -o "Dir::Etc::SourceList=$work/sources.list"
    -o "Dir::Etc::SourceParts=$work/parts"
    -o "Dir::State::Lists=$work/lists"
    -o "Dir::Cache=$work/cache"
    -o "APT::Sandbox::User=root"  # _apt cannot write into the root-only temp dir
  )
  apt-get "${apt_src[@]}" update -qq
  if ! (cd "$work/src" && apt-get "${apt_src[@]}" source pgvector) >"$work/source.log" 2>&1; then
    cat "$work/source.log" >&2
    die "apt-get source pgvector failed"
  fi

  local src
  src=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n1)
  [ -n "$src" ] || die "pgvector source tree not found after apt-get source"
  # OPTFLAGS= : a portable build (no -march=native, whatever the fetched version's default), so the
  # library runs on any x86-64 machine and not only on the CPU that built it.
  make -C "$src" -s -j"$(nproc)" PG_CONFIG="$PG_CONFIG" OPTFLAGS= >/dev/null
  make -C "$src" -s install PG_CONFIG="$PG_CONFIG" >/dev/null
  rm -rf "$work"
  trap - EXIT
  vector_installed || die "pgvector built but vector.control is not installed"
}

cluster_status() {
  pg_lsclusters -h "$PG_MAJOR" "$PG_CLUSTER" 2>/dev/null | awk '{ print $4 }'
}

ensure_cluster() {
  if [ -z "$(cluster_status)" ]; then
    log "creating cluster $PG_MAJOR $PG_CLUSTER"
    pg_createcluster --port "$PORT" --encoding UTF8 --locale C.UTF-8 "$PG_MAJOR" "$PG_CLUSTER" >/dev/null
  fi
}

conf_value() {
  pg_conftool -s "$PG_MAJOR" "$PG_CLUSTER" show "$1" 2>/dev/null || true
}

# A drop-in in conf.d (read after postgresql.conf, so it wins) rather than pg_conftool, which writes
# 127.0.0.1 unquoted: a syntax error for the server. Prints "restart" when it changed.
configure_server() {
  local dropin=/etc/postgresql/$PG_MAJOR/$PG_CLUSTER/conf.d/adrplatform.conf wanted
  wanted=$(printf '%s\n' \
    "# Written by AdrPlatform's scripts/install-postgres.sh; rerun it rather than editing this file." \
    "listen_addresses = '127.0.0.1'" \
    "port = $PORT")
  if [ -f "$dropin" ] && [ "$(cat "$dropin")" = "$wanted" ]; then
    return 0
  fi
  mkdir -p "$(dirname "$dropin")"
  echo "$wanted" >"$dropin"
  chown postgres:postgres "$dropin"
  echo restart
}

# Prints "reload" when pg_hba.conf was changed.
configure_hba() {
  local hba
  hba=$(conf_value hba_file)
  [ -n "$hba" ] || hba=/etc/postgresql/$PG_MAJOR/$PG_CLUSTER/pg_hba.conf
  if grep -Eq '^[[:space:]]*host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+scram-sha-256[[:space:]]*$' "$hba"; then
    return 0
  fi
  # Before the first rule, so no earlier 127.0.0.1 rule (trust, reject...) can shadow it.
  awk 'BEGIN { done = 0 }
       !done && $0 !~ /^[[:space:]]*(#|$)/ { print "host    all             all             127.0.0.1/32            scram-sha-256"; done = 1 }
       { print }
       END { if (!done) print "host    all             all             127.0.0.1/32            scram-sha-256" }' \
    "$hba" >"$hba.new"
  chown --reference="$hba" "$hba.new"
  chmod --reference="$hba" "$hba.new"
  mv "$hba.new" "$hba"
  echo reload
}

wait_ready() {
  local i
  for i in $(seq 1 60); do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" && return 0
    sleep 0.5
  done
  tail -n 20 "/var/log/postgresql/postgresql-$PG_MAJOR-$PG_CLUSTER.log" >&2 || true
  die "cluster $PG_MAJOR $PG_CLUSTER is not accepting connections on 127.0.0.1:$PORT"
}

# Straight to pg_ctl, not through systemctl: CI containers and chroots often have systemd
# installed but not running as PID 1, where the redirect fails.
cluster_ctl() {
  pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" "$PG_CLUSTER" "$1" ||
    die "pg_ctlcluster $1 failed for cluster $PG_MAJOR $PG_CLUSTER"
}

ensure_running() {
  local restart=$1 reload=$2
  if [ "$(cluster_status)" != online ]; then
    log "starting cluster $PG_MAJOR $PG_CLUSTER"
    cluster_ctl start
  elif [ -n "$restart" ]; then
    log "restarting cluster $PG_MAJOR $PG_CLUSTER (listen address or port changed)"
    cluster_ctl restart
  elif [ -n "$reload" ]; then
    cluster_ctl reload
  fi
  wait_ready
}

# psql as the postgres superuser over the Unix socket (peer authentication).
psql_super() {
  local db=$1
  shift
  (cd / && runuser -u postgres -- "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d "$db" \
    -v owner="$OWNER_ROLE" -v owner_pw="$OWNER_PASSWORD" \
    -v app="$APP_ROLE" -v app_pw="$APP_PASSWORD" "$@")
}

ensure_roles() {
  psql_super postgres <<'SQL'
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS PASSWORD %L', :'owner', :'owner_pw')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS', :'owner')
FROM pg_roles WHERE rolname = :'owner' AND (NOT rolcanlogin OR rolsuper OR rolcreaterole OR rolbypassrls) \gexec

SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD %L', :'app', :'app_pw')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS', :'app')
FROM pg_roles WHERE rolname = :'app' AND (NOT rolcanlogin OR rolsuper OR rolcreatedb OR rolcreaterole OR rolbypassrls) \gexec
SQL
}

ensure_database() {
  local db=$1
  psql_super postgres -v db="$db" <<'SQL'
SELECT format('CREATE DATABASE %I OWNER %I TEMPLATE template0 ENCODING %L LOCALE %L', :'db', :'owner', 'UTF8', 'C.UTF-8')
WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'owner')
FROM pg_database WHERE datname = :'db' AND datdba <> (SELECT oid FROM pg_roles WHERE rolname = :'owner') \gexec
SQL
  # Extensions as the superuser: vector is not a trusted extension, so the owner could not create it.
  psql_super "$db" -v db="$db" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- Row-level security evaluates a query's own conditions after the tenant policy unless they are
-- LEAKPROOF, which keeps the full-text match (tsvector @@ tsquery) and tag containment (text[] @>)
-- off their GIN indexes. Neither raises data-dependent errors, so both are declared leakproof
-- (in this database only).
SELECT format('ALTER FUNCTION %s LEAKPROOF', f::regprocedure)
FROM unnest(ARRAY['pg_catalog.ts_match_vq(tsvector, tsquery)', 'pg_catalog.arraycontains(anyarray, anyarray)']::regprocedure[]) AS f
WHERE NOT (SELECT proleakproof FROM pg_proc WHERE oid = f) \gexec
-- Each privilege statement runs only when the ACL lacks it, so a second run rewrites no catalog row.
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', :'db', :'app')
WHERE NOT EXISTS (
  SELECT 1 FROM pg_database d, aclexplode(coalesce(d.datacl, acldefault('d', d.datdba))) a
  WHERE d.datname = :'db' AND a.grantee = (SELECT oid FROM pg_roles WHERE rolname = :'app') AND a.privilege_type = 'CONNECT') \gexec
SELECT 'REVOKE CREATE ON SCHEMA public FROM PUBLIC'
WHERE EXISTS (
  SELECT 1 FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
  WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = 'CREATE') \gexec
SELECT format('GRANT USAGE ON SCHEMA public TO %I', :'app')
WHERE NOT EXISTS (
  SELECT 1 FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
  WHERE n.nspname = 'public' AND a.grantee = (SELECT oid FROM pg_roles WHERE rolname = :'app') AND a.privilege_type = 'USAGE') \gexec
SQL
}

# Sets the password only when logging in with it over TCP fails, so a second run rewrites nothing.
ensure_password() {
  local role=$1 password=$2 db=$3
  if PGPASSWORD=$password PGPASSFILE=/dev/null PGCONNECT_TIMEOUT=5 \
    "$PG_BIN/psql" -X -q -At -h 127.0.0.1 -p "$PORT" -U "$role" -d "$db" -c 'SELECT 1' >/dev/null 2>&1; then
    return 0
  fi
  log "setting the password of $role"
  psql_super postgres -v role="$role" -v pw="$password" <<'SQL'
SELECT format('ALTER ROLE %I PASSWORD %L', :'role', :'pw') \gexec
SQL
  PGPASSWORD=$password PGPASSFILE=/dev/null "$PG_BIN/psql" -X -q -At -h 127.0.0.1 -p "$PORT" \
    -U "$role" -d "$db" -c 'SELECT 1' >/dev/null || die "$role cannot log in over TCP with its password"
}

# A value for an Npgsql connection string, quoted when it holds characters the syntax reserves.
conn_value() {
  case $1 in
    *[\;\"\'=]* | " "* | *" ") printf '"%s"' "${1//\"/\"\"}" ;;
    *) printf '%s' "$1" ;;
  esac
}

connection_string() {
  local db=$1 user=$2 password=$3
  echo "Host=127.0.0.1;Port=$PORT;Database=$(conn_value "$db");Username=$(conn_value "$user");Password=$(conn_value "$password")"
}

export_line() {
  printf 'export %s=%q\n' "$1" "$2" >&3
}

main() {
  [ "$(id -u)" -eq 0 ] || die "run as root"
  # fd 3 is the real stdout, kept for the exports; everything else anything prints goes to stderr.
  exec 3>&1 1>&2
  install_server
  install_pgvector
  ensure_cluster
  local restart reload
  restart=$(configure_server)
  reload=$(configure_hba)
  ensure_running "$restart" "$reload"
  ensure_roles
  ensure_database "$DATABASE"
  ensure_database "$TEST_DATABASE"
  ensure_password "$OWNER_ROLE" "$OWNER_PASSWORD" "$DATABASE"
  ensure_password "$APP_ROLE" "$APP_PASSWORD" "$DATABASE"

  export_line ADR_PG_OWNER "$(connection_string "$DATABASE" "$OWNER_ROLE" "$OWNER_PASSWORD")"
  export_line ADR_PG_APP "$(connection_string "$DATABASE" "$APP_ROLE" "$APP_PASSWORD")"
  export_line ADR_PG_TEST_OWNER "$(connection_string "$TEST_DATABASE" "$OWNER_ROLE" "$OWNER_PASSWORD")"
  export_line ADR_PG_TEST_APP "$(connection_string "$TEST_DATABASE" "$APP_ROLE" "$APP_PASSWORD")"
}

main "$@"
