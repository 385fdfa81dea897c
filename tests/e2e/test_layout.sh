# Layout at every text size and window size: check-layout (no overlapping
# texts, none crossing the window or its panel, no wrapped text cut) on
# each screen at 100%, 150% and 200% text in 1280x720 and 960x600; and
# --text-size, which sets and saves the size before the first frame.
. "$(dirname "$0")/lib.sh"

# layout_all SCRIPT: runs SCRIPT (which must end on the screen to check,
# with check-layout lines where it matters) at every size.
for size in 100 150 200; do
  for win in "1280 720" "960 600"; do
    rm -rf "$WORK/data"
    tag="$size-$(echo "$win" | tr ' ' x)"
    if play "resize $win
expect home
check-layout
shot home-$tag.png
key Down
key Down
key Down
key Down
key Down
check-layout
key Escape
check-layout
shot quit-$tag.png
key Return
expect home
key 6
expect settings
check-layout
shot settings-$tag.png
key Escape
expect home" --text-size "$size" 2>"$WORK/err-$tag.txt"; then pass; else fail "layout at $tag: $(cat "$WORK/err-$tag.txt")"; fi
  done
done
shot_ok home-200-960x600.png 960 600
shot_ok quit-150-1280x720.png
shot_ok settings-200-960x600.png 960 600

# --text-size is saved like the setting; a bad value is refused.
expect_eq "text size saved" "$(sql "SELECT value FROM settings WHERE key='ui_scale_pct'")" "200"
if "$BIN" --headless --script /dev/null --data-dir "$WORK/data" --text-size 300 2>"$WORK/err.txt"; then
  fail "--text-size 300 should be refused"
else
  grep -q -- "--text-size needs a percentage from 75 to 200, not '300'" "$WORK/err.txt" && pass || fail "text size error: $(cat "$WORK/err.txt")"
fi

# Esc on home asks; the safe choice keeps the game; Y quits at once (the
# lines after it never run).
play "key Escape
shot asked.png
key N
expect home
key Escape
key Y
shot after-quit.png" --text-size 100
shot_ok asked.png
check "Y in the quit dialog quits" test ! -e "$WORK/shots/after-quit.png"
# The mouse alone: open Settings from home by its label, quit by the dialog's button.
play "click-text Settings
expect settings
key Escape
expect home
key Escape
click-text Quit
shot after-click-quit.png" --text-size 100
check "clicking Quit quits" test ! -e "$WORK/shots/after-click-quit.png"

# A bank whose every item file was skipped: home still lays out cleanly
# (its advice is about the bank) at the largest text in the small window.
mkdir -p "$WORK/emptybank"
cp "$SRC/tests/banks/mini/exam.yaml" "$WORK/emptybank/"
printf 'questions:\n  - id: broken\n    domain: nope\n' > "$WORK/emptybank/a-items.yaml"
rm -rf "$WORK/data"
if play "resize 960 600
check-layout
wheel 20
check-layout
shot empty-bank.png" --bank "$WORK/emptybank" --text-size 200 2>"$WORK/err-empty.txt"; then pass; else
  fail "empty bank layout: $(cat "$WORK/err-empty.txt")"; fi
shot_ok empty-bank.png 960 600

echo "layout: $PASSES passed, $FAILS failed"
[ "$FAILS" -eq 0 ]
