#!/bin/sh
# Remakes the README's screenshots (docs/screenshots/) by playing the game
# headless over the four-month history fixture the Stats tests use.
# usage: sh tools/screenshots.sh [BUILD_DIR]   (default build/release)
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin="${1:-$top/build/release}/cloudprep"
out="$top/docs/screenshots"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export TZ=UTC
run() { printf '%s\n' "$1" > "$work/s.txt"; "$bin" --headless --script "$work/s.txt" --shots "$work" --data-dir "$work/data" --seed 6 2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }; }
run "quit"
now=1767603600
{
  echo "CREATE TEMP TABLE fx_now(t INTEGER); INSERT INTO fx_now VALUES($now);"
  echo "CREATE TEMP TABLE fx_items(item_id TEXT, domain TEXT);"
  awk '/^  - id: /{id=$3} /^    domain: /{d=$2; gsub(/"/, "", d); if (id != "") printf "INSERT INTO fx_items VALUES(\047%s\047, \047%s\047);\n", id, d; id=""}' \
    "$top"/banks/clf-c02/*.yaml
  cat "$top/tests/fixtures/history.sql"
} | sqlite3 "$work/data/progress.db"
run "wait 900
shot home.png
key 1
wait 300
answer wrong
wait 500
shot drill.png
key Escape
key y
key Return
expect home
key 5
wait 300
shot stats.png
key 4
shot calendar.png
key Escape
key 3
key Return
$(i=0; while [ $i -lt 56 ]; do echo "wait $((25000 + i * 7919 % 50000))"; [ $((i % 7)) -eq 3 ] && echo "answer wrong" || echo "answer right"; [ $((i % 17)) -eq 5 ] && echo "key space"; echo "key n"; i=$((i + 1)); done)
key r
shot review.png
key e
key y
expect results
wait 1000
shot results.png
key Escape
key 2
key Return
wait 3200
answer right
wait 400
answer right
wait 300
shot arcade.png
quit"
# home at 200% text in a 960x600 window, once its menu has slid in
printf '%s\n' "resize 960 600" "wait 1500" "shot large-home.png" "quit" > "$work/s.txt"
"$bin" --headless --script "$work/s.txt" --shots "$work" --data-dir "$work/data-large" --text-size 200 \
  2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
for f in home drill stats calendar review results arcade large-home; do
  convert "$work/$f.png" -strip "$out/$f.png"
done
echo "wrote $(ls "$out" | wc -l) screenshots to $out"
