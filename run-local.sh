#!/usr/bin/env bash
# Runs all of DermaGuard on this machine: a real Kafka, a real PostgreSQL and the three services, no Docker.
# Builds first when something is missing (or with --rebuild). Ctrl-C stops everything.
#
#   ./run-local.sh [--rebuild]
#
# Ports: KAFKA_PORT (9092, PLAINTEXT for local tools), KAFKA_CLINIC_PORT (9094, SCRAM for clinics),
# KAFKA_SERVICES_PORT (any free one, SCRAM for the services), INTAKE_PORT (8080), RISK_PORT (8081),
# NOTIFY_PORT (8082); 0 = any free port. The broker enforces ACLs; see README, "Kafka for clinics".
# Existing servers instead of started ones: KAFKA_BOOTSTRAP_SERVERS, and DERMAGUARD_PG_HOST, DERMAGUARD_PG_PORT,
# DERMAGUARD_PG_USER, DERMAGUARD_PG_PASSWORD.
# State and logs: .dermaguard/ beside this script.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

rebuild=false
for arg in "$@"; do
  case "$arg" in
    --rebuild) rebuild=true ;;
    *) echo "usage: $0 [--rebuild]" >&2; exit 2 ;;
  esac
done

if ! command -v java >/dev/null; then
  echo "java is not on the PATH: install a JDK 17 or newer." >&2
  exit 1
fi
java_major=$(java -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1)
if [[ -z "$java_major" || "$java_major" -lt 17 ]]; then
  echo "DermaGuard needs Java 17 or newer; 'java' here is: $(java -version 2>&1 | head -n 1)" >&2
  exit 1
fi

classpath_file=local-infra/target/runtime.classpath

# Built means: the three service jars, and the launcher's classpath with every jar it names still there.
built() {
  local service entry
  for service in intake-service risk-service notify-service; do
    [[ -f "$service/target/quarkus-app/quarkus-run.jar" ]] || return 1
  done
  [[ -f "$classpath_file" && -d local-infra/target/classes ]] || return 1
  local IFS=:
  for entry in $(<"$classpath_file"); do
    [[ -e "$entry" ]] || return 1
  done
}

if $rebuild || ! built; then
  if ! command -v mvn >/dev/null; then
    echo "DermaGuard is not built and mvn is not on the PATH: install Maven 3.8 or newer." >&2
    exit 1
  fi
  # package, not install: nothing of this checkout lands in ~/.m2, where other builds would pick it up.
  echo "Building DermaGuard (mvn -B -q -DskipTests package)..."
  mvn -B -q -DskipTests package
fi

# exec: Ctrl-C and SIGTERM go straight to the JVM, whose shutdown hook stops every process it started.
exec java \
  -Dorg.slf4j.simpleLogger.showThreadName=false \
  -Dorg.slf4j.simpleLogger.showShortLogName=true \
  -Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn \
  -Dorg.slf4j.simpleLogger.log.io.zonky=warn \
  -cp "local-infra/target/classes:$(<"$classpath_file")" \
  dev.dermaguard.infra.LocalStackCommand --root "$PWD"
