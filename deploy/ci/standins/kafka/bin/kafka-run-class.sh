#!/usr/bin/env bash
# The upstream launcher's contract, trimmed: KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS and KAFKA_OPTS reach the JVM.
exec java ${KAFKA_HEAP_OPTS:-} ${KAFKA_JVM_PERFORMANCE_OPTS:-} ${KAFKA_OPTS:-} \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=${KAFKA_STANDIN_LOG_LEVEL:-info} -cp '/opt/kafka/libs/*' "$@"
