# Diagnostic end to end on a first run: the home screen suggests it, ten
# questions spread 2/3/4/1 by weight, an estimated score with a wide range,
# then the study plan is set, saved and shown on the home screen.
. "$(dirname "$0")/lib.sh"

s="wait 800
shot diag-home-newcomer.png
key 4
expect diagnostic
shot diag-start.png
key Return
expect exam
shot diag-question.png"
i=1
while [ $i -le 10 ]; do
  if [ $((i % 3)) -eq 0 ]; then s="$s
answer wrong"; else s="$s
answer right"; fi
  s="$s
key Return"; i=$((i + 1)); done
s="$s
expect review
shot diag-review.png
key e
key y
expect results
wait 1000
shot diag-results.png
key Return
expect plan
shot diag-plan.png
key Right
key Right
key PageDown
key Down
key Right
key Right
shot diag-plan-changed.png
key Return
expect home
wait 800
shot diag-home-plan.png
quit"
play "$s"

expect_eq "diagnostic row" "$(sql "select mode, items, scored, state from exams")" "diagnostic|10|10|finished"
expect_eq "items by domain 2/3/4/1" "$(sql "select group_concat(n, '/') from (select domain, count(*) n from exam_items group by domain order by domain)")" "2/3/4/1"
expect_eq "all scored" "$(sql "select count(*) from exam_items where scored=1")" 10
right=$(sql "select count(*) from exam_items where correct=1")
expect_eq "seven answered right" "$right" 7
want=$(awk -v r="$right" 'BEGIN { p = r / 10; c = 0.7;
  s = (p <= c) ? 100 + 600 * p / c : 700 + 300 * (p - c) / (1 - c); printf "%d", s + 0.5 }')
expect_eq "stored scaled score" "$(sql "select scaled from exams")" "$want"
low=$(sql "select likely_low from exams"); high=$(sql "select likely_high from exams")
[ $((high - low)) -ge 200 ] && pass || fail "a ten-question range should be wide: $low-$high"
# Default 28 days, +2 days, +1 week = 37 days from 2026-01-05 (local midnight, TZ=UTC).
expect_eq "exam date saved" "$(sql "select value from settings where key='exam_date'")" $((1767571200 + 37 * 86400))
expect_eq "daily minutes saved" "$(sql "select value from settings where key='daily_minutes'")" 30
for f in diag-home-newcomer diag-start diag-question diag-review diag-results diag-plan diag-plan-changed diag-home-plan; do
  shot_ok $f.png
done
shots_differ diag-plan.png diag-plan-changed.png
shots_differ diag-home-newcomer.png diag-home-plan.png
finish
