#!/usr/bin/env bash
# The Kafka side of DESIGN.md for the compose stack: topics, one SCRAM-SHA-512 user per service and per clinic,
# and least-privilege ACLs (the same as deploy/kubernetes/base/kafka-users.yaml). Runs in the kafka-setup
# container, which shares the broker's network and so reaches its loopback-only admin listener. Idempotent:
# re-running it re-applies everything and sets the passwords it is given (that is how passwords rotate).
#   provision-kafka.sh                      everything, clinics from DERMAGUARD_KAFKA_CLINICS (id:password,...)
#   provision-kafka.sh remove-clinic <id>   offboarding: the clinic's ACLs, SCRAM user and topic
# Clinic ids are DESIGN.md's: 1-48 of [a-z0-9-].
set -euo pipefail
B=${KAFKA_ADMIN_BOOTSTRAP:-127.0.0.1:9091}
BIN=/opt/kafka/bin
# Each tool is a JVM start: tune them for start-up, and run independent ones side by side (together).
export KAFKA_OPTS="${KAFKA_OPTS:-} -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
PARTITIONS=6                 # = deploy/kubernetes/base/kafka-topics.yaml and the HPAs' bound
RETENTION_MS=604800000       # 7 days; the consumed-event logs keep ids at least this long (30 days by default)

pids=()
together() { "$@" & pids+=($!); }   # start a step in the background
settle() {                          # wait for every started step; fail if one failed
  local pid failed=0
  for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
  pids=()
  ((failed == 0)) || { echo "provisioning failed" >&2; exit 1; }
}

valid_clinic() { [[ $1 =~ ^[a-z0-9-]{1,48}$ ]] || { echo "invalid clinic id '$1' (1-48 of [a-z0-9-])" >&2; exit 2; }; }

topic() {  # topic <name> <partitions> [--config k=v ...]
  local name=$1 partitions=$2; shift 2
  if ! grep -qxF "$name" <<<"$EXISTING"; then
    "$BIN/kafka-topics.sh" --bootstrap-server "$B" --create --if-not-exists --topic "$name" \
      --partitions "$partitions" --replication-factor 1 "$@" >/dev/null
    echo "topic $name created"
  fi
}

scram() {  # scram <user> <password>
  [[ -n $2 ]] || { echo "no password for Kafka user $1" >&2; exit 2; }
  "$BIN/kafka-configs.sh" --bootstrap-server "$B" --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" >/dev/null
  echo "user $1 set"
}

allow() {  # allow <user> <operations, comma-separated> <resource options...>
  local user=$1 ops=() op; shift
  IFS=, read -ra list <<<"$1"; shift
  for op in "${list[@]}"; do ops+=(--operation "$op"); done
  "$BIN/kafka-acls.sh" --bootstrap-server "$B" --add --allow-principal "User:$user" "${ops[@]}" "$@" >/dev/null
}

clinic_acls() {  # the clinic's own alert topic, read-only, and consumer groups <id>.<anything>
  allow "$1" Read,Describe --topic "microneedling.alerts.clinic.$1"
  allow "$1" Read --resource-pattern-type prefixed --group "$1."
}

if [[ ${1:-} == remove-clinic ]]; then
  id=${2:?usage: provision-kafka.sh remove-clinic <clinicId>}; valid_clinic "$id"
  "$BIN/kafka-acls.sh" --bootstrap-server "$B" --remove --force --allow-principal "User:$id" \
    --operation Read --operation Describe --topic "microneedling.alerts.clinic.$id" >/dev/null
  "$BIN/kafka-acls.sh" --bootstrap-server "$B" --remove --force --allow-principal "User:$id" \
    --operation Read --resource-pattern-type prefixed --group "$id." >/dev/null
  "$BIN/kafka-configs.sh" --bootstrap-server "$B" --alter --entity-type users --entity-name "$id" \
    --delete-config SCRAM-SHA-512 >/dev/null || true
  "$BIN/kafka-topics.sh" --bootstrap-server "$B" --delete --if-exists --topic "microneedling.alerts.clinic.$id"
  echo "clinic $id removed from Kafka"
  exit 0
fi

EXISTING=$("$BIN/kafka-topics.sh" --bootstrap-server "$B" --list)
retention=(--config "retention.ms=$RETENTION_MS" --config min.insync.replicas=1)
for t in microneedling.events microneedling.events.dlq microneedling.risk-assessments \
         microneedling.risk-assessments.dlq microneedling.alerts; do
  together topic "$t" "$PARTITIONS" "${retention[@]}"
done
# The outbox relays' progress: one partition, compacted (the latest offset per key is all that matters).
for t in risk-service-outbox.progress notify-service-outbox.progress; do
  together topic "$t" 1 --config cleanup.policy=compact --config min.insync.replicas=1
done
together scram intake-service "${INTAKE_KAFKA_PASSWORD:-}"
together scram risk-service "${RISK_KAFKA_PASSWORD:-}"
together scram notify-service "${NOTIFY_KAFKA_PASSWORD:-}"
settle

together allow intake-service Write,Describe --topic microneedling.events

together allow risk-service Read,Describe,DescribeConfigs --topic microneedling.events
together allow risk-service Read --group risk-service
together allow risk-service Write,Describe --topic microneedling.events.dlq
together allow risk-service Write,Describe,DescribeConfigs --topic microneedling.risk-assessments
together allow risk-service Read,Write,Describe --topic risk-service-outbox.progress
together allow risk-service Write,Describe --transactional-id risk-service-outbox
together allow risk-service Describe --cluster

together allow notify-service Read,Describe,DescribeConfigs --topic microneedling.risk-assessments --topic microneedling.events
together allow notify-service Read --group notify-service --group notify-service-consents
together allow notify-service Write,Describe --topic microneedling.risk-assessments.dlq --topic microneedling.events.dlq
together allow notify-service Write,Describe,DescribeConfigs --topic microneedling.alerts
together allow notify-service Write,Describe,DescribeConfigs --resource-pattern-type prefixed --topic microneedling.alerts.clinic.
together allow notify-service Read,Write,Describe --topic notify-service-outbox.progress
together allow notify-service Write,Describe --transactional-id notify-service-outbox
together allow notify-service Describe --cluster
settle
echo "service ACLs set"

IFS=, read -ra clinics <<<"${DERMAGUARD_KAFKA_CLINICS:-}"
for entry in "${clinics[@]}"; do
  id=${entry%%:*} password=${entry#*:}
  valid_clinic "$id"
  together topic "microneedling.alerts.clinic.$id" "$PARTITIONS" "${retention[@]}"
  together scram "$id" "$password"
  together clinic_acls "$id"
done
settle
echo "kafka provisioned: ${#clinics[@]} clinic(s)"
