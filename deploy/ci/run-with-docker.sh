#!/usr/bin/env bash
# What .ci/run calls after `mvn verify`: installs and starts a Docker engine (nothing may rely on one being
# there), builds the stand-in images that no registry here can serve (cached: the debootstrap base under
# /var/cache/dermaguard-standins, the images in the engine's store), runs the compose round trip and the
# Testcontainers run, and stops the engine it started. Budget: 10 minutes for both runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$SECONDS
packages=()
command -v dockerd >/dev/null || packages+=(docker.io)
command -v docker-compose >/dev/null || packages+=(docker-compose)
command -v debootstrap >/dev/null || packages+=(debootstrap)
if ((${#packages[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
fi

dockerd_pid=
stop_engine() {
  if [[ -n $dockerd_pid ]]; then
    kill "$dockerd_pid" 2>/dev/null || true
    wait "$dockerd_pid" 2>/dev/null || true
  fi
}
trap stop_engine EXIT
if ! docker info >/dev/null 2>&1; then
  dockerd >/var/log/dermaguard-dockerd.log 2>&1 &
  dockerd_pid=$!
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { tail -20 /var/log/dermaguard-dockerd.log >&2; exit 1; }
fi
echo "docker engine up after $((SECONDS - started))s"

deploy/ci/standin-images.sh
echo "stand-in images ready after $((SECONDS - started))s"
runs=$SECONDS
failed=()
deploy/ci/compose-test.sh || failed+=(compose-test)
compose_done=$SECONDS
deploy/ci/containers-test.sh || failed+=(containers-test)
echo "compose run $((compose_done - runs))s, Testcontainers run $((SECONDS - compose_done))s;" \
  "all container checks $((SECONDS - started))s"
if ((${#failed[@]})); then echo "failed: ${failed[*]}" >&2; exit 1; fi
