#!/bin/sh
# Builds the Linux packages: the application image (target/packages/image/Flarescope), a .deb when
# dpkg-deb is installed and an .rpm when rpmbuild is. Needs JDK 17+ (with jpackage) and Maven;
# jpackage also needs fakeroot for the .deb. Extra arguments go to Maven (for example -o).
# FLARESCOPE_VERSION overrides the version stamped on the packages (numbers only, such as 1.2.0).
set -eu
cd "$(dirname "$0")/.."

types=""
command -v dpkg-deb >/dev/null 2>&1 && types="deb"
command -v rpmbuild >/dev/null 2>&1 && types="${types:+$types,}rpm"
echo "linux.sh: application image${types:+ and $types}"

mvn -B -Ppackage-app -DskipTests -Dpackage.types="$types" \
    ${FLARESCOPE_VERSION:+-Dpackage.version="$FLARESCOPE_VERSION"} "$@" package
