#!/usr/bin/env bash
# Canopy plugin benchmark: the example collector streaming small items in process vs through gRPC
# from its runnable jar started as a separate local process, both consumed as the host does.
# Usage: bench/plugin.sh [--items N] [--warm-up N] [--rounds N] [--plugin-jar PATH] [--rebuild]
# Builds the plugin modules and the bench jar first when missing (always with --rebuild); see bench/README.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

bench_jar=bench/target/canopy-bench.jar
bench_lib=bench/target/lib
plugin_jar=canopy-plugin-example/target/canopy-plugin-example-0.1.0-SNAPSHOT-plugin.jar

rebuild=false
args=()
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;           # for this script only
    *) args+=("$arg") ;;
  esac
done

if $rebuild || [[ ! -f "$bench_jar" || ! -f "$plugin_jar" || ! -f "$bench_lib/canopy-plugin-grpc-0.1.0-SNAPSHOT.jar" ]]; then
  # -am builds the plugin modules from this checkout too, so both sides run the same code.
  echo "[bench] building: mvn -B -q -DskipTests -pl bench -am package" >&2
  mvn -B -q -DskipTests -pl bench -am package
fi

exec java -cp "$bench_jar:$bench_lib/*" dev.canopy.bench.plugin.PluginBenchmark ${args[@]+"${args[@]}"}
