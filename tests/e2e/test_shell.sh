# The game shell: starts headless on the bundled bank, shows the home screen,
# takes screenshots, refuses bad scripts with the line number, and quits.
. "$(dirname "$0")/lib.sh"

play "expect home
shot home.png
wait 1000
shot home-settled.png
key Down
key Down
shot home-moved.png
resize 960 600
shot home-small.png
resize 1280 720
key F11
key F11
key M
shot home-muted.png
key M
key Escape"
check "game exits 0 after Escape on home" true
shot_ok home.png
shot_ok home-settled.png
shot_ok home-moved.png
shot_ok home-small.png 960 600
shots_differ home-settled.png home-moved.png

# A failed expect names the line and exits non-zero.
printf 'expect home\nexpect arcade\n' > "$WORK/bad.txt"
if "$BIN" --headless --script "$WORK/bad.txt" --data-dir "$WORK/data" 2>"$WORK/err.txt"; then
  fail "a failed expect should exit non-zero"
else
  grep -q "bad.txt:2: expected screen 'arcade' but 'home' is on top" "$WORK/err.txt" && pass || fail "expect error text: $(cat "$WORK/err.txt")"
fi
printf 'frobnicate\n' > "$WORK/bad2.txt"
if "$BIN" --headless --script "$WORK/bad2.txt" --data-dir "$WORK/data" 2>"$WORK/err2.txt"; then
  fail "an unknown command should exit non-zero"
else
  grep -q "bad2.txt:1: unknown command: frobnicate" "$WORK/err2.txt" && pass || fail "unknown command text: $(cat "$WORK/err2.txt")"
fi

printf 'expect hoem\n' > "$WORK/bad3.txt"
if "$BIN" --headless --script "$WORK/bad3.txt" --data-dir "$WORK/data" 2>"$WORK/err4.txt"; then
  fail "an unknown screen name should exit non-zero"
else
  grep -q "bad3.txt:1: no screen is called: hoem" "$WORK/err4.txt" && pass || fail "unknown screen text: $(cat "$WORK/err4.txt")"
fi

# Command line: version, help, bad options (exit 2 with one line).
v=$("$BIN" --version)
case "$v" in "cloudprep "[0-9]*.[0-9]*.[0-9]*) pass ;; *) fail "version: $v" ;; esac
"$BIN" --help | grep -q -- "--check-bank" && pass || fail "help text"
set +e
"$BIN" --frobnicate 2>"$WORK/err3.txt"; rc=$?
set -e
expect_eq "exit status of a bad option" "$rc" 2
expect_eq "bad option message" "$(cat "$WORK/err3.txt")" "cloudprep: unknown option '--frobnicate' (try --help)"

# The store was created with private permissions.
# Windows files have no POSIX modes (the per-user folder's rights keep them private)
if [ "${CLOUDPREP_SYSTEM:-}" != Windows ]; then
  expect_eq "progress.db mode" "$(stat -c %a "$WORK/data/progress.db")" 600
fi
# Mute was toggled twice and persisted as off.
expect_eq "muted setting" "$(sql "select value from settings where key='muted'")" 0
finish
