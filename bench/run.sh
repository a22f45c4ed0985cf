#!/usr/bin/env bash
# The benchmark: starts DermaGuard on free ports as run-local.sh does, measures Kafka's and PostgreSQL's own rates
# beside the pipeline's (max sustained rate, latency at 25/50/75 % of it, statements per event), the cost of
# history and each service's start and memory, and writes bench/results/latest.{json,md,png}.
# Usage: bench/run.sh [--quick]   (quick: about two minutes, proves the harness; full: under ten)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

classpath_file=bench/target/runtime.classpath
built() {
  local service
  for service in intake-service risk-service notify-service; do
    [[ -f "$service/target/quarkus-app/quarkus-run.jar" ]] || return 1
  done
  [[ -f "$classpath_file" && -d bench/target/classes ]]
}
if ! built; then
  mvn -B -q -DskipTests package
fi

exec java -Xmx512m -Djava.awt.headless=true -Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn \
  -Dorg.slf4j.simpleLogger.log.io.zonky=warn -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "bench/target/classes:$(<"$classpath_file")" dev.dermaguard.bench.Bench --root "$PWD" "$@"
