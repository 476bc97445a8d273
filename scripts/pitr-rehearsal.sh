#!/usr/bin/env bash
# Rehearses a point-in-time restore of PostgreSQL 15 from a base backup plus archived WAL, on a throwaway
# cluster of its own (another port, a temporary directory; the platform's databases are not touched):
# writes, a base backup, more writes, a noted target time, writes after it, the primary lost; then a
# restore to the target. Prints the recovery time and checks that exactly the rows up to the target came
# back. Run as root (it runs PostgreSQL as the postgres user). Figures: docs/operations.md.
set -euo pipefail
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PORT=${PITR_PORT:-55432}
ROWS=${PITR_ROWS:-20000}
work=$(mktemp -d /tmp/pitr-rehearsal.XXXXXX)
chown postgres: "$work"
as_pg() { (cd / && runuser -u postgres -- "$@"); }
sql() { as_pg "$PG_BIN/psql" -X -q -At -h "$work" -p "$1" -d postgres -v ON_ERROR_STOP=1 -c "$2"; }
cleanup() {
  for dir in primary restored; do
    [ -f "$work/$dir/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$work/$dir" -m immediate stop >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
now_ms() { date +%s%3N; }

as_pg mkdir "$work/wal"
as_pg "$PG_BIN/initdb" -D "$work/primary" -A trust >/dev/null
cat >>"$work/primary/postgresql.conf" <<CONF
port = $PORT
listen_addresses = ''
unix_socket_directories = '$work'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $work/wal/%f && cp %p $work/wal/%f'
archive_timeout = 60
CONF
as_pg "$PG_BIN/pg_ctl" -D "$work/primary" -l "$work/primary.log" -w start >/dev/null

sql "$PORT" "CREATE TABLE adr_writes (id bigserial PRIMARY KEY, batch text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp(), body text NOT NULL)"
sql "$PORT" "INSERT INTO adr_writes (batch, body) SELECT 'before-backup', repeat('x', 200) FROM generate_series(1, $ROWS)"
as_pg "$PG_BIN/pg_basebackup" -h "$work" -p "$PORT" -D "$work/base" -X none -c fast
sql "$PORT" "INSERT INTO adr_writes (batch, body) SELECT 'after-backup', repeat('y', 200) FROM generate_series(1, $ROWS)"
target=$(sql "$PORT" "SELECT clock_timestamp()")
sleep 1
sql "$PORT" "INSERT INTO adr_writes (batch, body) SELECT 'after-target', repeat('z', 200) FROM generate_series(1, $ROWS)"
# Close the current WAL segment so the archive holds every write (archive_timeout would within 60 s).
sql "$PORT" "SELECT pg_switch_wal()" >/dev/null
expected=$(sql "$PORT" "SELECT count(*) FROM adr_writes WHERE at <= '$target'")
until [ "$(sql "$PORT" "SELECT last_archived_wal = pg_walfile_name(pg_current_wal_lsn() - 1) FROM pg_stat_archiver")" = t ]; do sleep 0.2; done
as_pg "$PG_BIN/pg_ctl" -D "$work/primary" -m immediate stop >/dev/null   # the primary is lost

started=$(now_ms)
as_pg cp -a "$work/base" "$work/restored"
cat >>"$work/restored/postgresql.conf" <<CONF
port = $((PORT + 1))
archive_mode = off
restore_command = 'cp $work/wal/%f %p'
recovery_target_time = '$target'
recovery_target_action = 'promote'
CONF
as_pg touch "$work/restored/recovery.signal"
as_pg "$PG_BIN/pg_ctl" -D "$work/restored" -l "$work/restored.log" -w start >/dev/null
until [ "$(sql $((PORT + 1)) "SELECT NOT pg_is_in_recovery()" 2>/dev/null || true)" = t ]; do sleep 0.1; done
recovered_ms=$(( $(now_ms) - started ))

restored=$(sql $((PORT + 1)) "SELECT count(*) FROM adr_writes")
after_target=$(sql $((PORT + 1)) "SELECT count(*) FROM adr_writes WHERE batch = 'after-target'")
wal_segments=$(ls "$work/wal" | grep -c -v '\.' || true)
echo "target time:        $target"
echo "rows to recover:    $expected (written up to the target), $ROWS more after it"
echo "rows recovered:     $restored ($after_target written after the target)"
echo "WAL segments:       $wal_segments archived"
echo "recovery time:      ${recovered_ms} ms (copy of the base backup, WAL replay to the target, promotion)"
if [ "$restored" != "$expected" ] || [ "$after_target" != 0 ]; then
  echo "PITR rehearsal FAILED: expected $expected rows and none after the target" >&2
  exit 1
fi
echo "PITR rehearsal passed: no row up to the target lost, none after it restored"
