#!/usr/bin/env bash
# Onboards or offboards a clinic on the local stack (run-local.sh), in one command.
#
#   ./clinic-access.sh onboard <clinicId> [--password <password>]
#       its topic microneedling.alerts.clinic.<clinicId>, its SCRAM user (the password given, or a new one) and its
#       ACLs; prints the password and a new API key once, and the DERMAGUARD_AUTH_KEYS entry for that key.
#   ./clinic-access.sh offboard <clinicId>
#       notify-service ends the clinic's consents, open streams and pending deliveries (audited); then its ACLs,
#       user and topic go.
#
# KAFKA_BOOTSTRAP_SERVERS (127.0.0.1:9092, the loopback PLAINTEXT listener), NOTIFY_URL (http://localhost:8082),
# DERMAGUARD_OPERATOR_KEY (the development operator key).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

classpath_file=local-infra/target/runtime.classpath
if [[ ! -f "$classpath_file" || ! -d local-infra/target/classes ]]; then
  echo "DermaGuard is not built: run ./run-local.sh once, or mvn -B -DskipTests package." >&2
  exit 1
fi

exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "local-infra/target/classes:$(<"$classpath_file")" \
  dev.dermaguard.infra.ClinicAccessCommand "$@"
