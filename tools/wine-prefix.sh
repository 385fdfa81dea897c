#!/bin/sh
# Creates the Wine prefix the Windows tests run in (once; Wine's first start
# takes a while, and two tests must not both try to create it at once).
# Usage: tools/wine-prefix.sh DIR
set -eu
mkdir -p "$1"
export WINEPREFIX="$(cd "$1" && pwd)" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" DISPLAY=
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  mkdir -p "$WINEPREFIX"
  echo "wine-prefix: creating $WINEPREFIX"
  wineboot --init >/dev/null 2>&1 || true
  wineserver -w
fi
[ -f "$WINEPREFIX/system.reg" ] || { echo "wine-prefix: could not create $WINEPREFIX" >&2; exit 1; }
