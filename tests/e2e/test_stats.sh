# Stats: every page renders, first on an empty store (the empty states),
# then over four months of simulated history (tests/fixtures/history.sql:
# reviews, item states, days, twelve mocks, a diagnostic, arcade rounds),
# at 1280x720 and at 960x600, reached by digits, arrows, Tab and clicks.
# Viewing stats writes nothing to the store.
. "$(dirname "$0")/lib.sh"

# shots_same A B: two screenshots are the same picture.
shots_same() {
  d=$(compare -metric AE "$WORK/shots/$1" "$WORK/shots/$2" null: 2>&1 || true)
  d=${d%% *}
  if [ "${d%.*}" -eq 0 ]; then pass; else fail "$1 and $2 should be the same ($d pixels differ)"; fi
}

# 1. A new player: nothing studied yet.
play "expect home
key 5
expect stats
shot empty1.png
key 5
shot empty5.png
key 6
shot empty6.png
key Escape
expect home"
check "game exits 0 after the empty stats" true
for f in empty1.png empty5.png empty6.png; do shot_ok "$f"; done
shots_differ empty1.png empty5.png
shots_differ empty5.png empty6.png

# 2. Fill the store: the game made it (schema version 4); the fixture adds
# months of history ending at the headless clock's start (2026-01-05 09:00 UTC).
expect_eq "store schema version" "$(sql 'PRAGMA user_version')" 4
history_fixture
expect_eq "finished mock exams" "$(sql "SELECT count(*) FROM exams WHERE mode = 'mock' AND state = 'finished'")" 12
expect_eq "arcade kinds" "$(sql "SELECT group_concat(DISTINCT round) FROM (SELECT round FROM exams WHERE mode = 'arcade' ORDER BY round)")" "marathon,sprint"
reviews=$(sql "SELECT count(*) FROM reviews")
days=$(sql "SELECT count(*) FROM days")
items=$(sql "SELECT count(*) FROM items")
check "months of answers ($reviews)" test "$reviews" -gt 2000
check "days studied ($days)" test "$days" -gt 80
check "item states ($items)" test "$items" -gt 300
check "answers in every domain" test "$(sql "SELECT count(DISTINCT substr(item_id, 3, 1)) FROM reviews")" -eq 4

# 3. Every page, by digit, then the arrows, Tab and a click on a tab, then small.
play "expect home
key 5
expect stats
shot p1.png
key 2
shot p2.png
key 3
shot p3.png
key 4
shot p4.png
key 5
shot p5.png
key 6
shot p6.png
key Right
shot wrap-right.png
key Left
shot wrap-left.png
key Tab
key Tab
shot tab2.png
click-text Leitner
shot click3.png
key Down
key Down
shot p3-down.png
resize 960 600
key 1
shot s1.png
key 2
shot s2.png
key 3
shot s3.png
key 4
shot s4.png
key 5
shot s5.png
key 6
shot s6.png
key End
shot s6-end.png
resize 1280 720
key Escape
expect home
quit"
check "game exits 0 after the stats pages" true
for i in 1 2 3 4 5 6; do
  shot_ok "p$i.png"
  shot_ok "s$i.png" 960 600
done
for pair in "p1 p2" "p2 p3" "p3 p4" "p4 p5" "p5 p6" "p6 p1" "s1 s2" "s2 s3" "s3 s4" "s4 s5" "s5 s6" "s6 s1"; do
  set -- $pair
  shots_differ "$1.png" "$2.png"
done
shots_differ empty1.png p1.png
shots_differ empty5.png p5.png
shots_same wrap-right.png p1.png   # Right on the last page wraps to the first
shots_same wrap-left.png p6.png    # and Left back
shots_same tab2.png p2.png         # Tab goes forward: 6 -> 1 -> 2
shots_same click3.png p3.png       # a click on the third tab

# Looking at stats changed nothing.
expect_eq "reviews after viewing stats" "$(sql "SELECT count(*) FROM reviews")" "$reviews"
expect_eq "items after viewing stats" "$(sql "SELECT count(*) FROM items")" "$items"
finish
