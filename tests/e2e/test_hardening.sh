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
# (Windows file systems have no FIFOs.)
if [ "${CLOUDPREP_SYSTEM:-}" != Windows ]; then
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
fi

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
# (Windows: the host's flock(1) is not a Windows file lock; the store's lock is
# tested by unit.test_store_salvage there.)
if [ "${CLOUDPREP_SYSTEM:-}" != Windows ]; then
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
fi

# --- SIGTERM ends a long exam promptly, saving where it was ----------------
printf 'expect home\nkey 3\nkey Return\nexpect exam\nanswer right\nwait 100000000\nquit\n' > "$WORK/long.txt"
"$BIN" --headless --script "$WORK/long.txt" --data-dir "$WORK/sigdata" --seed 3 >/dev/null 2>"$WORK/sig.err" &
game=$!
_i=0
while [ $_i -lt 100 ] && ! sqlite3 "$WORK/sigdata/progress.db" "select 1 from exam_items where answer != ''" 2>/dev/null | grep -q 1; do
  sleep 0.1; _i=$((_i + 1))
done
kill -TERM "$game"
_t0=$(date +%s)
set +e
wait "$game"; rc=$?
set -e
_t1=$(date +%s)
expect_eq "SIGTERM exit status" "$rc" 143
[ $((_t1 - _t0)) -le 3 ] && pass || fail "SIGTERM took $((_t1 - _t0)) s"
expect_eq "the exam is saved in progress, not ended" \
  "$(sqlite3 "$WORK/sigdata/progress.db" "select state, seconds_left > 0 from exams")" "in_progress|1"
expect_eq "its answer is kept" \
  "$(sqlite3 "$WORK/sigdata/progress.db" "select count(*) from exam_items where answer != ''")" 1

# --- a file size limit is reported, not a silent SIGXFSZ death ------------
# (Windows has no file size limit of this kind.)
if [ "${CLOUDPREP_SYSTEM:-}" != Windows ]; then
  set +e
  (ulimit -f 8; "$BIN" --headless --script "$WORK/s.txt" --data-dir "$WORK/fsizedata" >/dev/null 2>"$WORK/fsize.err"); rc=$?
  set -e
  [ "$rc" -ne 153 ] && pass || fail "killed by SIGXFSZ"
  grep -q "file size limit was reached (ulimit -f)" "$WORK/fsize.err" && pass || fail "file size limit message: $(cat "$WORK/fsize.err")"
fi

# --- times at the extremes are refused, not overflowed --------------------
printf 'expect home\ntime 9223372036854775000\nkey 1\nquit\n' > "$WORK/time.txt"
set +e
"$BIN" --headless --script "$WORK/time.txt" --data-dir "$WORK/timedata" 2>"$WORK/time.err"; rc=$?
set -e
expect_eq "a time past year 9999 fails the script" "$rc" 1
grep -q "time.txt:2: expected Unix seconds from 0 to 253402300799" "$WORK/time.err" && pass || fail "time message: $(cat "$WORK/time.err")"
! grep -q "runtime error" "$WORK/time.err" && pass || fail "undefined behaviour: $(cat "$WORK/time.err")"
printf 'expect home\ntime 253402300000\nkey 1\nanswer right\nkey Escape\nkey Escape\nkey 5\nkey Escape\ndays 1\nquit\n' > "$WORK/time2.txt"
set +e
"$BIN" --headless --script "$WORK/time2.txt" --data-dir "$WORK/timedata2" 2>"$WORK/time2.err"; rc=$?
set -e
expect_eq "a day past year 9999 fails the script" "$rc" 1
grep -q "time2.txt:9: the clock would leave the years 1970 to 9999" "$WORK/time2.err" && pass || fail "days message: $(cat "$WORK/time2.err")"
! grep -q "runtime error" "$WORK/time2.err" && pass || fail "undefined behaviour near year 9999: $(grep 'runtime error' "$WORK/time2.err")"

# --- progress.db that is a folder is named as such -------------------------
mkdir -p "$WORK/dirdata/progress.db"
"$BIN" --headless --script "$WORK/s.txt" --data-dir "$WORK/dirdata" >/dev/null 2>"$WORK/dir.err" || true
grep -q "progress.db is a folder, not a file" "$WORK/dir.err" && pass || fail "progress.db folder message: $(cat "$WORK/dir.err")"

# --- --export-history writes only what it should ---------------------------
set +e
"$BIN" --export-history "$WORK/h.csv" --data-dir "$WORK/no-such-data" 2>"$WORK/exp1.err"; rc=$?
set -e
expect_eq "export from a missing data folder fails" "$rc" 1
[ ! -e "$WORK/no-such-data" ] && [ ! -e "$WORK/h.csv" ] && pass || fail "export from a missing folder created something"
grep -q "there is no data folder" "$WORK/exp1.err" && pass || fail "missing folder message: $(cat "$WORK/exp1.err")"
mkdir -p "$WORK/emptydata"
set +e
"$BIN" --export-history "$WORK/h.csv" --data-dir "$WORK/emptydata" 2>"$WORK/exp2.err"; rc=$?
set -e
expect_eq "export from a folder without progress fails" "$rc" 1
expect_eq "and creates nothing there" "$(ls -A "$WORK/emptydata" | wc -l)" 0
grep -q "there is no progress file" "$WORK/exp2.err" && pass || fail "no progress file message: $(cat "$WORK/exp2.err")"
out="$WORK/export"
mkdir -p "$out"
echo "precious" > "$WORK/victim.txt"
ln -s "$WORK/victim.txt" "$out/h.csv.tmp"
"$BIN" --export-history "$out/h.csv" --data-dir "$WORK/sigdata" >/dev/null 2>&1 && pass || fail "export next to a planted .tmp link"
expect_eq "a planted FILE.tmp link is not followed" "$(cat "$WORK/victim.txt")" "precious"
[ -f "$out/h.csv" ] && [ ! -L "$out/h.csv" ] && head -1 "$out/h.csv" | grep -q "^record," && pass || fail "export written"
mkdir "$out/dir.csv"
targets="dir.csv:folder"
# (A Windows program meets no FIFOs, and the host's symbolic links look like files to it.)
if [ "${CLOUDPREP_SYSTEM:-}" != Windows ]; then
  ln -s "$WORK/victim.txt" "$out/link.csv"
  mkfifo "$out/fifo.csv"
  targets="link.csv:symbolic_link fifo.csv:FIFO $targets"
fi
for t in $targets; do
  name=${t%%:*}; kind=$(echo "${t#*:}" | tr _ ' ')
  set +e
  run_limited 20 "$BIN" --export-history "$out/$name" --data-dir "$WORK/sigdata" 2>"$WORK/exp3.err"; rc=$?
  set -e
  expect_eq "export over a $kind is refused" "$rc" 1
  grep -q "$name: it is a $kind.*only replaces regular files" "$WORK/exp3.err" && pass || fail "$kind message: $(cat "$WORK/exp3.err")"
done
expect_eq "the link's target is untouched" "$(cat "$WORK/victim.txt")" "precious"
if [ "${CLOUDPREP_SYSTEM:-}" != Windows ]; then
  [ -p "$out/fifo.csv" ] && [ -d "$out/dir.csv" ] && [ -L "$out/link.csv" ] && pass || fail "refused targets kept"
else
  [ -d "$out/dir.csv" ] && pass || fail "refused target kept"
fi
expect_eq "no temporary files left" "$(ls -A "$out" | grep -c cloudprep-export || true)" 0

# --- a bank that fails to load creates no progress file ---------------------
mkdir -p "$WORK/badbank"
printf 'code: [\n' > "$WORK/badbank/exam.yaml"
set +e
"$BIN" --headless --script "$WORK/s.txt" --bank "$WORK/badbank" --data-dir "$WORK/badbankdata" >/dev/null 2>&1; rc=$?
set -e
expect_eq "a bank that fails to load exits 1" "$rc" 1
[ ! -e "$WORK/badbankdata/progress.db" ] && pass || fail "a failed bank left a progress.db"

# --- escape sequences in names and text never reach the terminal raw ------
bank3="$WORK/escbank"
mkdir -p "$bank3"
cp "$SRC/tests/banks/mini/exam.yaml" "$bank3/"
esc=$(printf '\033')
printf 'questions:\n  - id: q-1\n    domain: "1"\n' > "$bank3/x${esc}[2Jy.yaml"
"$BIN" --check-bank "$bank3" >"$WORK/esc.out" 2>&1 || true
! grep -q "$esc" "$WORK/esc.out" && pass || fail "a raw escape character reached the output"
grep -q 'x<U+001B>\[2Jy.yaml' "$WORK/esc.out" && pass || fail "escaped file name: $(cat -v "$WORK/esc.out" | head -3)"

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
