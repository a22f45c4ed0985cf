#!/usr/bin/env bash
# Fault injection: starts DermaGuard on free ports, injects faults while a stream of events flows, counts every
# accepted event and alert. Usage: faults/run.sh [--quick] [--rate EVENTS_PER_SECOND] [--only NAME_PART]...
# (--only runs the scenarios whose name contains a part, for diagnosis, and writes no results). Exits 1 when a
# guarantee broke (lost, doubled, a missed alert, a wrong dead letter, a 5xx); keeps the logs on any miss.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

classpath_file=faults/target/runtime.classpath
built() {
  local service
  for service in intake-service risk-service notify-service; do
    [[ -f "$service/target/quarkus-app/quarkus-run.jar" ]] || return 1
  done
  [[ -f "$classpath_file" && -d faults/target/classes ]]
}
if ! built; then
  mvn -B -q -DskipTests package
fi

exec java -Xmx768m -Dorg.slf4j.simpleLogger.log.org.apache.kafka=error \
  -cp "faults/target/classes:$(<"$classpath_file")" dev.dermaguard.faults.FaultRun --root "$PWD" "$@"
