#!/usr/bin/env bash
# ADR API load: starts the front silo (embedded default, Release) on a spare port, mints a
# token, drives it with bench/AdrPlatform.Bench, then stops it. Extra arguments go to the
# load generator, e.g.: bash bench/run-adr-api.sh --clients 64 --seconds 30
# BENCH_STORAGE=postgres runs it on PostgreSQL (set up by scripts/install-postgres.sh) instead of memory.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${BENCH_PORT:-5099}
key=$(mktemp -d)/dev-key
dotnet build gateway -c Release --nologo -v quiet
dotnet build bench/AdrPlatform.Bench -c Release --nologo -v quiet
storage=()
if [ "${BENCH_STORAGE:-memory}" = postgres ]; then
  pg_env=$(mktemp)
  bash scripts/install-postgres.sh >"$pg_env"
  # shellcheck source=/dev/null
  . "$pg_env"
  dotnet gateway/bin/Release/net10.0/adrplatform-gateway.dll migrate --ConnectionStrings:AdrPlatformOwner="$ADR_PG_OWNER"
  storage=(--Storage:Provider=postgres --ConnectionStrings:AdrPlatform="$ADR_PG_APP" --Cluster:ClusterId="bench-$(date +%s)")
fi
dotnet gateway/bin/Release/net10.0/adrplatform-gateway.dll --Gateway:Port=$port --Auth:DevelopmentKeyPath="$key" \
  --Cluster:SiloPort=21111 --Cluster:PrimarySiloPort=21111 --Cluster:GatewayPort=40000 --Logging:LogLevel:Default=Warning "${storage[@]}" >/tmp/adr-bench-gateway.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
token=$(dotnet gateway/bin/Release/net10.0/adrplatform-gateway.dll token --tenant bench --user loadgen --role editor --key "$key")
dotnet bench/AdrPlatform.Bench/bin/Release/net10.0/adr-bench.dll --address "http://127.0.0.1:$port" --token "$token" "$@"
echo "server RSS after run: $(ps -o rss= -p $server | awk '{printf "%.0f MiB", $1/1024}')"
