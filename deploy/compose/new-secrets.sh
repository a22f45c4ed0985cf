#!/usr/bin/env bash
# Writes a fresh .env for the compose stack to stdout: random passwords and, for each principal named, a random
# API key of which only the SHA-256 hash goes into DERMAGUARD_AUTH_KEYS. The keys themselves are printed once,
# on stderr: hand them to their owners, they are not stored anywhere.
#   deploy/compose/new-secrets.sh app:my-app clinic:derm-clinic-1 operator:ops > .env
set -euo pipefail
[[ $# -gt 0 ]] || { echo "usage: $0 app:<appId>|clinic:<clinicId>|operator:<id> ..." >&2; exit 2; }
secret() { head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
keys=() clinics=()
for principal in "$@"; do
  role=${principal%%:*} id=${principal#*:}
  [[ $role =~ ^(app|clinic|operator)$ && $id =~ ^[A-Za-z0-9._-]{1,64}$ ]] \
    || { echo "not a principal: $principal" >&2; exit 2; }
  [[ $role != clinic || $id =~ ^[a-z0-9-]{1,48}$ ]] || { echo "clinic ids are 1-48 of [a-z0-9-]: $id" >&2; exit 2; }
  key=$(secret)
  keys+=("$(printf %s "$key" | sha256sum | cut -d' ' -f1):$role:$id")
  echo "API key for $role $id: $key" >&2
  [[ $role == clinic ]] && clinics+=("$id:$(secret)")
done
join() { local IFS=,; echo "$*"; }
echo "DERMAGUARD_AUTH_KEYS=$(join "${keys[@]}")"
echo "DERMAGUARD_KAFKA_CLINICS=$(join "${clinics[@]+"${clinics[@]}"}")"
for v in INTAKE_KAFKA_PASSWORD RISK_KAFKA_PASSWORD NOTIFY_KAFKA_PASSWORD POSTGRES_PASSWORD RISK_DB_PASSWORD NOTIFY_DB_PASSWORD; do
  echo "$v=$(secret)"
done
