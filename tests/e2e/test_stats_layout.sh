# Stats with the mouse alone, at every text size: over four months of
# history (tests/fixtures/history.sql), every page is reached by clicking
# its tab (click-text) and passes check-layout (no overlapping texts, none
# crossing the window or its panel, no wrapped text cut) at 100%, 150% and
# 200% text in 1280x720 and 960x600, at the top and scrolled to the end;
# where the tabs do not fit in one row (150% and 200%) they collapse to
# < the page's name >, and a click on the name lists every page; a click on
# the scroll bar's track pages down; a hovered tab never looks selected.
. "$(dirname "$0")/lib.sh"

# The tabs by a word of their label (full or short, at any size).
TABS="Mock Domains oxes Calendar Readiness Records Mix-ups"

# pages PREFIX SIZE W H: opens Stats in a W x H window at SIZE% text,
# clicks every tab (at 150% and 200%: the page's name, then the page in
# the list it opens, checking the list's layout too), checks the layout at
# the top and at the end of each page (shots PREFIXn-SIZE-WxH.png) and
# leaves by the footer's Esc button.
pages() {
  _tag="$2-$3x$4"
  _script="resize $3 $4
expect home
key 5
expect stats
check-layout"
  _n=0
  _shown=Mock
  for _tab in $TABS; do
    _n=$((_n + 1))
    if [ "$2" -ge 150 ]; then
      _script="$_script
click-text $_shown
check-layout"
    fi
    _shown=$_tab
    _script="$_script
click-text $_tab
check-layout
shot $1$_n-$_tag.png
key End
check-layout
key Home"
  done
  _script="$_script
click-text back
expect home"
  if play "$_script" --text-size "$2" 2>"$WORK/err-$1-$_tag.txt"; then pass; else
    fail "stats layout at $_tag: $(cat "$WORK/err-$1-$_tag.txt")"; fi
}

# A new player's empty pages (the store is made by the game), at the
# largest text in both windows.
pages e 200 1280 720
pages e 200 960 600
shot_ok e1-200-960x600.png 960 600

# Then the fixture's history, at every size.
history_fixture
expect_eq "finished mock exams" "$(sql "SELECT count(*) FROM exams WHERE mode = 'mock' AND state = 'finished'")" 12
for size in 100 150 200; do
  pages p "$size" 1280 720
  pages p "$size" 960 600
done
for n in 1 2 3 4 5 6 7; do
  shot_ok "p$n-200-960x600.png" 960 600
  shot_ok "p$n-100-1280x720.png"
done
# each click showed its own page
for pair in "1 2" "2 3" "3 4" "4 5" "5 6" "6 7"; do
  set -- $pair
  shots_differ "p$1-200-960x600.png" "p$2-200-960x600.png"
  shots_differ "p$1-150-1280x720.png" "p$2-150-1280x720.png"
done

# At 200% in 960x600 the collapsed tabs reach every page by mouse: > goes
# through all seven and round to the first, < back; the list of pages
# closes on Esc (Stats stays) and on a click beside it.
play "resize 960 600
key 5
expect stats
$(for p in "2  Domains" "3  Leitner boxes" "4  Calendar" "5  Readiness" "6  Records" "7  Mix-ups" "1  Mock exams"; do
  printf 'click-text >\nexpect-text %s\ncheck-layout\n' "$p"; done)
click-text <
expect-text 7  Mix-ups
click-text 7  Mix-ups
expect-text 4  Calendar
shot list.png
key Escape
expect stats
click-text 7  Mix-ups
click 480 560
expect stats
click-text 7  Mix-ups
click-text 3  Leitner boxes
expect-text Leitner
shot boxes.png
key Escape
expect home" --text-size 200 || fail "the collapsed tabs by mouse"
shot_ok list.png 960 600
shots_differ list.png boxes.png

# The mouse scrolls too: at 200% in 960x600 the page is taller than its
# view; a click low on the scroll bar's track pages down (as PgDn does).
play "resize 960 600
key 5
expect stats
click-text Mock
click-text Records
shot top.png
key PageDown
shot pgdn.png
key Home
click 938 510
shot track.png
click-text back
expect home" --text-size 200 || fail "scrolling by the track"
shots_differ top.png pgdn.png
d=$(compare -metric AE "$WORK/shots/pgdn.png" "$WORK/shots/track.png" null: 2>&1 || true)
d=${d%% *}
check "a click on the track pages down like PgDn ($d pixels differ)" test "${d%.*}" -eq 0

# Hover never looks like selection: with the first page shown, the mouse
# over the second tab lightens it, but not to the selected tab's colour.
play "key 5
expect stats
move 330 222
shot hover.png
move 330 600
shot no-hover.png" --text-size 100 || fail "hovering a tab"
pixel() { convert "$WORK/shots/$1" -format "%[pixel:p{$2}]" info:; }
selected=$(pixel hover.png 40,215)
hovered=$(pixel hover.png 245,215)
plain=$(pixel no-hover.png 245,215)
check "a hovered tab ($hovered) is not coloured as the selected one ($selected)" test "$hovered" != "$selected"
check "a hovered tab ($hovered) shows the hover against a plain one ($plain)" test "$hovered" != "$plain"

finish
