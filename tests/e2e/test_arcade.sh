# Arcade: plays rounds headless on the simulated clock and checks the store.
# A round lost on lives, a round that runs out of time, a combo that reaches
# x3 (points above what x1 could give), a personal best beaten by a second
# round, a Marathon round, Esc ending a round early, the answers saved as
# 'arcade' reviews that move Leitner boxes, XP, the rounds the daily goal reads,
# and screenshots of every stage (1280x720 and 960x600).
. "$(dirname "$0")/lib.sh"

NOW=1780000000            # a fixed simulated clock: 2026-05-28 20:26:40 UTC
DAY=$((NOW / 86400))      # TZ=UTC, so the local day is plain division

# 1. Lives run out: three wrong answers. Screenshots of the start screen,
#    the countdown, a question and a wrong-answer reveal.
play "time $NOW
expect home
key 2
expect arcade
shot arcade-start-empty.png
key Return
wait 1200
shot arcade-countdown.png
wait 1800
expect arcade
shot arcade-question.png
answer wrong
wait 400
shot arcade-wrong.png
wait 1200
expect arcade
answer wrong
key Return
answer wrong
wait 1600
expect arcade_end
wait 1200
shot arcade-end-lives.png
key Escape
expect arcade
key Escape
expect home
quit"
expect_eq "one arcade round after losing all lives" "$(sql "select count(*) from exams where mode='arcade'")" 1
expect_eq "lives round: kind, answers, right, points" \
  "$(sql "select round, items, correct_scored, points from exams where mode='arcade'")" "sprint|3|0|0"
expect_eq "three wrong 'arcade' reviews" "$(sql "select count(*), sum(correct) from reviews where mode='arcade'")" "3|0"
expect_eq "wrong answers go to box 1" "$(sql "select count(*) from reviews where mode='arcade' and box_after != 1")" 0
expect_eq "three wrong answers earn only the round bonus" "$(sql "select value from profile where key='xp'")" 25

# 2. Time runs out: nothing answered, 61 s pass after the countdown; the
#    last ten seconds pulse.
play "time $NOW
key 2
key Return
wait 3000
expect arcade
wait 52000
shot arcade-hurry.png
wait 2500
shot arcade-hurry-later.png
wait 6600
expect arcade_end
shot arcade-end-time.png
quit"
expect_eq "the timed-out round is saved with no answers" \
  "$(sql "select round, items, points from exams where mode='arcade' order by id desc limit 1")" "sprint|0|0"
played=$(sql "select finished_at - started_at from exams where mode='arcade' order by id desc limit 1")
expect_eq "the clock ran 60 s (not during the countdown)" "$played" 60

# 3. Combo to x3: ten right answers in a row, then three wrong. Answers come
#    at once (0 ms), so each scores 100 x multiplier: 3x100 + 3x200 + 4x300.
play "time $NOW
key 2
key Return
wait 3000
$(repeat 6 "answer right")
shot arcade-combo-x3.png
$(repeat 4 "answer right")
answer wrong
key Return
answer wrong
key Return
answer wrong
wait 1600
expect arcade_end
wait 1100
shot arcade-end-newbest.png
quit"
row=$(sql "select items, correct_scored, points from exams where mode='arcade' order by id desc limit 1")
expect_eq "combo round: answers, right, points" "$row" "13|10|2100"
pts=$(sql "select points from exams where mode='arcade' order by id desc limit 1")
right=$(sql "select correct_scored from exams where mode='arcade' order by id desc limit 1")
if [ "$pts" -gt $((right * 100)) ]; then pass; else fail "points $pts should beat x1 alone ($((right * 100)))"; fi
# The daily streak counts a day with an arcade round of 10 answers: it reads
# the round's answers from its exams row, on the round's local day.
expect_eq "the round's answers and day are stored for the streak" \
  "$(sql "select items, (finished_at / 86400) from exams where mode='arcade' order by id desc limit 1")" "13|$DAY"

# 4. A second, better round (Enter on the results plays again, once the
#    results have been up a moment: Enter and Esc mashed at once are ignored), then a
#    Marathon round, then a round ended early with Esc.
play "time $NOW
key 2
key Return
wait 3000
$(repeat 15 "answer right")
answer wrong
key Return
answer wrong
key Return
answer wrong
wait 1600
expect arcade_end
wait 1100
shot arcade-end-newbest2.png
key Escape
expect arcade
shot arcade-start-bests.png
key Right
key Return
wait 3000
expect arcade
answer right
answer wrong
key Return
answer wrong
key Return
answer wrong
wait 1600
expect arcade_end
key Return
key Escape
expect arcade_end
wait 1000
key Return
expect arcade
wait 3000
answer right
answer right
key Escape
shot arcade-confirm.png
key Escape
expect arcade
answer right
key Escape
key y
expect arcade_end
wait 1200
shot arcade-end-quit.png
key Escape
expect arcade
key Escape
expect home
quit"
expect_eq "sprint rounds and marathon rounds" \
  "$(sql "select group_concat(r, ' ') from (select round || ':' || items || ':' || points as r from exams where mode='arcade' order by id)")" \
  "sprint:3:0 sprint:0:0 sprint:13:2100 sprint:18:3600 marathon:4:100 marathon:3:300"
expect_eq "the sprint best is the max of its rounds" \
  "$(sql "select max(points) from exams where mode='arcade' and round='sprint'")" 3600
expect_eq "only the better round beat the earlier best" \
  "$(sql "select count(*) from exams a where mode='arcade' and round='sprint' and points > (select coalesce(max(points), 0) from exams b where b.mode='arcade' and b.round='sprint' and b.id < a.id)")" 2
expect_eq "every arcade answer is an 'arcade' review" \
  "$(sql "select count(*) from reviews where mode='arcade'")" "$((3 + 13 + 18 + 4 + 3))"
expect_eq "right reviews move up one box, wrong ones to box 1" \
  "$(sql "select count(*) from reviews where mode='arcade' and box_after != case when correct then min(box_before + 1, 5) else 1 end")" 0
expect_eq "item states follow the reviews" \
  "$(sql "select count(*) from items i where box != (select box_after from reviews r where r.item_id = i.item_id order by r.id desc limit 1)")" 0
flash=$(sql "select count(*) from reviews where mode='arcade' and item_id like 'f-%'")
if [ "$flash" -gt 0 ]; then pass; else fail "some flashcards should have come up as questions"; fi
expect_eq "a flashcard answer is stored as knew it (A) or not (empty)" \
  "$(sql "select count(*) from reviews where mode='arcade' and item_id like 'f-%' and answer != case when correct then 'A' else '' end")" 0
expect_eq "questions store the chosen option" \
  "$(sql "select count(*) from reviews where mode='arcade' and item_id like 'q-%' and length(answer) != 1")" 0
# XP: 10 per right answer, +25 for each round played out (not for one ended with Esc or without answers).
right_all=$(sql "select sum(correct) from reviews where mode='arcade'")
expect_eq "XP: answers plus the round bonuses" "$(sql "select value from profile where key='xp'")" \
  "$((right_all * 10 + 25 * 4))"
combo=$(sql "select value from profile where key='best_combo'")
[ "${combo:-0}" -ge 10 ] && pass || fail "best combo kept for the achievements: $combo (a round reached 10)"
expect_eq "the day's best round for the streak" \
  "$(sql "select max(items) from exams where mode='arcade' and finished_at / 86400 = $DAY")" 18

# 5. The small window: nothing cut off at 960x600; with reduce motion the
#    round plays the same (no shake, no particles).
sql "insert or replace into settings(key, value) values('reduce_motion', '1')"
play "time $NOW
resize 960 600
key 2
shot arcade-start-small.png
key Return
wait 3000
shot arcade-question-small.png
answer wrong
wait 400
shot arcade-wrong-small.png
key Return
answer wrong
key Return
answer wrong
wait 1600
expect arcade_end
wait 1200
shot arcade-end-small.png
quit"
expect_eq "the reduce-motion round is saved like any other" \
  "$(sql "select round, items, points from exams where mode='arcade' order by id desc limit 1")" "sprint|3|0"

for f in arcade-start-empty arcade-countdown arcade-question arcade-wrong arcade-end-lives arcade-hurry \
         arcade-hurry-later arcade-end-time arcade-combo-x3 arcade-end-newbest arcade-end-newbest2 \
         arcade-start-bests arcade-confirm arcade-end-quit; do
  shot_ok "$f.png"
done
for f in arcade-start-small arcade-question-small arcade-wrong-small arcade-end-small; do
  shot_ok "$f.png" 960 600
done
shots_differ arcade-question.png arcade-wrong.png
shots_differ arcade-start-empty.png arcade-start-bests.png
shots_differ arcade-hurry.png arcade-hurry-later.png
shots_differ arcade-end-lives.png arcade-end-time.png
finish
