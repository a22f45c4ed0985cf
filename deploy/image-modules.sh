#!/bin/sh
# Prints the modules an image of service $1 is built from (common, outbox when the service uses it, the service)
# and takes the tests' support module out of the service's POM in the build's copy, so the image build never
# resolves the local broker or embedded PostgreSQL (tests do not run in an image build).
set -eu
service=$1
perl -0pi -e 's{\s*<dependency>\s*<groupId>dev\.dermaguard</groupId>\s*<artifactId>dermaguard-test-support</artifactId>.*?</dependency>}{}s' \
  "$service/pom.xml"
if grep -q '<artifactId>dermaguard-outbox</artifactId>' "$service/pom.xml"; then
  echo "common,outbox,$service"
else
  echo "common,$service"
fi
