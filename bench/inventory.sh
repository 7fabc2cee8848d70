#!/usr/bin/env bash
# Canopy inventory benchmark: the demo collector streaming 1,000,000 cloud services through the whole
# collection pipeline (plugin, merge, history) of a server with a 1 GB heap, then a re-run with 2% changed,
# against a raw COPY of the same documents into the same PostgreSQL; peak heap of the server.
# Usage: bench/inventory.sh [--resources N] [--job-timeout-minutes N] [--rebuild]
# Builds what is missing first (everything with --rebuild); see bench/README.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

server_jar=canopy-server/target/canopy-server.jar
bench_jar=bench/target/canopy-bench.jar
bench_lib=bench/target/lib

rebuild=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;           # for this script only
    *) args+=("$arg") ;;
  esac
done

if $rebuild || [[ ! -f "$server_jar" || ! -f "$bench_jar" || ! -f "$bench_lib/canopy-plugin-demo-0.1.0-SNAPSHOT.jar" ]]; then
  # From the root, so the server and the demo plugin of the COPY baseline are this checkout's.
  echo "[bench] building: mvn -B -q -DskipTests package" >&2
  mvn -B -q -DskipTests package
fi

exec java -cp "$bench_jar:$bench_lib/*" dev.canopy.bench.inventory.InventoryBenchmark ${args[@]+"${args[@]}"}
