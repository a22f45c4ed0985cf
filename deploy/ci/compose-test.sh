#!/usr/bin/env bash
# The compose stack, run for real: `up --build` of the unchanged docker-compose.yml (development keys, through
# the one documented switch), then a session-to-alert round trip, a clinic reading its own topic with its own
# SCRAM credentials (and refused another's), and `down` then `up` again with every topic, consumer offset and
# row still there. Needs a running Docker engine and the images compose names (deploy/ci/standin-images.sh
# where no registry is reachable). Leaves nothing running; volumes are removed at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
PROJECT=${COMPOSE_PROJECT_NAME:-dermaguard-ci}
# Host ports of their own (docker-compose.yml's defaults are 8080-8082 and 9094), so that the run never meets a
# local stack (run-local.sh) or another compose project on this host.
export DERMAGUARD_INTAKE_PORT=${DERMAGUARD_INTAKE_PORT:-18080} DERMAGUARD_RISK_PORT=${DERMAGUARD_RISK_PORT:-18081}
export DERMAGUARD_NOTIFY_PORT=${DERMAGUARD_NOTIFY_PORT:-18082} DERMAGUARD_CLINIC_KAFKA_PORT=${DERMAGUARD_CLINIC_KAFKA_PORT:-19094}
export DERMAGUARD_INTAKE_MANAGEMENT_PORT=${DERMAGUARD_INTAKE_MANAGEMENT_PORT:-19080}
export DERMAGUARD_RISK_MANAGEMENT_PORT=${DERMAGUARD_RISK_MANAGEMENT_PORT:-19081}
export DERMAGUARD_NOTIFY_MANAGEMENT_PORT=${DERMAGUARD_NOTIFY_MANAGEMENT_PORT:-19082}
INTAKE=http://127.0.0.1:$DERMAGUARD_INTAKE_PORT RISK=http://127.0.0.1:$DERMAGUARD_RISK_PORT
NOTIFY=http://127.0.0.1:$DERMAGUARD_NOTIFY_PORT
compose() { docker-compose -p "$PROJECT" --env-file deploy/compose/development.env "$@"; }
APP_KEY=local-app-key
CLINIC_KEY=local-clinic-key
step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }
fail() {
  echo "compose-test: FAILED: $*" >&2
  compose ps >&2 || true
  compose logs --no-color --tail=60 >&2 || true
  exit 1
}
failed=()
check() {  # check <what> <command...>: a failed check is reported and the run goes on; the script fails at the end
  local what=$1; shift
  if "$@"; then echo "ok: $what"; else echo "FAILED: $what" >&2; failed+=("$what"); fi
}
cleanup() { compose down -v --remove-orphans >/dev/null 2>&1 || true; }
trap cleanup EXIT

healthy() {  # waits until every long-running service reports healthy
  local deadline=$((SECONDS + ${1:-300})) service state
  for service in kafka postgres intake-service risk-service notify-service; do
    while :; do
      state=$(docker inspect -f '{{.State.Health.Status}}' "$(compose ps -q "$service")" 2>/dev/null || echo missing)
      [[ $state == healthy ]] && break
      ((SECONDS < deadline)) || fail "$service is $state"
      sleep 3
    done
  done
}

await() {  # await <what> <seconds> <command...>: retries the command until it succeeds
  local what=$1 deadline=$((SECONDS + $2)); shift 2
  until "$@"; do
    ((SECONDS < deadline)) || { echo "FAILED: $what" >&2; failed+=("$what"); return 0; }
    sleep 3
  done
  echo "ok: $what"
}

kafka_admin() { compose exec -T kafka "$@"; }
clinic_consumer() {  # clinic_consumer <clinic> <password> <topic> <group>: one record, read as the clinic would
  docker run --rm --network host --entrypoint /opt/kafka/bin/kafka-console-consumer.sh "$(kafka_image)" \
    --bootstrap-server "127.0.0.1:$DERMAGUARD_CLINIC_KAFKA_PORT" --topic "$3" --group "$4" --from-beginning --max-messages 1 \
    --timeout-ms 30000 --isolation-level read_committed \
    --consumer-property security.protocol=SASL_PLAINTEXT --consumer-property sasl.mechanism=SCRAM-SHA-512 \
    --consumer-property "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$1\" password=\"$2\";"
}
kafka_image() { grep -oE 'image: apache/kafka:[^[:space:]]+' docker-compose.yml | head -1 | cut -d' ' -f2; }

post() {  # post <path> <json>: expects 202
  local status
  status=$(curl -s -o /tmp/compose-test.body -w '%{http_code}' -X POST "$INTAKE$1" \
    -H "X-API-Key: $APP_KEY" -H 'Content-Type: application/json' -d "$2")
  [[ $status == 202 ]] || fail "POST $1 answered $status: $(cat /tmp/compose-test.body)"
}
uuid() { cat /proc/sys/kernel/random/uuid; }
# Not `curl | grep -q`: grep -q leaves at the first match, curl then fails writing the rest, and pipefail fails the
# whole pipe on a long body.
has() { local body; body=$(curl -sf -H "X-API-Key: $2" "$1") && grep -q "$3" <<<"$body"; }

snapshot() {  # topics, every committed offset, and row counts: what a recreate must keep
  kafka_admin /opt/kafka/bin/kafka-topics.sh --bootstrap-server 127.0.0.1:9091 --list | sort
  kafka_admin /opt/kafka/bin/kafka-consumer-groups.sh --bootstrap-server 127.0.0.1:9091 --describe --all-groups \
    2>/dev/null | awk 'NF >= 4 && $1 != "GROUP" && $1 != "Consumer" && $4 != "-" {print $1, $2, $3, $4}' | sort
  for db in dermaguard_risk dermaguard_notify; do
    compose exec -T postgres psql -U postgres -d "$db" -Atc "select string_agg(format(
      'select %L, count(*) from %I', table_name, table_name), ' union all ') from information_schema.tables
      where table_schema = 'public' and table_name <> 'flyway_schema_history'" \
      | compose exec -T postgres psql -U postgres -d "$db" -At | sed "s/^/$db /" | sort
  done
}

step "up --build"
cleanup
compose up --build -d >/tmp/compose-test.up.log 2>&1 || { tail -40 /tmp/compose-test.up.log >&2; fail "up --build"; }
healthy 420
[[ $(docker inspect -f '{{.State.ExitCode}}' "$(compose ps -q kafka-setup)") == 0 ]] || fail "kafka-setup"

step "round trip: consent, two sessions a day apart, an alert"
USER_ID="ci-$(uuid | cut -c1-8)"
NOW=$(date -u +%s)
at() { date -u -d "@$((NOW - $1))" +%Y-%m-%dT%H:%M:%SZ; }
post /v1/consents '{"eventId":"'"$(uuid)"'","userId":"'"$USER_ID"'","clinicId":"demo-clinic","granted":true,"changedAt":"'"$(at 172800)"'"}'
for ago in 90000 3600; do
  post /v1/sessions '{"eventId":"'"$(uuid)"'","userId":"'"$USER_ID"'","performedAt":"'"$(at $ago)"'","area":"CHEEKS","needleDepthMm":0.5,"device":"ROLLER"}'
done
await "risk-service stored the sessions" 120 has "$RISK/v1/users/$USER_ID/risk-profile" "$APP_KEY" CHEEKS
await "risk-service assessed a HEALING_GAP" 120 has "$RISK/v1/users/$USER_ID/assessments" "$APP_KEY" HEALING_GAP
await "notify-service raised the alert" 120 has "$NOTIFY/v1/users/$USER_ID/alerts" "$APP_KEY" HEALING_GAP
await "the clinic's API shows the alert" 60 has "$NOTIFY/v1/clinics/demo-clinic/alerts" "$CLINIC_KEY" "$USER_ID"

step "operators' endpoints: /q/metrics and /q/health/* on the management interface only"
status_of() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
metrics_after_round_trip() {  # metrics_after_round_trip <management url> <metric>
  local metrics
  metrics=$(curl -sf "$1/q/metrics") && grep -q "^$2" <<<"$metrics"
}
for service in INTAKE RISK NOTIFY; do
  management_port=DERMAGUARD_${service}_MANAGEMENT_PORT
  management=http://127.0.0.1:${!management_port}
  http=${!service}
  check "$service: readiness on the management port" test "$(status_of "$management/q/health/ready")" = 200
  check "$service: /q/metrics on the HTTP port is not open" test "$(status_of "$http/q/metrics")" != 200
  check "$service: /q/metrics on the HTTP port with an app key is not served" \
    test "$(status_of -H "X-API-Key: $APP_KEY" "$http/q/metrics")" != 200
  check "$service: /q/health on the HTTP port is not served" test "$(status_of "$http/q/health/ready")" != 200
  check "$service: the API reference stays on the HTTP port, for operators" \
    test "$(status_of "$http/q/openapi")" = 401
done
check "intake counted the accepted events" metrics_after_round_trip "http://127.0.0.1:$DERMAGUARD_INTAKE_MANAGEMENT_PORT" \
  'dermaguard_intake_events_accepted_total{.*type="dermaguard.session.logged.v1"'
check "risk-service counted the risk" metrics_after_round_trip "http://127.0.0.1:$DERMAGUARD_RISK_MANAGEMENT_PORT" \
  'dermaguard_risk_risks_total{.*rule="HEALING_GAP"'
check "notify-service counted the alert" metrics_after_round_trip "http://127.0.0.1:$DERMAGUARD_NOTIFY_MANAGEMENT_PORT" \
  'dermaguard_notify_alerts_raised_total{.*rule="HEALING_GAP"'

step "a clinic reads its own topic with its own credentials, and is refused another's"
clinic_consumer demo-clinic local-clinic-secret microneedling.alerts.clinic.demo-clinic demo-clinic.ci \
  >/tmp/compose-test.clinic 2>&1 || true
check "demo-clinic read the alert from its topic" grep -q HEALING_GAP /tmp/compose-test.clinic
clinic_consumer demo-clinic local-clinic-secret microneedling.alerts.clinic.other-clinic demo-clinic.ci2 \
  >/tmp/compose-test.refused 2>&1 || true
check "demo-clinic is refused other-clinic's topic" grep -qi "not authorized" /tmp/compose-test.refused
clinic_consumer demo-clinic wrong-password microneedling.alerts.clinic.demo-clinic demo-clinic.ci3 \
  >/tmp/compose-test.badpw 2>&1 || true
check "a wrong password is refused" grep -qi "authentication failed" /tmp/compose-test.badpw

step "down, up: every topic, offset and row kept"
sleep 5   # let the services commit their last offsets
snapshot >/tmp/compose-test.before
compose down >/dev/null 2>&1
compose up -d >/tmp/compose-test.up2.log 2>&1 || { tail -40 /tmp/compose-test.up2.log >&2; fail "up again"; }
healthy 300
snapshot >/tmp/compose-test.after
check "topics, offsets and rows are the same after down and up" \
  diff /tmp/compose-test.before /tmp/compose-test.after
check "the clinic topics are kept" grep -q "microneedling.alerts.clinic.demo-clinic" /tmp/compose-test.after
check "the services' committed offsets are kept" grep -q "^risk-service microneedling.events" /tmp/compose-test.after
check "the alert row is kept" has "$NOTIFY/v1/users/$USER_ID/alerts" "$APP_KEY" HEALING_GAP
grep -c . /tmp/compose-test.after | xargs echo "state lines compared:"

if ((${#failed[@]})); then
  printf 'compose-test: %d check(s) failed after %ss:\n' "${#failed[@]}" "$SECONDS" >&2
  printf '  %s\n' "${failed[@]}" >&2
  compose logs --no-color --tail=40 notify-service >&2 || true
  exit 1
fi
echo "compose-test: passed in ${SECONDS}s"
