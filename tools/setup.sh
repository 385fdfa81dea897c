#!/bin/sh
# Installs the Debian packages listed in packaging/debian-packages.txt (and in
# any other lists named as arguments, e.g. packaging/windows-packages.txt) that
# are not installed yet: apt-get as root, sudo otherwise. Does nothing when all are there.
set -eu
here=$(dirname "$0")
[ $# -gt 0 ] || set -- "$here/../packaging/debian-packages.txt"
missing=""
for pkg in $(cat "$@" | grep -v '^#' | tr -s ' \t' '\n' | grep -v '^$'); do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $pkg"
  fi
done
[ -z "$missing" ] && exit 0
echo "cloudprep: installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing
