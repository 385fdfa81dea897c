# "Learn more": every explanation panel shows a question's documentation
# pages as links. In the drill's feedback, the answer review after a mock
# exam and the arcade's end-of-round review, L opens the first page and a
# click opens the page clicked. Headless runs never start a browser; the
# game remembers the address, which `expect-url` checks.
. "$(dirname "$0")/lib.sh"

BANK="$WORK/bank"
small_bank "$BANK"
"$BIN" --check-bank "$BANK" > "$WORK/check.txt" 2>&1 || fail "the test bank does not load: $(cat "$WORK/check.txt")"
check "the test bank's questions all have refs" grep -q "questions with documentation refs: 6 of 6" "$WORK/check.txt"

# Drill: by key, then by mouse; nothing is opened before the answer.
play "key 1
expect drill
key l
expect-url none
answer wrong
wait 500
shot learn-drill.png
key l
expect-url -page-a.html
wheel 30
click-text Learn more: Second page
expect-url -page-b/
key Return
answer right
wheel 30
click-text Learn more: First page
expect-url -page-a.html
resize 960 600
wheel 30
shot learn-drill-960.png
click-text Learn more: Second page
expect-url -page-b/
key Escape
key y
quit" --bank "$BANK"
shot_ok learn-drill.png
shot_ok learn-drill-960.png 960 600

# Mock exam, then the answer review: the explanation panel of every answer.
s="key 3
expect mock
key Return
expect exam
key l
expect-url none"
s="$s
$(mock_wrong_to_answers 6)
wheel 30
shot learn-answers.png
key l
expect-url -page-a.html
click-text Learn more: Second page
expect-url -page-b/
key n
wheel 30
click-text Learn more: First page
expect-url -page-a.html
resize 960 600
wheel 30
shot learn-answers-960.png
click-text Learn more: Second page
expect-url -page-b/
quit"
play "$s" --bank "$BANK"
shot_ok learn-answers.png
shot_ok learn-answers-960.png 960 600

# Arcade: lose the three lives, then the round's review lists the misses
# with their pages.
play "key 2
expect arcade
key Return
wait 3000
answer wrong
wait 1600
answer wrong
wait 1600
answer wrong
wait 1600
expect arcade_end
wait 2600
shot learn-arcade.png
key l
expect-url -page-a.html
click-text Learn more: Second page
expect-url -page-b/
quit" --bank "$BANK"
shot_ok learn-arcade.png

# A script that clicks a link that is not on screen fails at its line.
if play "click-text Learn more: nowhere" --bank "$BANK" 2> "$WORK/err.txt"; then
  fail "click-text on missing text should fail"
else
  check "click-text names the script line" grep -q "script[0-9]*.txt:1: nothing clickable on screen says: Learn more: nowhere" "$WORK/err.txt"
fi
finish
