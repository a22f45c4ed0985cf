#!/usr/bin/env bash
# Reads a clinic's alert topic as the clinic would: Kafka's own console consumer (kafka-tools, the broker's
# version), SASL SCRAM-SHA-512 on the clinic listener, a consumer group in the clinic's prefix, read_committed
# (records of aborted transactions stay unseen), from the beginning. Ctrl-C stops it.
#
#   ./clinic-consumer.sh <user> <password> <topic> [console consumer options, e.g. --max-messages 1 --timeout-ms 20000]
#
# KAFKA_CLINIC_BOOTSTRAP_SERVERS: the clinic listener (127.0.0.1:9094). CLINIC_GROUP: the consumer group
# (<user>.console-<pid>: a new one each run, so each run reads the topic from its beginning).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ $# -lt 3 ]]; then
  sed -n '6p' "$0" | sed 's/^#   /usage: /' >&2
  exit 2
fi
user=$1 password=$2 topic=$3
shift 3

classpath_file=kafka-broker/target/classes/dev/dermaguard/infra/kafka-broker.classpath
if [[ ! -f "$classpath_file" ]]; then
  echo "Kafka's tools are not resolved yet: run ./run-local.sh once, or mvn -B -DskipTests package." >&2
  exit 1
fi

# The password goes into a file only this user can read, not onto a command line others can see.
config=$(mktemp)
trap 'rm -f "$config"' EXIT
chmod 600 "$config"
cat >"$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$user" password="$password";
PROPERTIES

java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(<"$classpath_file")" \
  org.apache.kafka.tools.consumer.ConsoleConsumer \
  --bootstrap-server "${KAFKA_CLINIC_BOOTSTRAP_SERVERS:-127.0.0.1:9094}" \
  --consumer.config "$config" \
  --topic "$topic" \
  --group "${CLINIC_GROUP:-$user.console-$$}" \
  --isolation-level read_committed \
  --from-beginning \
  --property print.key=true \
  "$@"
