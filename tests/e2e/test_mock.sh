# Mock exam end to end: a whole exam with answers, flags, previous/next, the
# review screen and an end with unanswered items; a second exam ended by the
# clock; a third killed mid-way and resumed. Every stored row is checked, and
# the stored score against the scoring formula.
. "$(dirname "$0")/lib.sh"

# Exam 1: answer 1-20 right, 21-30 wrong, flag 2 and 25, leave 31-65 blank.
s="key 3
expect mock
wait 100
shot mock-start.png
key Return
expect exam
shot mock-question.png
answer right
key n
answer right
key Space
shot mock-flagged.png
key p
key n
key n"
i=3
while [ $i -le 20 ]; do s="$s
answer right
key n"; i=$((i + 1)); done
while [ $i -le 30 ]; do s="$s
answer wrong"
  [ $i -eq 25 ] && s="$s
key Space"
  s="$s
key n"; i=$((i + 1)); done
s="$s
wait 61000
shot mock-later.png
key r
expect review
shot mock-review.png
key u
shot mock-review-unanswered.png
key f
shot mock-review-flagged.png
key a
key e
shot mock-end-confirm.png
key y
expect results
wait 1000
shot mock-results.png
key Return
expect answers
shot mock-answers.png
key w
shot mock-answers-wrong.png
key u
shot mock-answers-unscored.png
key Escape
expect results
key Escape
expect home"
play "$s"

expect_eq "exam row" "$(sql "select mode, items, scored, state from exams where id=1")" "mock|65|50|finished"
expect_eq "65 exam_items" "$(sql "select count(*) from exam_items where exam_id=1")" 65
expect_eq "15 unscored" "$(sql "select count(*) from exam_items where exam_id=1 and scored=0")" 15
expect_eq "scored items by domain" "$(sql "select group_concat(n, '/') from (select domain, count(*) n from exam_items where exam_id=1 and scored=1 group by domain order by domain)")" "12/15/17/6"
expect_eq "answered positions" "$(sql "select count(*) from exam_items where exam_id=1 and answer != ''")" 30
expect_eq "right answers where answered right" "$(sql "select count(*) from exam_items where exam_id=1 and position < 20 and correct=1")" 20
expect_eq "wrong answers where answered wrong" "$(sql "select count(*) from exam_items where exam_id=1 and position >= 20 and correct=1")" 0
expect_eq "flags" "$(sql "select group_concat(position) from exam_items where exam_id=1 and flagged=1")" "1,24"
right=$(sql "select count(*) from exam_items where exam_id=1 and scored=1 and correct=1")
expect_eq "stored correct_scored" "$(sql "select correct_scored from exams where id=1")" "$right"
# The scoring formula (pass fraction 0.70, scale 100/700/1000), rounded.
want=$(awk -v r="$right" 'BEGIN { p = r / 50; c = 0.7;
  s = (p <= c) ? 100 + 600 * p / c : 700 + 300 * (p - c) / (1 - c); printf "%d", s + 0.5 }')
expect_eq "stored scaled score" "$(sql "select scaled from exams where id=1")" "$want"
expect_eq "passed flag" "$(sql "select passed from exams where id=1")" "$([ "$want" -ge 700 ] && echo 1 || echo 0)"
expect_eq "reviews for answered items" "$(sql "select count(*) from reviews where mode='mock'")" 30
expect_eq "wrong mock answers sent to box 1" "$(sql "select count(*) from reviews where mode='mock' and correct=0 and box_after=1")" 10

# Exam 2: ended by the clock after 90 simulated minutes: "Time's up" first
# (Enter pressed at once does not skip it), then the results.
play "key 3
expect mock
key Return
expect exam
answer right
key n
answer right
wait 5340000
shot mock-amber.png
wait 59000
shot mock-last-second.png
wait 2000
expect timeup
shot mock-time-up.png
key Return
expect timeup
wait 1000
key Return
expect results
shot mock-timeout-results.png
key Escape
expect home"
expect_eq "exam 2 finished by the clock" "$(sql "select state, items from exams where id=2")" "finished|65"
expect_eq "exam 2 stored its answers" "$(sql "select count(*) from exam_items where exam_id=2 and answer != ''")" 2

# Exam 3: killed mid-way, then resumed with the same answers and time left.
play "key 3
key Return
expect exam
answer right
key n
answer wrong
key n
answer right
key Space
key n
wait 20000
crash" || true
expect_eq "exam 3 in progress after the crash" "$(sql "select state from exams where id=3")" "in_progress"
left=$(sql "select seconds_left from exams where id=3")
[ "$left" -le 5385 ] && [ "$left" -ge 5375 ] && pass || fail "time left saved before the crash: $left"
on_item=$(sql "select ms from exam_items where exam_id=3 and position=3")
[ "${on_item:-0}" -ge 15000 ] && pass || fail "time on the open question saved with the clock: ${on_item}ms of 20000"
before=$(sql "select group_concat(answer || ':' || flagged, ',') from exam_items where exam_id=3 and position < 4 order by position")
play "key 3
expect mock
shot mock-resume-offer.png
key Return
expect exam
shot mock-resumed.png
key r
key e
key Return
expect review
key e
key y
expect results
key Escape"
after=$(sql "select group_concat(answer || ':' || flagged, ',') from exam_items where exam_id=3 and position < 4 order by position")
expect_eq "answers and flags survive the crash" "$after" "$before"
expect_eq "resumed exam finished" "$(sql "select state from exams where id=3")" "finished"
expect_eq "one exam at a time" "$(sql "select count(*) from exams where state='in_progress'")" 0

for f in mock-start mock-question mock-flagged mock-later mock-review mock-review-unanswered mock-review-flagged \
         mock-end-confirm mock-results mock-answers mock-answers-wrong mock-answers-unscored mock-amber \
         mock-time-up mock-timeout-results mock-resume-offer mock-resumed; do
  shot_ok $f.png
done
shots_differ mock-review.png mock-review-unanswered.png
finish
