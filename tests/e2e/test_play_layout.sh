# The Daily drill and the Arcade at every text size and window size:
# check-layout (no overlapping texts, none crossing the window or its
# panel, no wrapped text cut) on the drill's question, its feedback, a
# flashcard's front, back and verdict, the quit question and the summary;
# on the arcade's round menu, the countdown, a question in play (the clock
# running), the reveal after a miss, the quit question and the results
# (scrolled too); at 100%, 150% and 200% text in 1280x720 and 960x600.
. "$(dirname "$0")/lib.sh"

for size in 100 150 200; do
  for win in "1280 720" "960 600"; do
    rm -rf "$WORK/data"
    ten_minutes
    tag="$size-$(echo "$win" | tr ' ' x)"
    # With --seed 7 the fourth item of a newcomer's first drill is a flashcard.
    if play "resize $win
expect home
key 1
expect drill
wait 300
check-layout
shot drill-$tag.png
answer wrong
check-layout
shot drill-feedback-$tag.png
key Return
answer right
key Return
answer right
key Return
check-layout
click-text the card
wait 400
check-layout
shot drill-card-back-$tag.png
key Y
check-layout
shot drill-card-verdict-$tag.png
wait 1300
key Escape
check-layout
key Y
wait 1300
check-layout
shot drill-summary-$tag.png
wheel 10
check-layout
key Return
expect home
key 2
expect arcade
check-layout
shot arcade-menu-$tag.png
wheel 10
check-layout
key Return
wait 1500
check-layout
wait 2000
check-layout
shot arcade-play-$tag.png
answer right
answer wrong
wait 600
check-layout
shot arcade-reveal-$tag.png
wait 1000
key Escape
check-layout
key Y
wait 1000
check-layout
shot arcade-end-$tag.png
wheel 10
check-layout
wheel 40
check-layout" --text-size "$size" 2>"$WORK/err-$tag.txt"; then pass; else fail "layout at $tag: $(cat "$WORK/err-$tag.txt")"; fi
  done
done
shot_ok drill-200-960x600.png 960 600
shot_ok drill-card-back-200-960x600.png 960 600
shot_ok drill-summary-200-960x600.png 960 600
shot_ok arcade-menu-200-960x600.png 960 600
shot_ok arcade-play-200-960x600.png 960 600
shot_ok arcade-end-150-1280x720.png
finish
