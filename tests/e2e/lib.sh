# Shared helpers for the end-to-end tests. Each test is run by CTest as
#   sh tests/e2e/test_NAME.sh BINARY SOURCE_DIR WORK_DIR
# and plays the real game headless from a script, then checks the database
# and the screenshots.
set -eu
BIN=$1
SRC=$2
WORK=$3
rm -rf "$WORK"
mkdir -p "$WORK/shots" "$WORK/data"
export TZ=UTC
FAILS=0
PASSES=0

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
pass() { PASSES=$((PASSES + 1)); }
check() { # check DESCRIPTION COMMAND...
  desc=$1; shift
  if "$@"; then pass; else fail "$desc"; fi
}

# play SCRIPT_TEXT [extra args]: writes the script and runs it headless.
play() {
  script=$1; shift
  n=$(ls "$WORK" | grep -c '^script' || true)
  file="$WORK/script$n.txt"
  printf '%s\n' "$script" > "$file"
  "$BIN" --headless --script "$file" --shots "$WORK/shots" --data-dir "$WORK/data" --seed 7 "$@"
}

# sql QUERY: prints the result from progress.db.
sql() { sqlite3 -batch -noheader "$WORK/data/progress.db" "$1"; }

# expect_eq DESCRIPTION GOT WANT
expect_eq() {
  if [ "$2" = "$3" ]; then pass; else fail "$1: got '$2', want '$3'"; fi
}

# shot_ok NAME [W H]: the screenshot exists, has the size, and is not blank
# (many distinct colours: text, panels and gradients).
shot_ok() {
  f="$WORK/shots/$1"
  w=${2:-1280}; h=${3:-720}
  if [ ! -s "$f" ]; then fail "screenshot $1 missing"; return; fi
  size=$(identify -format '%w %h' "$f")
  expect_eq "size of $1" "$size" "$w $h"
  colours=$(identify -format '%k' "$f")
  if [ "$colours" -gt 64 ]; then pass; else fail "screenshot $1 looks blank ($colours colours)"; fi
}

# shots_differ A B: two screenshots are not the same picture.
shots_differ() {
  d=$(compare -metric AE "$WORK/shots/$1" "$WORK/shots/$2" null: 2>&1 || true)
  d=${d%% *}
  if [ "${d%.*}" -gt 1000 ]; then pass; else fail "$1 and $2 should differ (only $d pixels do)"; fi
}

finish() {
  echo "$PASSES passed, $FAILS failed"
  [ "$FAILS" -eq 0 ]
}
