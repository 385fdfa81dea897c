# Learning from a finished exam: a mock with wrong and flagged answers, then
# Retake wrong, Retake flagged and Retake both (left half-way), Drill my
# misses and a drill of one domain, each checked in the database (modes,
# items, and that no retake is a mock score); the question list and the
# answer review; fresh forms across three mocks (how many questions each
# repeats); the diagnostic's results and the study plan by the mouse
# alone; check-layout on the results, question list, answer review and
# plan at every text size and window size.
. "$(dirname "$0")/lib.sh"

# A bank of ten questions (six in Basics, four in Operations) for six-item
# mocks: the second mock can find only four fresh questions, the third none.
BANK="$WORK/bank"
mkdir -p "$BANK"
cp "$SRC/tests/banks/mini/exam.yaml" "$BANK/exam.yaml"
{
  echo "questions:"
  for q in q1:1:1.1 q2:1:1.1 q3:1:1.2 q4:1:1.2 q5:1:1.1 q6:1:1.2 q7:ops:ops.1 q8:ops:ops.1 q9:ops:ops.1 q10:ops:ops.1; do
    _small_question $(echo "$q" | tr ':' ' ')
  done
} > "$BANK/a.yaml"

# The mock: 1 right, 2 wrong and flagged, 3 right and flagged, 4 wrong,
# 5 and 6 unanswered (they count as wrong).
MOCK="key 3
expect mock
key Return
expect exam
answer right
key n
answer wrong
key Space
key n
answer right
key Space
key n
answer wrong
key r
expect review
key e
key y
expect results
wait 1000"
play "$MOCK
check-layout
shot mistakes-results.png
key w
expect exam
answer right
key n
answer right
key n
answer wrong
key n
answer right
key r
expect review
key e
key y
expect results
wait 1000
check-layout
shot mistakes-retake-results.png
key Escape
expect results
input mouse
click-text Retake flagged
expect exam
key Escape
click-text Leave
expect results
click-text Retake both
expect exam
expect-text Retake
input keys
answer right
input mouse
key Escape
click-text Leave
expect results
click-text Drill my misses
expect drill
input keys
answer right
key Return
answer wrong
key Return
answer right
key Return
answer right
key Return
expect drill
shot mistakes-drill-summary.png
key Return
expect results
quit" --bank "$BANK"

pos_items() { sql "select group_concat(item_id, ',') from (select item_id from exam_items where exam_id=$1 and position in ($2) order by position)"; }
expect_eq "the mock stored" "$(sql "select mode, items, state from exams where id=1")" "mock|6|finished"
expect_eq "mock flags" "$(sql "select group_concat(position) from exam_items where exam_id=1 and flagged=1")" "1,2"
misses=$(pos_items 1 "1,3,4,5")
expect_eq "retake wrong: a retake of the four misses" "$(sql "select mode, items, scored, state, seconds_total from exams where id=2")" "retake|4|4|finished|400"
expect_eq "retake wrong asked exactly the misses, in order" "$(pos_items 2 "0,1,2,3")" "$misses"
expect_eq "retake answers stored as retake reviews of that exam" "$(sql "select count(*), sum(correct) from reviews where mode='retake' and exam_id=2")" "4|3"
expect_eq "retake flagged: the two flagged questions, left unscored" "$(sql "select mode, items, state from exams where id=3")" "retake|2|abandoned"
expect_eq "retake flagged asked the flagged ones" "$(pos_items 3 "0,1")" "$(pos_items 1 "1,2")"
expect_eq "retake both: wrong and flagged, each once" "$(sql "select mode, items, state from exams where id=4")" "retake|5|abandoned"
expect_eq "retake both asked them" "$(pos_items 4 "0,1,2,3,4")" "$(pos_items 1 "1,2,3,4,5")"
expect_eq "a left retake wrote no reviews" "$(sql "select count(*) from reviews where mode='retake' and exam_id in (3, 4)")" 0
expect_eq "drill my misses: four drill answers" "$(sql "select count(*) from reviews where mode='drill'")" 4
expect_eq "drill my misses asked the misses" "$(sql "select group_concat(item_id, ',') from (select item_id from reviews where mode='drill' order by id)")" "$misses"
expect_eq "retakes are never mock scores" "$(sql "select count(*) from exams where mode='mock'")" 1
expect_eq "one mock exam in the totals" "$(sql "select count(*) from exams where mode='mock' and state='finished'")" 1
shot_ok mistakes-results.png
shot_ok mistakes-retake-results.png

# Drill this (a domain) and the question list with the answer review, by
# the mouse on the results' screens.
play "input mouse
click-text Mock exam
expect mock
click-text Begin
expect exam
input keys
answer wrong
key r
key e
key y
expect results
wait 500
input mouse
click-text 1  Drill this
expect drill
input keys
answer right
key Return
key Escape
key y
expect drill
key Return
expect results
input mouse
click-text Question list
expect questions
check-layout
click-text Wrong
click-text Question 1
expect answers
check-layout
shot mistakes-answers.png
click-text Unscored
click-text back
expect questions
click-text back
expect results
quit" --bank "$BANK" || fail "mouse play of the results"
last=$(sql "select item_id from reviews where mode='drill' order by id desc limit 1")
expect_eq "Drill this drilled the first domain" "$(sql "select count(*) from exam_items where item_id='$last' and domain='1'")" \
  "$(sql "select count(*) from exam_items where item_id='$last'")"

# Fresh forms: three mocks of six from ten questions. The first meets six
# new ones, the second four new and two seen, the third only seen ones.
rm -rf "$WORK/data"
for k in 1 2 3; do
  case $k in 1) seen="All 6 questions were new to you" ;; 2) seen="2 of the 6 questions were seen" ;;
    3) seen="6 of the 6 questions were seen" ;; esac
  play "$MOCK
check-layout
expect-text $seen
shot fresh-$k.png
key Escape
quit" --bank "$BANK" || fail "mock $k: the results should say: $seen"
done
# The readiness checklist says the run rests on repeated questions.
play "key 5
expect stats
key 5
expect-text were met in an earlier mock
check-layout
shot stats-readiness-repeats.png
quit" --bank "$BANK" || fail "readiness should say the mock run rests on repeats"
repeats() { # questions of exam $1 met in an earlier mock (finished)
  sql "select count(distinct i.item_id) from exam_items i where i.exam_id=$1 and exists(select 1 from exam_items p join exams e on e.id=p.exam_id where p.item_id=i.item_id and e.mode='mock' and e.id < $1 and e.state='finished')"
}
expect_eq "first mock: nothing repeated" "$(repeats 1)" 0
expect_eq "second mock: two repeated" "$(repeats 2)" 2
expect_eq "third mock: all six repeated" "$(repeats 3)" 6
shots_differ fresh-1.png fresh-2.png

# The diagnostic's results and the plan by the mouse: no PASS, a band.
rm -rf "$WORK/data"
play "input mouse
click-text Diagnostic
expect diagnostic
click-text Begin
expect exam
input keys
answer right
key n
answer wrong
key n
answer right
key r
key e
key y
expect results
wait 1000
expect-text too few to judge
shot diag-results.png
input mouse
click-text Make my study plan
expect plan
check-layout
click-text A day later
click-text 5 min more
shot plan.png
click-text Save the plan
expect home
quit" --bank "$BANK" || fail "mouse play of the diagnostic and plan"
expect_eq "plan saved: minutes a day" "$(sql "select value from settings where key='daily_minutes'")" "25"

# Every size: the results, list, review and plan pass check-layout.
for size in 100 150 200; do
  for win in "1280 720" "960 600"; do
    rm -rf "$WORK/data"
    tag="$size-$(echo "$win" | tr ' ' x)"
    if play "resize $win
$MOCK
check-layout
key End
check-layout
shot results-$tag.png
key q
expect questions
check-layout
key End
check-layout
key Escape
key v
expect answers
check-layout
key Escape
expect results
key Escape
expect home
key 4
expect diagnostic
key Return
expect exam
answer right
key r
key e
key y
expect results
wait 1000
check-layout
key End
check-layout
shot diag-$tag.png
key p
expect plan
check-layout
key End
check-layout
shot plan-$tag.png
quit" --bank "$BANK" --text-size "$size" 2>"$WORK/err-$tag.txt"; then pass; else fail "layout at $tag: $(cat "$WORK/err-$tag.txt")"; fi
  done
done
shot_ok results-200-960x600.png 960 600
shot_ok diag-200-960x600.png 960 600
shot_ok plan-200-960x600.png 960 600

echo "mistakes: $PASSES passed, $FAILS failed"
[ "$FAILS" -eq 0 ]
