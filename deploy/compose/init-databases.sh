#!/usr/bin/env bash
# Run once by the postgres image, on an empty data directory. Each service gets its own database and a login
# that owns it and can reach nothing else (DESIGN.md: no service reads another's tables).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  --set risk_password="$RISK_DB_PASSWORD" --set notify_password="$NOTIFY_DB_PASSWORD" <<'SQL'
CREATE ROLE risk_service LOGIN PASSWORD :'risk_password';
CREATE ROLE notify_service LOGIN PASSWORD :'notify_password';
CREATE DATABASE dermaguard_risk OWNER risk_service;
CREATE DATABASE dermaguard_notify OWNER notify_service;
REVOKE ALL ON DATABASE dermaguard_risk, dermaguard_notify FROM PUBLIC;
GRANT CONNECT ON DATABASE dermaguard_risk TO risk_service;
GRANT CONNECT ON DATABASE dermaguard_notify TO notify_service;
SQL
