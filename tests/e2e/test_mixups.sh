# The Mix-ups page over known confusions: reviews written with sqlite3 pick
# AWS Config three times and AWS Trusted Advisor once where AWS Artifact was
# right (q-2.2-001); Stats' Mix-ups page shows the two pairs, most frequent
# first, with the question behind them; C starts a contrast drill whose
# first item is that question and whose every item names one of the two;
# the page passes check-layout at every text and window size, empty and
# full.
. "$(dirname "$0")/lib.sh"

NOW=1767603600   # the headless clock's start

# block ID: the bank text of item ID (its lines up to the next item).
block() {
  awk -v id="$1" '/^  - id: /{on = ($3 == id)} on' "$SRC"/banks/clf-c02/*.yaml
}

# 1. The empty page reads naturally.
play "expect home
key 5
expect stats
key 7
expect-text No mix-ups yet
expect-text No answer is marked yet
check-layout
shot empty.png" || fail "the empty Mix-ups page"
shot_ok empty.png

# 2. Known confusions: option C (AWS Config) three times and option B
# (AWS Trusted Advisor) once where A (AWS Artifact) was right.
sql "INSERT INTO reviews(at, item_id, mode, correct, answer, ms)
     VALUES ($NOW - 4000, 'q-2.2-001', 'drill', 0, 'C', 9000),
            ($NOW - 3000, 'q-2.2-001', 'drill', 0, 'C', 9000),
            ($NOW - 2000, 'q-2.2-001', 'drill', 0, 'B', 9000),
            ($NOW - 1000, 'q-2.2-001', 'mock', 0, 'C', 9000),
            ($NOW - 500, 'q-2.2-001', 'drill', 1, 'A', 9000);"
if play "expect home
key 5
expect stats
key 7
expect-text AWS Artifact  /  AWS Config
expect-text 3 times: you chose AWS Config each time
expect-text AWS Artifact  /  AWS Trusted Advisor
expect-text Once: you chose AWS Trusted Advisor
expect-text An auditor asks a company
check-layout
shot mixups.png
key C
expect drill
expect-text Contrast drill
shot contrast.png
answer wrong
key Return
answer right
key Return
answer right
key Return
key Escape
key Y
wait 1300
key Return
expect stats" 2>"$WORK/err-page.txt"; then pass; else fail "the Mix-ups page: $(cat "$WORK/err-page.txt")"; fi
shot_ok mixups.png
shot_ok contrast.png
# The one-sided sentence reads as a sentence: no "Mixed up once, always".
if play "key 5
expect stats
key 7
expect-text always" 2>/dev/null; then fail "the Mix-ups page still says 'always ... chosen'"; else pass; fi
first=$(sql "SELECT item_id FROM reviews WHERE at >= $NOW ORDER BY id LIMIT 1")
expect_eq "the contrast drill opens with the question behind the pair" "$first" q-2.2-001
answered=$(sql "SELECT count(*) FROM reviews WHERE at >= $NOW")
check "three contrast answers saved ($answered)" test "$answered" -eq 3
for id in $(sql "SELECT item_id FROM reviews WHERE at >= $NOW ORDER BY id"); do
  if block "$id" | grep -qi "aws artifact\|aws config"; then pass; else fail "contrast item $id names neither concept"; fi
done
# 3. Every text size and window size, at the top and at the end.
for size in 100 150 200; do
  for win in "1280 720" "960 600"; do
    tag="$size-$(echo "$win" | tr ' ' x)"
    if play "resize $win
expect home
key 5
expect stats
key 7
check-layout
shot page-$tag.png
key End
check-layout
shot page-end-$tag.png" --text-size "$size" 2>"$WORK/err-$tag.txt"; then pass; else fail "layout at $tag: $(cat "$WORK/err-$tag.txt")"; fi
  done
done
shot_ok page-200-960x600.png 960 600
finish
