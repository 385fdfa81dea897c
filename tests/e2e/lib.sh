# Shared helpers for the end-to-end tests (their own variables start with _). Each test is run by CTest as
#   sh tests/e2e/test_NAME.sh BINARY SOURCE_DIR WORK_DIR
# and plays the real game headless from a script, then checks the database
# and the screenshots.
set -eu
BIN=$1
SRC=$2
WORK=$3
rm -rf "$WORK"
mkdir -p "$WORK/shots" "$WORK/data"
# A cross-built program runs through its emulator (Wine for Windows): BIN
# becomes a small launcher, so every test calls "$BIN" the same way.
if [ -n "${CLOUDPREP_RUNNER:-}" ]; then
  printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$CLOUDPREP_RUNNER" "$BIN" > "$WORK/cloudprep-runner"
  chmod +x "$WORK/cloudprep-runner"
  BIN=$WORK/cloudprep-runner
fi
export TZ=UTC
FAILS=0
PASSES=0

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
pass() { PASSES=$((PASSES + 1)); }
check() { # check DESCRIPTION COMMAND...
  _desc=$1; shift
  if "$@"; then pass; else fail "$_desc"; fi
}

# play SCRIPT_TEXT [extra args]: writes the script and runs it headless
# (with --seed 7, or $SEED when set).
play() {
  _script=$1; shift
  _n=$(ls "$WORK" | grep -c '^script' || true)
  _file="$WORK/script$_n.txt"
  printf '%s\n' "$_script" > "$_file"
  "$BIN" --headless --script "$_file" --shots "$WORK/shots" --data-dir "$WORK/data" --seed "${SEED:-7}" "$@"
}

# sweep WHAT SCRIPT SEEDS: plays the script the function SCRIPT prints (after
# a resize) at 150% and 200% text in 1280x720 and 960x600, once for each
# seed in SEEDS, each from a fresh progress file; a failure names WHAT, the
# text size, the window and the seed.
sweep() {
  for _size in 150 200; do
    for _win in "1280 720" "960 600"; do
      for _seed in $3; do
        _tag="$_size-$(echo "$_win" | tr ' ' x)-seed$_seed"
        rm -rf "$WORK/data"
        SEED=$_seed
        if play "resize $_win
$($2)" --text-size "$_size" 2>"$WORK/err-$_tag.txt"; then pass; else fail "$1 at $_tag: $(cat "$WORK/err-$_tag.txt")"; fi
      done
    done
  done
  SEED=7
}

# mock_wrong_to_answers N: script lines that answer N questions of the mock
# on screen wrongly, end it from the review grid and open the answer review.
mock_wrong_to_answers() {
  repeat "$1" "answer wrong
key n"
  printf '%s\n' "key r" "expect review" "key e" "key y" "expect results" "key v" "expect answers"
}

# begin_mock: script lines that start a mock exam from home (3, Enter).
begin_mock() {
  printf '%s\n' "key 3" "expect mock" "key Return" "expect exam"
}

# diagnostic_to_results MARKS: script lines that take the diagnostic from
# home, answer its questions as MARKS says (r right, w wrong, one letter a
# question), end it on the review grid and wait for the results.
diagnostic_to_results() {
  printf '%s\n' "key 4" "expect diagnostic" "key Return" "expect exam"
  _marks=$1
  while [ -n "$_marks" ]; do
    case "$_marks" in r*) echo "answer right" ;; *) echo "answer wrong" ;; esac
    echo "key Return"
    _marks=${_marks#?}
  done
  printf '%s\n' "expect review" "key e" "key y" "expect results" "wait 1000"
}

# end_from_grid: script lines that open the review grid of the exam on
# screen, end the exam there and wait for the results.
end_from_grid() {
  printf '%s\n' "key r" "expect review" "key e" "key y" "expect results" "wait 1000"
}

# repeat N LINE: prints LINE N times (for long runs of script commands).
repeat() {
  _i=0
  while [ $_i -lt "$1" ]; do printf '%s\n' "$2"; _i=$((_i + 1)); done
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
  _f="$WORK/shots/$1"
  _w=${2:-1280}; _h=${3:-720}
  if [ ! -s "$_f" ]; then fail "screenshot $1 missing"; return; fi
  expect_eq "size of $1" "$(identify -format '%w %h' "$_f")" "$_w $_h"
  _colours=$(identify -format '%k' "$_f")
  if [ "$_colours" -gt 64 ]; then pass; else fail "screenshot $1 looks blank ($_colours colours)"; fi
}

# shots_differ A B: two screenshots are not the same picture.
shots_differ() {
  _d=$(compare -metric AE "$WORK/shots/$1" "$WORK/shots/$2" null: 2>&1 || true)
  _d=${_d%% *}
  if [ "${_d%.*}" -gt 1000 ]; then pass; else fail "$1 and $2 should differ (only $_d pixels do)"; fi
}

# bank_of DIR QUESTION: writes a bank of six questions (q1-q6, two per task
# of the mini exam: 6 items a mock), each written as YAML by the function
# QUESTION ID DOMAIN TASK.
bank_of() {
  mkdir -p "$1"
  cp "$SRC/tests/banks/mini/exam.yaml" "$1/exam.yaml"
  {
    echo "questions:"
    for _q in q1:1:1.1 q2:1:1.1 q3:1:1.2 q4:1:1.2 q5:ops:ops.1 q6:ops:ops.1; do
      "$2" $(echo "$_q" | tr ':' ' ')
    done
  } > "$1/a.yaml"
}

# small_bank DIR: writes a bank of six questions (q1-q6, two per task of the
# mini exam: 6 items a mock) where every question has two documentation
# pages: ".../qN-page-a.html" titled "First page for qN" and ".../qN-page-b/"
# titled "Second page for qN".
small_bank() {
  bank_of "$1" _small_question
}
_small_question() { # ID DOMAIN TASK
  cat <<YAML
  - id: $1
    domain: "$2"
    task: "$3"
    difficulty: 2
    prompt: Which service in question $1 stores objects in buckets?
    options:
      - text: Amazon S3 for $1
        correct: true
        why: S3 stores objects in buckets.
      - text: Amazon EBS for $1
        correct: false
        why: EBS is block storage for one instance.
      - text: Amazon EFS for $1
        correct: false
        why: EFS is a shared file system.
      - text: Amazon RDS for $1
        correct: false
        why: RDS is a managed relational database.
    explanation: Objects live in S3 buckets; $1 checks that.
    refs:
      - title: First page for $1
        url: https://docs.aws.amazon.com/AmazonS3/latest/userguide/$1-page-a.html
      - title: Second page for $1
        url: https://aws.amazon.com/s3/$1-page-b/
YAML
}

# no_text SCRIPT DESCRIPTION [ARGS...]: a negative check; the script
# (played with ARGS), which ends on the expect-text or click-text that must
# find nothing, has to fail.
no_text() {
  _script=$1
  _what=$2
  shift 2
  if play "$_script" "$@" 2>/dev/null; then fail "$_what"; else pass; fi
}

# ten_minutes: makes the progress file with a commitment of 10 minutes a
# day (20 answers), under which --seed 7's first drill asks three questions,
# then a flashcard (scripts written for that order use it).
ten_minutes() {
  play "quit"
  sql "INSERT OR REPLACE INTO settings(key, value) VALUES ('daily_minutes', '10')"
}

# history_fixture: adds months of simulated history to the progress file the
# game made (tests/fixtures/history.sql over the clf-c02 bank's items),
# ending at the headless clock's start (2026-01-05 09:00 UTC).
history_fixture() {
  {
    echo "CREATE TEMP TABLE fx_now(t INTEGER); INSERT INTO fx_now VALUES(1767603600);"
    echo "CREATE TEMP TABLE fx_items(item_id TEXT, domain TEXT);"
    awk '/^  - id: /{id=$3} /^    domain: /{d=$2; gsub(/"/, "", d); if (id != "") printf "INSERT INTO fx_items VALUES(\047%s\047, \047%s\047);\n", id, d; id=""}' \
      "$SRC"/banks/clf-c02/*.yaml
    cat "$SRC/tests/fixtures/history.sql"
  } | sqlite3 -bail "$WORK/data/progress.db" || fail "the history fixture did not apply"
}

# six_option_bank DIR: writes a bank of six multiple-response questions
# (q1-q6, "Choose TWO", six options each, S3 and EBS the right ones, a
# prompt long enough to scroll at large text), a mock of 6 in 10 minutes.
six_option_bank() {
  bank_of "$1" _six_option_question
}
_six_option_question() { # ID DOMAIN TASK
  cat <<YAML
  - id: $1
    domain: "$2"
    task: "$3"
    difficulty: 2
    choose: 2
    prompt: >-
      A company in question $1 runs a web shop on Amazon EC2. Its product
      photos must be kept for years at a low cost, and each instance needs
      a disk that survives a reboot. The team wants managed services and
      no servers of its own for storage. Which two services store this
      data? (Choose TWO.)
    options:
      - {text: Amazon S3 for $1, correct: true, why: S3 stores objects.}
      - {text: Amazon EBS for $1, correct: true, why: EBS stores blocks for an instance.}
      - {text: AWS IAM for $1, correct: false, why: IAM controls access.}
      - {text: Amazon CloudWatch for $1, correct: false, why: CloudWatch watches metrics and logs.}
      - {text: AWS Shield for $1, correct: false, why: Shield protects against DDoS attacks.}
      - {text: Amazon Route 53 for $1, correct: false, why: Route 53 resolves names.}
    explanation: S3 keeps the photos and EBS is the instance's disk in $1.
YAML
}

finish() {
  echo "$PASSES passed, $FAILS failed"
  [ "$FAILS" -eq 0 ]
}
