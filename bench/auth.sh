#!/usr/bin/env bash
# Canopy authentication benchmark: authenticated vs unauthenticated get throughput at the scale of
# a large tenant (1,000 project groups, 10,000 projects, 2,000 role bindings of 500 users).
# Usage: bench/auth.sh [--rebuild] [--iterations N] [--warm-up N] [--rounds N] [--cycles N] [--clients N]
#                      [--groups N] [--projects N] [--users N] [--bindings N]
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

if $rebuild || [[ ! -f "$server_jar" || ! -f "$bench_jar" || ! -d "$bench_lib" ]]; then
  echo "[bench] building: mvn -B -q -DskipTests package" >&2
  mvn -B -q -DskipTests package
fi

exec java -cp "$bench_jar:$bench_lib/*" dev.canopy.bench.auth.AuthBenchmark ${args[@]+"${args[@]}"}
