# Daily drill end to end: a full session with right and wrong answers, a
# flashcard, a wrong item coming back later in the session, leaving with Esc
# and resuming; then seven simulated days in a row with the streak, the due
# counts and the Leitner boxes checked in the store. The one daily
# commitment decides every drill: 5 minutes a day hold 10 answers, a drill
# is what is left of them (at least 10), due reviews first and new items
# filling the rest, no more than the day's 10 new.
. "$(dirname "$0")/lib.sh"
START=1767603600   # the headless clock's default start: 2026-01-05 09:00 UTC

# First start creates the store; then 5 minutes a day make the script exact.
play "quit"
sql "insert or replace into settings(key, value) values ('daily_minutes', '5')"
GOAL=10

# Session 1: wrong first, then right; the missed item returns after three others.
play "key 1
expect drill
wait 300
shot drill-question.png
answer wrong
wait 200
shot drill-wrong.png
key Return
answer right
shot drill-right.png
key Return
$(repeat 3 "answer right
key Return")
key Escape
key Return
expect drill
key Escape
shot drill-confirm.png
key y
wait 1300
expect-text No streak yet
shot drill-paused.png
key Return
expect home
shot home-after-drill.png"

expect_eq "the start wrote the goal the minutes hold" "$(sql "select value from settings where key='daily_goal'")" "$GOAL"
expect_eq "answers in session 1" "$(sql "select count(*) from reviews where mode='drill'")" 5
first=$(sql "select item_id from reviews order by id limit 1")
expect_eq "first answer was wrong" "$(sql "select correct from reviews order by id limit 1")" 0
expect_eq "the missed item came back in the session" "$(sql "select count(*) from reviews where item_id='$first'")" 2
expect_eq "it came back after three others" "$(sql "select id from reviews where item_id='$first' order by id desc limit 1")" 5
expect_eq "the repeat was answered right" "$(sql "select correct, box_before, box_after from reviews where id=5")" "1|1|1"
expect_eq "all answered items sit in box 1" "$(sql "select count(*) from items where box=1")" 4
expect_eq "answers are stored as letters" "$(sql "select count(*) from reviews where answer glob '[A-H]*' or answer=''")" 5

# Resume: five answers are left of the goal, so a short round of ten holds
# the six new items left of the day's ten (nothing is due yet).
play "key 1
expect drill
expect-text Item 1 of 6
$(repeat 6 "answer right
key Return")
wait 1300
shot drill-complete.png
key Return
expect home"
expect_eq "answers after resuming" "$(sql "select count(*) from reviews where mode='drill'")" 11
expect_eq "ten new items today" "$(sql "select count(distinct item_id) from reviews")" "$GOAL"


# Seven days in a row, every answer right: each day's drill is the goal,
# due items first (at most the goal), new ones filling the rest.
for d in 1 2 3 4 5 6; do
  now=$((START + d * 86400))
  eod=$((now - now % 86400 + 86399))
  due=$(sql "select count(*) from items where box >= 1 and due_at <= $eod")
  left=$((due - GOAL)); [ "$left" -lt 0 ] && left=0
  n=$GOAL
  script="time $now
key 1
expect drill"
  i=0
  while [ $i -lt $n ]; do script="$script
answer right
key Return"; i=$((i + 1)); done
  script="$script
wait 1300
shot day$d.png
key Return
expect home
shot home-day$d.png"
  play "$script"
  answered=$(sql "select count(*) from reviews where at >= $now and at < $((now + 86400))")
  expect_eq "day $d: answers" "$answered" "$n"
  expect_eq "day $d: due items first ($due due)" "$(sql "select count(*) from items where box >= 1 and due_at <= $eod")" "$left"
done

# Sessions mix questions and flashcards.
cards=$(sql "select count(*) from reviews where item_id like 'f-%'")
questions=$(sql "select count(*) from reviews where item_id like 'q-%'")
[ "$cards" -gt 0 ] && [ "$questions" -gt 0 ] && pass || fail "flashcards ($cards) and questions ($questions) both drilled"

# The store counted a met goal on each of the seven days.
expect_eq "days with the goal met" "$(sql "select count(*) from days where goal_met = 1")" 7
# Every review after day 0 was right and moved its item one box up; items
# first learned on day 0 were all reviewed on day 1 (box 1 -> 2, intervals
# 1, 2, 4), and nothing can pass box 3 in a week.
expect_eq "each right review moved one box up" \
  "$(sql "select count(*) from reviews where at >= $((START + 86400)) and box_after != box_before + 1")" 0
expect_eq "day-0 items reviewed on day 1" \
  "$(sql "select count(distinct item_id) from reviews where at >= $((START + 86400)) and at < $((START + 2 * 86400)) and box_before = 1")" "$GOAL"
check "some items reached box 3" test "$(sql "select count(*) from items where box = 3")" -gt 0
expect_eq "no item above box 3 after a week" "$(sql "select count(*) from items where box > 3")" 0
shot_ok drill-question.png
shot_ok drill-wrong.png
shot_ok drill-paused.png
shot_ok day6.png
shot_ok home-day6.png
shots_differ drill-question.png drill-wrong.png
finish
