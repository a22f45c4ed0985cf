#!/usr/bin/env bash
# The broker's TLS identity for the clinics' listener (clinic-tls.yml): a PKCS12 keystore and its password in
# deploy/compose/secrets/ (never committed), and the certificate clinics must trust, printed as PEM. Self-signed;
# to use your CA's certificate instead, put its keystore there under the same names.
#   deploy/compose/clinic-tls-keystore.sh <host name clinics connect to>
set -euo pipefail
host=${1:?usage: $0 <host name clinics connect to>}
cd "$(dirname "$0")"
mkdir -p secrets && chmod 711 secrets   # the broker (uid 1000) may open files here, not list them
password=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf %s "$password" > secrets/keystore-password
image=$(grep -oE 'image: apache/kafka:[^[:space:]]+' ../../docker-compose.yml | head -1 | cut -d' ' -f2)
docker run --rm --user "$(id -u)" -v "$PWD/secrets:/out" --entrypoint keytool "$image" -genkeypair -alias kafka \
  -keyalg EC -groupname secp256r1 -validity 825 -dname "CN=$host" -ext "SAN=DNS:$host" \
  -keystore /out/kafka.keystore.p12 -storetype PKCS12 -storepass "$password" -keypass "$password" >/dev/null
docker run --rm --user "$(id -u)" -v "$PWD/secrets:/out" --entrypoint keytool "$image" -exportcert -rfc \
  -alias kafka -keystore /out/kafka.keystore.p12 -storepass "$password"
chmod 644 secrets/kafka.keystore.p12 secrets/keystore-password   # the broker runs as uid 1000
