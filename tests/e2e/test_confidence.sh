# Confidence in the drill: "Sure" before submitting (S, or a click on the
# check box) is stored as reviews.confident (1 sure, 0 not sure, NULL for a
# flashcard and when the setting is off); a sure miss is named in the
# feedback; the check box passes check-layout at every text and window size.
. "$(dirname "$0")/lib.sh"

# 1. With --seed 7 a newcomer's first drill asks three questions, then a
# flashcard: sure and wrong (S), sure and right (a click), not sure and
# wrong, then the card; Stats then shows the calibration chart.
ten_minutes
if play "expect home
key 1
expect drill
wait 300
key S
shot sure-ticked.png
answer wrong
shot sure-miss.png
key Return
click-text Sure of this answer
answer right
key Return
answer wrong
key Return
answer right
wait 1300
key Escape
key Y
wait 1300
key Return
expect home" 2>"$WORK/err-drill.txt"; then pass; else fail "drill with Sure: $(cat "$WORK/err-drill.txt")"; fi
expect_eq "answers as marked (confident, correct)" \
  "$(sql "SELECT coalesce(confident, 'null') || ',' || correct FROM reviews ORDER BY id" | tr '\n' ' ')" \
  "1,0 1,1 0,0 null,1 "
# Stats' Mix-ups page shows the calibration of those marks.
if play "expect home
key 5
expect stats
key 7
key End
expect-text Marked sure: 1 of 2 right (50%)
expect-text Not sure: 0 of 1 right (0%)
expect-text Mark 8 more answers Sure
check-layout
shot calibration.png" 2>"$WORK/err-cal.txt"; then pass; else fail "calibration on Stats: $(cat "$WORK/err-cal.txt")"; fi
play "resize 960 600
expect home
key 5
expect stats
key 7
key End
check-layout
shot calibration-200-960x600.png" --text-size 200 || fail "calibration on Stats at 200% in 960x600"
shot_ok calibration.png
shot_ok calibration-200-960x600.png 960 600
shot_ok sure-ticked.png
shot_ok sure-miss.png
shots_differ sure-ticked.png sure-miss.png

# 2. Setting off (Settings row 2): no check box, S does nothing, answers
# are stored as not asked.
before=$(sql "SELECT count(*) FROM reviews")
if play "expect home
key 6
expect settings
key Down
key Down
key Left
key Escape
expect home
key 1
expect drill
wait 300
key S
answer wrong
key Return
key Escape
key Y
wait 1300
key Return
expect home" 2>"$WORK/err-off.txt"; then pass; else fail "drill without Sure: $(cat "$WORK/err-off.txt")"; fi
expect_eq "setting saved off" "$(sql "SELECT value FROM settings WHERE key = 'ask_sure'")" 0
expect_eq "the answer is not asked" \
  "$(sql "SELECT count(*) FROM reviews WHERE id > (SELECT max(id) FROM reviews) - 1 AND confident IS NULL")" 1
expect_eq "one more answer" "$(sql "SELECT count(*) FROM reviews")" $((before + 1))
if play "expect home
key 1
expect drill
click-text Sure of this answer" 2>/dev/null; then fail "the Sure box shows with the setting off"; else pass; fi

# 3. The check box, ticked, at every text size and window size.
for size in 100 150 200; do
  for win in "1280 720" "960 600"; do
    rm -rf "$WORK/data"
    tag="$size-$(echo "$win" | tr ' ' x)"
    if play "resize $win
expect home
key 1
expect drill
wait 300
check-layout
key S
check-layout
shot sure-$tag.png
answer wrong
check-layout
shot sure-feedback-$tag.png" --text-size "$size" 2>"$WORK/err-$tag.txt"; then pass; else fail "layout at $tag: $(cat "$WORK/err-$tag.txt")"; fi
  done
done
shot_ok sure-200-960x600.png 960 600
finish
