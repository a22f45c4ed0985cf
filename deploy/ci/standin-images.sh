#!/usr/bin/env bash
# Builds, under the exact upstream names and tags that docker-compose.yml and deploy/Dockerfile use, local
# stand-ins for images no registry here can serve: apache/kafka, postgres, the Maven build base and the Java
# runtime base. Each is built from Debian bookworm's minbase (debootstrap) and honours its upstream image's
# variables and paths (see each Dockerfile under deploy/ci/standins). Images that exist are kept (the cache);
# --force rebuilds them. The debootstrap tarball is cached in $DERMAGUARD_STANDIN_CACHE.
# Never run against a daemon that can pull the real images: there, use those.
set -euo pipefail
cd "$(dirname "$0")/../.."
CACHE=${DERMAGUARD_STANDIN_CACHE:-/var/cache/dermaguard-standins}
FORCE=false; [[ ${1:-} == --force ]] && FORCE=true
BASE=dermaguard-standin/debian:bookworm-minbase
STANDINS=deploy/ci/standins

image_in() {  # the first image reference that matches $2 in file $1
  grep -oE "$2" "$1" | head -1 | sed -E 's/^(image:|FROM)[[:space:]]+//'
}
KAFKA_IMAGE=$(image_in docker-compose.yml 'image: apache/kafka:[^[:space:]"]+')
POSTGRES_IMAGE=$(image_in docker-compose.yml 'image: postgres:[^[:space:]"]+')
BUILD_IMAGE=$(image_in deploy/Dockerfile 'FROM maven:[^[:space:]]+')
RUNTIME_IMAGE=$(image_in deploy/Dockerfile 'FROM eclipse-temurin:[^[:space:]]+')
for v in KAFKA_IMAGE POSTGRES_IMAGE BUILD_IMAGE RUNTIME_IMAGE; do
  [[ -n ${!v} ]] || { echo "standin-images: no $v found in docker-compose.yml or deploy/Dockerfile" >&2; exit 1; }
done

present() { ! $FORCE && docker image inspect "$1" >/dev/null 2>&1; }
build() {  # build <image> <context> [--build-arg ...]
  local image=$1 context=$2; shift 2
  if present "$image"; then echo "standin-images: $image present"; return; fi
  echo "standin-images: building $image"
  docker build -q --label dermaguard.standin=true -t "$image" "$@" "$context" >/dev/null
}

if ! present "$BASE"; then
  mkdir -p "$CACHE"
  if [[ ! -s $CACHE/bookworm-minbase.tar ]]; then
    command -v debootstrap >/dev/null || { echo "standin-images: install debootstrap first" >&2; exit 1; }
    rm -rf "$CACHE/rootfs"
    debootstrap --variant=minbase bookworm "$CACHE/rootfs" >"$CACHE/debootstrap.log" 2>&1 \
      || { tail -20 "$CACHE/debootstrap.log" >&2; exit 1; }
    tar -C "$CACHE/rootfs" -cf "$CACHE/bookworm-minbase.tar.part" . && mv "$CACHE/bookworm-minbase.tar.part" "$CACHE/bookworm-minbase.tar"
    rm -rf "$CACHE/rootfs"
  fi
  docker import "$CACHE/bookworm-minbase.tar" "$BASE" >/dev/null
  echo "standin-images: imported $BASE"
fi

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$STANDINS/jre" "$work/jre" && mkdir -p "$work/jre/extra-ca"
cp /usr/local/share/ca-certificates/*.crt "$work/jre/extra-ca/" 2>/dev/null || true
build "$RUNTIME_IMAGE" "$work/jre" --build-arg BASE_IMAGE="$BASE"
if ! present "$BUILD_IMAGE"; then
  maven_version=$(sed -E 's/^maven:([0-9.]+)-.*/\1/' <<<"$BUILD_IMAGE")
  cp -r "$STANDINS/jdk-maven" "$work/jdk-maven"
  (cd "$work" && mvn -B -q dependency:copy -Dartifact="org.apache.maven:apache-maven:$maven_version:tar.gz:bin" \
    -DoutputDirectory="$work" -Dmdep.useBaseVersion=true)
  mkdir "$work/jdk-maven/maven"
  tar -xzf "$work/apache-maven-$maven_version-bin.tar.gz" --strip-components=1 -C "$work/jdk-maven/maven"
  build "$BUILD_IMAGE" "$work/jdk-maven" --build-arg JRE_IMAGE="$RUNTIME_IMAGE"
fi

if ! present "$KAFKA_IMAGE"; then
  kafka_version=${KAFKA_IMAGE#*:}
  cp -r "$STANDINS/kafka" "$work/kafka"
  mvn -B -q -f "$work/kafka/pom.xml" dependency:copy-dependencies -Dkafka.version="$kafka_version" \
    -DincludeScope=runtime -DoutputDirectory="$work/kafka/libs"
  build "$KAFKA_IMAGE" "$work/kafka" --build-arg JRE_IMAGE="$RUNTIME_IMAGE" --build-arg KAFKA_VERSION="$kafka_version"
fi

pg_major=$(sed -E 's/^postgres:([0-9]+).*/\1/' <<<"$POSTGRES_IMAGE")
build "$POSTGRES_IMAGE" "$STANDINS/postgres" --build-arg BASE_IMAGE="$BASE" --build-arg PG_MAJOR="$pg_major"
