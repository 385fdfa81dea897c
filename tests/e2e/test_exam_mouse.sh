# The mock exam as a mouse user and a careless hand meet it: a whole mock
# played by clicks only (Begin, the options, Next, Previous, Flag for
# review, Review, the grid's filters and cells, End exam and the dialog's
# button); "D, Enter" on a waiting 64-answer exam keeps it; every option of
# a six-option item is chosen by its letter (F is not "flag"); a
# multiple-response item with one of two choices is Incomplete in the
# review grid; the clock ending the exam on the review grid shows "Time's
# up"; the diagnostic begins by a click.
. "$(dirname "$0")/lib.sh"

# 1. A whole mock by mouse: questions 1-40 right, 41-50 wrong, 51-65 blank;
#    flag 2 and 25 (then unflag 25 from the grid), Previous once.
s="click-text Mock exam
expect mock
click-text ESL
click-text Begin the exam
expect exam
input mouse
answer right
click-text Next
answer right
click-text Flag for review
click-text Previous
click-text Next
click-text Next"
i=3
while [ $i -le 65 ]; do
  if [ $i -le 40 ]; then s="$s
answer right"; elif [ $i -le 50 ]; then s="$s
answer wrong"; fi
  [ $i -eq 25 ] && s="$s
click-text Flag for review"
  s="$s
click-text Next"; i=$((i + 1)); done
s="$s
expect review
shot mouse-review.png
click-text Unanswered
shot mouse-review-unanswered.png
click-text Question 51 (unanswered)
expect exam
click-text Review
expect review
click-text Flagged
shot mouse-review-flagged.png
click-text Question 25 (answered, flagged)
expect exam
click-text Flag for review
click-text Review
expect review
click-text All
click-text End exam
shot mouse-end-dialog.png
click-text Back to the exam
expect review
click-text End exam
click-text End exam
expect results
shot mouse-results.png"
play "$s"
expect_eq "the mouse exam finished" "$(sql "select mode, items, state from exams where id=1")" "mock|65|finished"
expect_eq "the ESL box ticked by a click" "$(sql "select esl, seconds_total from exams where id=1")" "1|7200"
expect_eq "answered by clicks" "$(sql "select count(*) from exam_items where exam_id=1 and answer != ''")" 50
expect_eq "right where clicked right" "$(sql "select count(*) from exam_items where exam_id=1 and position < 40 and correct=1")" 40
expect_eq "wrong where clicked wrong" "$(sql "select count(*) from exam_items where exam_id=1 and position between 40 and 49 and correct=1")" 0
expect_eq "flags set and unset by clicks" "$(sql "select group_concat(position) from exam_items where exam_id=1 and flagged=1")" "1"
for f in mouse-review mouse-review-unanswered mouse-review-flagged mouse-end-dialog mouse-results; do shot_ok $f.png; done
shots_differ mouse-review.png mouse-review-flagged.png
shots_differ mouse-review.png mouse-review-unanswered.png

# 2. "D, Enter" on a waiting exam with 64 answers keeps it (the dialog's
#    focus is on "Keep it"); the dialog's Discard button discards it.
s="key 3
expect mock
key Return
expect exam"
i=1
while [ $i -le 64 ]; do s="$s
answer right
key n"; i=$((i + 1)); done
s="$s
key Escape
key y
expect home"
play "$s"
expect_eq "64 answers wait" "$(sql "select count(*) from exam_items where exam_id=2 and answer != ''")" 64
play "key 3
expect mock
key d
key Return
expect mock
shot careless-kept.png
key Return
expect exam
key Escape
key y
expect home"
expect_eq "D, Enter keeps the exam" "$(sql "select state from exams where id=2")" "in_progress"
expect_eq "and its answers" "$(sql "select count(*) from exam_items where exam_id=2 and answer != ''")" 64
play "click-text Mock exam
expect mock
click-text Discard
click-text Discard
expect mock
shot discarded.png"
expect_eq "the Discard button discards" "$(sql "select state from exams where id=2")" "abandoned"
shot_ok careless-kept.png

# 3. A bank whose items have six options, and ask for two: F chooses
#    option F (the flag is Space); one choice of two is Incomplete.
BANK="$WORK/bank"
six_option_bank "$BANK"
"$BIN" --check-bank "$BANK" > "$WORK/check.txt" 2>&1 || fail "the six-option bank does not load: $(cat "$WORK/check.txt")"
play "key 3
expect mock
key Return
expect exam
key f
key n
key a
key f
key n
answer right
key r
expect review
click-text Question 1 (incomplete)
expect exam
key r
click-text Question 2 (answered)
key r
click-text Question 3 (answered)
key r
click-text Unanswered
click-text Question 1 (incomplete)
key r
key e
shot incomplete-end.png
key y
expect results" --bank "$BANK"
expect_eq "F chose option F, alone" "$(sql "select length(answer), flagged from exam_items where exam_id=3 and position=0")" "1|0"
expect_eq "A then F: two choices" "$(sql "select length(answer), flagged from exam_items where exam_id=3 and position=1")" "2|0"
shot_ok incomplete-end.png

# The clock runs out while the review grid is up: "Time's up" all the same
# (15 minutes: the ESL box is still ticked).
play "key 3
expect mock
key Return
expect exam
key r
expect review
wait 901000
expect timeup
click-text See your results
expect results" --bank "$BANK"
expect_eq "ended by the clock on the review grid" "$(sql "select state, seconds_left from exams where id=4")" "finished|0"

# 4. The diagnostic by mouse: Begin, then answers and Next, to the review.
s="click-text Diagnostic
expect diagnostic
click-text Begin
expect exam
input mouse"
i=1
while [ $i -le 10 ]; do s="$s
answer right
click-text Next"; i=$((i + 1)); done
s="$s
expect review
click-text End diagnostic
click-text End diagnostic
expect results"
rm -rf "$WORK/data"
play "$s"
expect_eq "the diagnostic finished by clicks" "$(sql "select mode, state from exams")" "diagnostic|finished"
expect_eq "ten answers" "$(sql "select count(*) from exam_items where correct=1")" 10
finish
