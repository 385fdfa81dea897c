# Large text in a small window: the chrome is compact (the drill's header
# on one line, less padding in the footer and the button bars, no title
# over the answer review), so the question keeps its room. At 200% text in
# 960x600 and 1280x720, over a bank of four-option questions: in the drill
# the third option is in view under the question before answering and
# after (when the explanations open under each option), so a click reaches
# it without scrolling; a card turns and is graded by mouse; in the
# mock's review grid four rows of questions are in view (a click on 32
# opens it); in the answer review after a mock the second option is in
# view; check-layout everywhere.
. "$(dirname "$0")/lib.sh"
small_bank "$WORK/bank"

for win in "960 600" "1280 720"; do
  rm -rf "$WORK/data"
  ten_minutes
  tag=$(echo "$win" | tr ' ' x)
  if play "resize $win
key 1
expect drill
check-layout
click-option 3
shot ask-$tag.png
key Return
wait 600
check-layout
click-option 3
shot feedback-$tag.png
key Escape
click-text Leave the drill
expect drill
key Return
expect home" --bank "$WORK/bank" --text-size 200 2>"$WORK/err-$tag.txt"; then pass; else
    fail "drill at 200% in $tag: $(cat "$WORK/err-$tag.txt")"; fi
done
shot_ok ask-960x600.png 960 600
shot_ok feedback-960x600.png 960 600

# A flashcard (the full bank's first item for a new player) at the same size.
rm -rf "$WORK/data"
if play "resize 960 600
key 1
expect drill
check-layout
click-text Show answer
wait 600
check-layout
shot card-back.png
click-text Knew it
wait 1500
check-layout" --text-size 200 2>"$WORK/err-card.txt"; then pass; else
  fail "flashcard at 200% in 960x600: $(cat "$WORK/err-card.txt")"; fi
shot_ok card-back.png 960 600

# The review grid of the full bank's mock (65 questions, eight a row).
rm -rf "$WORK/data"
if play "resize 960 600
key 3
expect mock
key Return
expect exam
answer wrong
key r
expect review
check-layout
shot review-grid.png
click-text 32
expect exam" --text-size 200 2>"$WORK/err-review.txt"; then pass; else
  fail "review grid at 200% in 960x600: $(cat "$WORK/err-review.txt")"; fi
shot_ok review-grid.png 960 600

# The answer review after a mock (six questions, all answered wrongly).
for win in "960 600" "1280 720"; do
  rm -rf "$WORK/data"
  tag=$(echo "$win" | tr ' ' x)
  if play "resize $win
key 3
expect mock
key Return
expect exam
$(mock_wrong_to_answers 6)
check-layout
click-option 2
shot answers-$tag.png
key n
check-layout" --bank "$WORK/bank" --text-size 200 2>"$WORK/err-answers-$tag.txt"; then pass; else
    fail "answer review at 200% in $tag: $(cat "$WORK/err-answers-$tag.txt")"; fi
done
shot_ok answers-960x600.png 960 600

finish
