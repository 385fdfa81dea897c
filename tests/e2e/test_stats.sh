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
expect-text that test your
key 6
shot p6.png
key 7
shot p7.png
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
key 7
shot s7.png
resize 1280 720
key Escape
expect home
quit"
check "game exits 0 after the stats pages" true
for i in 1 2 3 4 5 6 7; do
  shot_ok "p$i.png"
  shot_ok "s$i.png" 960 600
done
for pair in "p1 p2" "p2 p3" "p3 p4" "p4 p5" "p5 p6" "p6 p7" "p7 p1" "s1 s2" "s2 s3" "s3 s4" "s4 s5" "s5 s6" "s6 s7" "s7 s1"; do
  set -- $pair
  shots_differ "$1.png" "$2.png"
done
shots_differ empty1.png p1.png
shots_differ empty5.png p5.png
shots_same wrap-right.png p1.png   # Right on the last page wraps to the first
shots_same wrap-left.png p7.png    # and Left back
shots_same tab2.png p2.png         # Tab goes forward: 7 -> 1 -> 2
shots_same click3.png p3.png       # a click on the third tab

# Looking at stats changed nothing.
expect_eq "reviews after viewing stats" "$(sql "SELECT count(*) FROM reviews")" "$reviews"
expect_eq "items after viewing stats" "$(sql "SELECT count(*) FROM items")" "$items"

# 4. One truth for every number. This morning's 8 drill answers of 20:
# home and Stats say the same.
play "expect home
expect-text Goal 8/40 today
key 5
expect stats
expect-text Goal 8/40 today
click-text Calendar
expect-text Goal 8/40 today" || fail "today's goal before the arcade round"
# An arcade round of 10 meets the day's goal: home, Stats' header and its
# calendar all say met (the calendar once kept the drill-only flag).
sql "INSERT INTO exams(started_at, finished_at, mode, bank, items, scored, correct_scored, points, round, state)
     VALUES(1767603000, 1767603060, 'arcade', 'CLF-C02', 10, 10, 8, 900, 'sprint', 'finished')"
play "expect home
expect-text Today's goal met
key 5
expect stats
expect-text Today's goal met
click-text Calendar
expect-text Today's goal met" || fail "today's goal met by an arcade round"
# Items started: the same count on home and in Stats' records.
started=$(sql "SELECT count(*) FROM items WHERE seen > 0")
bank_items=$(cat "$SRC"/banks/clf-c02/*.yaml | grep -c '^  - id: [qf]-')
play "expect home
expect-text $started of $bank_items items started
key 5
expect stats
click-text Records
expect-text to $started of the bank's $bank_items items" || fail "items started differ between home and records"
# The weakest domain: the lowest share of right answers (every mode, all
# time), the same on Stats and on home.
weakest=$(sql "SELECT substr(item_id, 3, 1) FROM items WHERE seen > 0 GROUP BY 1
               ORDER BY 1.0 * SUM(right) / SUM(right + wrong) LIMIT 1")
case $weakest in
  1) name="Cloud Concepts" ;; 2) name="Security and Compliance" ;;
  3) name="Cloud Technology and Services" ;; *) name="Billing, Pricing, and Support" ;;
esac
# Its share, rounded the one way (halves up), reads the same on both.
share=$(sql "SELECT SUM(right) || ' ' || SUM(right + wrong) FROM items WHERE seen > 0 AND substr(item_id, 3, 1) = '$weakest'")
set -- $share
pct=$(awk -v r="$1" -v t="$2" 'BEGIN { printf "%d", int(100 * r / t + 0.5) }')
play "expect home
expect-text $name  (
expect-text your weakest
expect-text $pct% of $2
key 5
expect stats
expect-text ${name%% *}
expect-text $pct% right of $2 answers" || fail "the weakest domain ($name, $pct% of $2) differs between home and Stats"
# An arcade round left before its first answer is not a round played.
rounds=$(sql "SELECT count(*) FROM exams WHERE mode = 'arcade' AND round = 'sprint'")
sql "INSERT INTO exams(started_at, finished_at, mode, bank, items, scored, correct_scored, points, round, state)
     VALUES(1767603100, 1767603110, 'arcade', 'CLF-C02', 0, 0, 0, 0, 'sprint', 'finished')"
play "key 5
expect stats
click-text Records
expect-text $rounds sprint rounds" || fail "an empty arcade round counted as played"
finish
