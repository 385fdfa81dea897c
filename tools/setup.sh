#!/bin/sh
# Installs the Debian packages listed in packaging/debian-packages.txt (and in
# any other lists named as arguments, e.g. packaging/windows-packages.txt) that
# are not installed yet (make among them, so it runs before make exists):
# apt-get as root, sudo otherwise. Without root or sudo it prints the exact
# command to run as root and fails. Does nothing when all are there. Needs only sh.
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
install="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null 2>&1; then
  sudo="sudo"
else
  echo "cloudprep: these Debian packages are missing:$missing" >&2
  echo "cloudprep: installing them needs root, and sudo is not installed. Run this as root (e.g. after 'su -'):" >&2
  echo "  $install" >&2
  echo "cloudprep: then run the same command again." >&2
  exit 1
fi
echo "cloudprep: installing missing packages:$missing"
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends $missing; }; then
  echo "cloudprep: installing the packages failed. Run this as root, then try again:" >&2
  echo "  $install" >&2
  exit 1
fi
