#!/usr/bin/env bash
export KAFKA_STANDIN_LOG_LEVEL="${KAFKA_STANDIN_LOG_LEVEL:-warn}" KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx256m}"
exec /opt/kafka/bin/kafka-run-class.sh org.apache.kafka.tools.AclCommand "$@"
