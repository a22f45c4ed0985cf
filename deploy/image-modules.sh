#!/bin/sh
# Prints the modules an image of service $1 is built from (contract, service-support, persistence and outbox when
# the service uses them, the service).
# Without an argument, prints the modules of all three services' images. Either way it first takes the tests'
# support module out of the services' POMs in the build's copy, so an image build never resolves the local
# broker or embedded PostgreSQL (no test runs in an image build).
set -eu
for pom in intake-service/pom.xml risk-service/pom.xml notify-service/pom.xml; do
  perl -0pi -e 's{\s*<dependency>\s*<groupId>dev\.dermaguard</groupId>\s*<artifactId>dermaguard-test-support</artifactId>.*?</dependency>}{}s' "$pom"
done
if [ $# -eq 0 ]; then
  echo "contract,service-support,persistence,outbox,intake-service,risk-service,notify-service"
elif grep -q '<artifactId>dermaguard-outbox</artifactId>' "$1/pom.xml"; then
  echo "contract,service-support,persistence,outbox,$1"
else
  echo "contract,service-support,$1"
fi
