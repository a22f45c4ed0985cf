#!/usr/bin/env bash
# The Testcontainers run: ContainersEndToEndTest starts the service images (built by compose, dermaguard/*:1.0.0)
# with the broker and database images compose names, on a network of its own. Testcontainers' helper images
# come from a registry: Ryuk (its reaper) is off, the test stops its own containers; its start-up checks are off,
# and its tiny helper image is the local Debian base the stand-ins are built from (standin-images.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
for service in intake-service risk-service notify-service; do
  docker image inspect "dermaguard/$service:1.0.0" >/dev/null 2>&1 \
    || { echo "containers-test: no image dermaguard/$service:1.0.0; run docker-compose build first" >&2; exit 1; }
done
TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_CHECKS_DISABLE=true \
TESTCONTAINERS_TINYIMAGE_CONTAINER_IMAGE=dermaguard-standin/debian:bookworm-minbase mvn -B -q -pl deploy-checks -am verify -Ddermaguard.containers=true \
  -Dtest=ContainersEndToEndTest -Dsurefire.failIfNoSpecifiedTests=false
echo "containers-test: passed"
