# Day one: right after the diagnostic (the plan left without an exam date),
# a newcomer's first drill is the whole day's goal (20 minutes a day by
# default: 40 answers), not the few new items left of a quota; the drill's
# summary then goes home.
. "$(dirname "$0")/lib.sh"
GOAL=40

s="$(diagnostic_to_results rrrrrrrrrr)
key Return
expect plan
key Escape
expect results
key Escape
expect home
key 1
expect drill
wait 300
expect-text of $GOAL
shot first-drill.png"
i=1
while [ $i -le $GOAL ]; do s="$s
answer right
key Return"; i=$((i + 1)); done
s="$s
wait 1300
shot first-drill-done.png
key Return
expect home
quit"
play "$s"
expect_eq "the diagnostic's answers" "$(sql "select count(*) from reviews where mode='diagnostic'")" 10
expect_eq "no exam date was set" "$(sql "select count(*) from settings where key='exam_date' and value != '0'")" 0
expect_eq "the first drill is a full session" "$(sql "select count(*) from reviews where mode='drill'")" $GOAL
expect_eq "of new items" "$(sql "select count(*) from reviews where mode='drill' and box_before = 0")" $GOAL
shot_ok first-drill.png
shot_ok first-drill-done.png
finish
