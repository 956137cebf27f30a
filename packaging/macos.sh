#!/bin/sh
# Builds the macOS packages: the application image (target/packages/image/Flarescope.app) and a .dmg.
# Needs JDK 17+ (with jpackage), Maven and the Xcode command line tools. Extra arguments go to Maven.
# macOS wants a version whose first number is 1 or more; until the project reaches 1.0, set
# FLARESCOPE_VERSION (numbers only, such as 1.0.0) to stamp one on the bundle.
set -eu
cd "$(dirname "$0")/.."

mvn -B -Ppackage-app -DskipTests -Dpackage.types=dmg \
    ${FLARESCOPE_VERSION:+-Dpackage.version="$FLARESCOPE_VERSION"} "$@" package
