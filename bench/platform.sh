#!/usr/bin/env bash
# Canopy platform benchmark: server start-to-healthy time, and REST vs raw-JDBC round trips.
# Usage: bench/platform.sh [--rebuild] [--iterations N] [--jdbc-only]
# Builds what is missing first (everything with --rebuild); see bench/README.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

server_jar=canopy-server/target/canopy-server.jar
bench_jar=bench/target/canopy-bench.jar
bench_lib=bench/target/lib

rebuild=false
jdbc_only=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;           # for this script only
    --jdbc-only) jdbc_only=true; args+=("$arg") ;;
    *) args+=("$arg") ;;
  esac
done

build_needed=$rebuild
[[ -f "$bench_jar" && -d "$bench_lib" ]] || build_needed=true
if ! $jdbc_only && [[ ! -f "$server_jar" ]]; then build_needed=true; fi

if $build_needed; then
  if $jdbc_only && ! $rebuild; then
    # --jdbc-only needs no server, so a missing or broken server build must not stop it.
    echo "[bench] building: mvn -B -q -f bench/pom.xml -DskipTests package" >&2
    mvn -B -q -f bench/pom.xml -DskipTests package
  else
    echo "[bench] building: mvn -B -q -DskipTests package" >&2
    mvn -B -q -DskipTests package
  fi
fi

exec java -cp "$bench_jar:$bench_lib/*" dev.canopy.bench.PlatformBenchmark ${args[@]+"${args[@]}"}
