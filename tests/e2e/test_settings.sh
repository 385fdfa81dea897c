# Settings: every option changes what it should, is stored in the settings
# table, and is read back by the next run (which moves each one step further
# from the stored value, so a default would show). UI scale enlarges text
# (measured), high contrast changes the palette (a sampled pixel), reduce
# motion stops the particles after a right answer, and resetting progress
# needs RESET typed, clears the answers and leaves a backup.
. "$(dirname "$0")/lib.sh"

# shots_same A B: two screenshots are the same picture.
shots_same() {
  d=$(compare -metric AE "$WORK/shots/$1" "$WORK/shots/$2" null: 2>&1 || true)
  d=${d%% *}
  if [ "${d%.*}" -eq 0 ]; then pass; else fail "$1 and $2 should be the same ($d pixels differ)"; fi
}
# pixel SHOT X Y: the colour of one pixel, e.g. srgb(16,20,38).
pixel() { convert "$WORK/shots/$1" -format "%[pixel:p{$2,$3}]" info:; }
# title_height SHOT: height in pixels of the bright title text at the top left.
title_height() {
  convert "$WORK/shots/$1" -alpha off -crop 240x90+0+0 +repage -colorspace gray -threshold 75% -trim -format '%h' info:
}
# crop_diff A B GEOMETRY: pixels that differ between two shots inside GEOMETRY.
crop_diff() {
  convert "$WORK/shots/$1" -crop "$3" +repage "$WORK/a.png"
  convert "$WORK/shots/$2" -crop "$3" +repage "$WORK/b.png"
  d=$(compare -metric AE "$WORK/a.png" "$WORK/b.png" null: 2>&1 || true)
  d=${d%% *}
  echo "${d%.*}"
}
setting() { sql "SELECT value FROM settings WHERE key = '$1'"; }
DAY=86400
MIDNIGHT=1767571200   # 2026-01-05 00:00 UTC, the day of the headless clock

# 1. Change every setting from its default. Rows: 0 exam date, 1 minutes a
# day (the one daily commitment: the goal, drill length and new items follow
# from it), 2 ask how sure, 3 ESL, 4 volume, 5 mute, 6 full screen, 7 text
# size, 8 high contrast, 9 reduce motion, 10 reset, 11 progress file,
# 12 reports file.
play "expect home
shot home-before.png
key 6
expect settings
shot settings-100.png
key Right
key Right
key PageUp
key Down
expect-text 20 min: 40 answers
key Right
key Right
expect-text 30 min: 60 answers
key Down
key Return
key Down
key Return
key Down
key Left
key Down
key Return
key Down
key Return
key Down
key Right
key Right
shot settings-150.png
key Down
key Return
key Down
key Return
shot settings-contrast.png
key Down
key Down
shot settings-file.png
resize 960 600
shot settings-small.png
resize 1280 720
key Escape
expect home
shot home-after.png"
check "game exits 0 after changing settings" true
expect_eq "exam date: four weeks, a day, then a week ahead" "$(setting exam_date)" $((MIDNIGHT + 36 * DAY))
expect_eq "daily minutes" "$(setting daily_minutes)" 30
expect_eq "the day's answer goal the minutes hold" "$(setting daily_goal)" 60
expect_eq "no separate new items a day" "$(setting new_per_day)" ""
expect_eq "no separate drill length" "$(setting drill_size)" ""
expect_eq "ask how sure turned off" "$(setting ask_sure)" 0
expect_eq "ESL extra time" "$(setting esl)" 1
expect_eq "volume" "$(setting volume)" 60
expect_eq "muted" "$(setting muted)" 1
expect_eq "fullscreen" "$(setting fullscreen)" 1
expect_eq "UI scale" "$(setting ui_scale_pct)" 150
expect_eq "high contrast" "$(setting high_contrast)" 1
expect_eq "reduce motion" "$(setting reduce_motion)" 1
for f in home-before.png settings-100.png settings-150.png settings-contrast.png settings-file.png home-after.png; do
  shot_ok "$f"
done
shot_ok settings-small.png 960 600
shots_differ settings-100.png settings-150.png
shots_differ settings-150.png settings-contrast.png
shots_differ settings-contrast.png settings-file.png

# Text size: the title is about 1.5 times as tall at 150%.
h100=$(title_height settings-100.png)
h150=$(title_height settings-150.png)
echo "title height: $h100 px at 100%, $h150 px at 150%"
check "text is larger at 150% ($h100 -> $h150 px)" test $((h150 * 100)) -ge $((h100 * 135))
check "and not absurdly so" test $((h150 * 100)) -le $((h100 * 170))

# High contrast: the background turns black.
before=$(pixel home-before.png 5 5)
after=$(pixel home-after.png 5 5)
echo "background pixel: $before before, $after after high contrast"
check "background changed with high contrast" test "$before" != "$after"
case "$after" in black|"srgb(0,0,0)"|"srgba(0,0,0,1)") pass ;; *) fail "high-contrast background is $after, not black" ;; esac

# 2. A restart reads everything back: each setting moves one step from the
# stored value (so the result shows it was read, not the default).
play "expect home
shot home-restart.png
key 6
expect settings
shot settings-restart.png
key Right
key Down
key Right
key Down
key Right
key Down
key Left
key Down
key Right
key Down
key Left
key Down
key Left
key Down
key Left
key Down
key Left
key Escape
expect home"
check "game exits 0 after the restart" true
expect_eq "exam date read back" "$(setting exam_date)" $((MIDNIGHT + 37 * DAY))
expect_eq "daily minutes read back" "$(setting daily_minutes)" 35
expect_eq "daily goal follows" "$(setting daily_goal)" 70
expect_eq "ask how sure read back (Right turns it on)" "$(setting ask_sure)" 1
expect_eq "ESL read back (Left turns it off)" "$(setting esl)" 0
expect_eq "volume read back" "$(setting volume)" 70
expect_eq "mute read back (Left turns it off)" "$(setting muted)" 0
expect_eq "fullscreen read back" "$(setting fullscreen)" 0
expect_eq "UI scale read back" "$(setting ui_scale_pct)" 125
expect_eq "high contrast read back" "$(setting high_contrast)" 0
expect_eq "reduce motion kept" "$(setting reduce_motion)" 1
case "$(pixel home-restart.png 5 5)" in black|"srgb(0,0,0)"|"srgba(0,0,0,1)") pass ;; *) fail "high contrast not applied at start" ;; esac
hr=$(title_height settings-restart.png)
check "text size applied at start ($hr px, saved at 150%)" test "$hr" -eq "$h150"

# 3. Reduce motion: right after a right answer in the drill, the corner where
# the particles fly stays still; with reduce motion off, they show there.
CORNER=420x110+860+0
play "expect home
key 1
expect drill
answer right
key Return
wait 120
shot rm-on-a.png
wait 3000
shot rm-on-b.png
key Escape
key y
key Return
expect home
key 6
key Up
key Up
key Up
key Up
key Return
key Escape
expect home
key 1
expect drill
answer right
key Return
wait 120
shot rm-off-a.png
wait 3000
shot rm-off-b.png
key Escape
key y
key Return
expect home"
check "game exits 0 after the drills" true
expect_eq "reduce motion off" "$(setting reduce_motion)" 0
still=$(crop_diff rm-on-a.png rm-on-b.png $CORNER)
moving=$(crop_diff rm-off-a.png rm-off-b.png $CORNER)
echo "particle corner: $still pixels change with reduce motion, $moving without"
expect_eq "no particles with reduce motion" "$still" 0
check "particles without reduce motion ($moving pixels)" test "$moving" -gt 100

# 4. Reset: a wrong word does nothing; RESET clears progress after a backup.
reviews=$(sql "SELECT count(*) FROM reviews")
check "answers to reset ($reviews)" test "$reviews" -gt 0
play "expect home
key 6
key Up
key Up
key Up
key Return
text reset!
key Return
shot reset-wrong.png
key Escape
key Escape
expect home"
expect_eq "a wrong word resets nothing" "$(sql "SELECT count(*) FROM reviews")" "$reviews"
check "no reset backup yet" test -z "$(ls "$WORK/data/backups" | grep -- '-reset.db$' || true)"
play "expect home
key 6
key Up
key Up
key Up
key Return
shot reset-typing-empty.png
key R
key E
key S
key E
key T
shot reset-typed.png
key Return
shot reset-done.png
key Escape
expect home"
expect_eq "reviews cleared" "$(sql "SELECT count(*) FROM reviews")" 0
expect_eq "items cleared" "$(sql "SELECT count(*) FROM items")" 0
expect_eq "settings kept" "$(setting ui_scale_pct)" 125
backup=$(ls "$WORK/data/backups" | grep -- '-reset.db$' | head -1)
check "a reset backup in data/backups ($backup)" test -n "$backup"
if [ -n "$backup" ]; then
  expect_eq "the backup holds the answers" \
    "$(sqlite3 -batch -noheader "$WORK/data/backups/$backup" 'SELECT count(*) FROM reviews')" "$reviews"
fi
for f in reset-wrong.png reset-typing-empty.png reset-typed.png reset-done.png; do shot_ok "$f"; done
shots_differ reset-typing-empty.png reset-typed.png
shots_differ reset-typed.png reset-done.png

# 5. "none" is an exam date: Enter clears it, and Left before today does too.
play "expect home
key 6
key Return
key Escape"
expect_eq "exam date cleared with Enter" "$(setting exam_date)" 0
play "expect home
key 6
key Right
key PageDown
key PageDown
key PageDown
key PageDown
key PageDown
key Escape"
expect_eq "exam date before today is none" "$(setting exam_date)" 0

# 6. At 200% text in 960x600 a help panel would take a third of the window:
# the help goes under the selected row instead, so the rows below it stay in
# sight and a click reaches them.
sure=$(setting ask_sure)
play "resize 960 600
expect home
key 6
expect settings
key Down
expect-text Your daily commitment
check-layout
shot settings-inline-help.png
click-text Ask how sure
expect-text In drills, mark an answer Sure
check-layout
key Escape
expect home" --text-size 200 || fail "inline help at 200% in 960x600"
expect_eq "the row under the help took the click" "$(setting ask_sure)" $((1 - sure))
shot_ok settings-inline-help.png 960 600
finish
