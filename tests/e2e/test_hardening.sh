# Hostile surroundings: a fresh machine's set-up without sudo, FIFOs and
# odd names in bank folders, command-line paths that are not what they
# claim to be. Each case must end promptly with a message that says what
# to do, and must not hang or write where it should not.
. "$(dirname "$0")/lib.sh"

# run_limited SECONDS CMD...: runs CMD with a time limit; status 124 on a hang.
run_limited() { _t=$1; shift; timeout -s KILL "$_t" "$@"; }

# --- set-up on a machine without root and without sudo -------------------
fake="$WORK/fakebin"
mkdir -p "$fake"
for t in sh grep tr cat dirname; do ln -s "$(command -v $t)" "$fake/$t"; done
printf '#!/bin/sh\necho 1000\n' > "$fake/id"
printf '#!/bin/sh\nexit 1\n' > "$fake/dpkg-query"
chmod +x "$fake/id" "$fake/dpkg-query"
set +e
PATH="$fake" sh "$SRC/tools/setup.sh" >"$WORK/setup.out" 2>&1; rc=$?
set -e
expect_eq "setup without sudo fails" "$rc" 1
grep -q "sudo is not installed" "$WORK/setup.out" && pass || fail "setup says sudo is missing: $(cat "$WORK/setup.out")"
grep -q "^  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends make build-essential" \
  "$WORK/setup.out" && pass || fail "setup prints the command for root: $(cat "$WORK/setup.out")"
grep -q " file$" "$WORK/setup.out" && pass || fail "the package list has 'file' (CPack shlibdeps)"

# --- --shots creates its folder; --script must be a file ----------------
printf 'expect home\nshot a.png\nquit\n' > "$WORK/s.txt"
"$BIN" --headless --script "$WORK/s.txt" --shots "$WORK/new/shots/here" --data-dir "$WORK/data" >/dev/null 2>&1 \
  && pass || fail "--shots into a missing folder"
[ -s "$WORK/new/shots/here/a.png" ] && pass || fail "--shots folder created and screenshot written"
set +e
"$BIN" --headless --script "$WORK" --data-dir "$WORK/data" 2>"$WORK/err.txt"; rc=$?
set -e
expect_eq "--script naming a folder exits 2" "$rc" 2
grep -q -- "--script .* is a folder" "$WORK/err.txt" && pass || fail "--script folder message: $(cat "$WORK/err.txt")"

# --- FIFOs in a bank never hang --check-bank or the game -----------------
bank="$WORK/fifobank"
mkdir -p "$bank"
cp "$SRC/tests/banks/mini/"*.yaml "$bank/"
mkfifo "$bank/zz-pipe.yaml"
set +e
run_limited 20 "$BIN" --check-bank "$bank" >"$WORK/fifo.out" 2>&1; rc=$?
set -e
[ "$rc" -ne 124 ] && [ "$rc" -ne 137 ] && pass || fail "--check-bank hangs on a FIFO item file"
grep -q "zz-pipe.yaml:.*error: cannot read: this is a FIFO (named pipe), not a regular file" "$WORK/fifo.out" \
  && pass || fail "FIFO item file reported by name: $(cat "$WORK/fifo.out")"
set +e
run_limited 30 "$BIN" --headless --script "$WORK/s.txt" --bank "$bank" --data-dir "$WORK/fifodata" >/dev/null 2>&1; rc=$?
set -e
expect_eq "the game skips a FIFO item file and runs" "$rc" 0
rm "$bank/exam.yaml"; mkfifo "$bank/exam.yaml"
set +e
run_limited 20 "$BIN" --check-bank "$bank" >"$WORK/fifo2.out" 2>&1; rc=$?
set -e
expect_eq "--check-bank on a FIFO exam.yaml fails, promptly" "$rc" 1
grep -q "exam.yaml:.*this is a FIFO" "$WORK/fifo2.out" && pass || fail "FIFO exam.yaml reported: $(cat "$WORK/fifo2.out")"

# --- names that look like item files but will not load are named --------
bank2="$WORK/namebank"
mkdir -p "$bank2"
cp "$SRC/tests/banks/mini/"*.yaml "$bank2/"
cp "$bank2/d-cards.yaml" "$bank2/e-upper.YAML"
cp "$bank2/d-cards.yaml" "$bank2/f-space.yaml "
"$BIN" --check-bank "$bank2" >"$WORK/names.out" 2>&1 || true
grep -q "e-upper.YAML:.*warning: ignored: bank files must end in '.yaml'" "$WORK/names.out" \
  && pass || fail "*.YAML warned: $(cat "$WORK/names.out")"
grep -q "f-space.yaml :.*warning: ignored" "$WORK/names.out" && pass || fail "trailing space warned"

# --- a second copy on the same data folder opens nothing -----------------
mkdir -p "$WORK/lockdata"
"$BIN" --headless --script "$WORK/s.txt" --data-dir "$WORK/lockdata" >/dev/null 2>&1 || true
exec 9>>"$WORK/lockdata/progress.lock"
flock -n 9 && pass || fail "taking the lock for the test"
before=$(sha256sum "$WORK/lockdata/progress.db")
set +e
printf 'expect home\nquit\n' > "$WORK/lock.txt"
run_limited 20 "$BIN" --headless --script "$WORK/lock.txt" --data-dir "$WORK/lockdata" 2>"$WORK/lock.err" 9>&-; rc=$?
set -e
exec 9>&-
expect_eq "a second copy exits 1" "$rc" 1
grep -q "cloudprep is already running with the progress file .*lockdata/progress.db" "$WORK/lock.err" \
  && pass || fail "second copy says it is already running: $(cat "$WORK/lock.err")"
expect_eq "the progress file is untouched" "$(sha256sum "$WORK/lockdata/progress.db")" "$before"

# --- command line: each bad value names its option -----------------------
for args in "--seed 0x10" "--seed 1 --seed 2" "--check-bank a --bank b"; do
  set +e
  # shellcheck disable=SC2086
  "$BIN" $args 2>"$WORK/cli.txt"; rc=$?
  set -e
  expect_eq "exit status for '$args'" "$rc" 2
  opt=${args%% *}
  grep -q -- "$opt" "$WORK/cli.txt" && pass || fail "message for '$args' names $opt: $(cat "$WORK/cli.txt")"
done
finish
