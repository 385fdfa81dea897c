# A status message too long to share the footer's line gets a band of its
# own above the footer: the footer's hint buttons stay on screen and work
# while it shows, the body lays out above the band (check-layout: nothing
# under it, nothing cut), and the body gets its room back when it goes.
# The message: a drill's "Learn more" link, which headless runs only name
# ("Link (headless, no browser): https://..."), at every text size in both
# windows, over a bank of questions that all have links.
. "$(dirname "$0")/lib.sh"
small_bank "$WORK/bank"

for size in 100 150 200; do
  for win in "1280 720" "960 600"; do
    rm -rf "$WORK/data"
    tag="$size-$(echo "$win" | tr ' ' x)"
    if play "resize $win
key 1
expect drill
answer wrong
wait 600
shot before-$tag.png
key L
expect-text Link (headless, no browser)
check-layout
shot band-$tag.png
click-text leave
expect-text Leave the drill?
click-text Keep drilling
expect drill
move 1 1
wait 6000
check-layout
shot after-$tag.png" --bank "$WORK/bank" --text-size "$size" 2>"$WORK/err-$tag.txt"; then pass; else
      fail "status band at $tag: $(cat "$WORK/err-$tag.txt")"; fi
  done
done
shot_ok band-200-960x600.png 960 600
shot_ok band-100-1280x720.png
# the band took room from the body while it showed, and gave it back
shots_differ before-200-960x600.png band-200-960x600.png
d=$(compare -metric AE "$WORK/shots/before-200-960x600.png" "$WORK/shots/after-200-960x600.png" null: 2>&1 || true)
d=${d%% *}
check "the drill looks as before once the message is gone ($d pixels differ)" test "${d%.*}" -lt 1000

finish
