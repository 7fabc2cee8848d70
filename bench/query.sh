#!/usr/bin/env bash
# Canopy query benchmark: Cloudforet queries compiled by canopy-query vs the same queries written
# by hand in SQL, on a generated cloud_resource table in an embedded PostgreSQL.
# Usage: bench/query.sh [--documents N] [--rounds N] [--runs N] [--seed N] [--plan-cache-mode MODE] [--rebuild]
# Builds canopy-query and the bench jar first when missing (always with --rebuild); see bench/README.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

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

if $rebuild || [[ ! -f "$bench_jar" || ! -f "$bench_lib/canopy-query-0.1.0-SNAPSHOT.jar" ]]; then
  # -am builds canopy-query from this checkout too, so the benchmark never runs a stale compiler.
  echo "[bench] building: mvn -B -q -DskipTests -pl bench -am package" >&2
  mvn -B -q -DskipTests -pl bench -am package
fi

exec java -Xmx2g -cp "$bench_jar:$bench_lib/*" dev.canopy.bench.query.QueryBenchmark ${args[@]+"${args[@]}"}
