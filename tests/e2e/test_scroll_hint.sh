# A footer's "scroll" hint shows only while something on screen scrolls:
# not on a drill card or the Stats pages that fit the window (the first
# five, with this history), but on the Mix-ups page of four months of
# history, whose list runs past it.
. "$(dirname "$0")/lib.sh"

no_text "key 1
expect drill
wait 300
expect-text scroll" "a drill card that fits says scroll"
history_fixture
for page in 1 2 3 4 5; do
  no_text "key 5
expect stats
key $page
expect-text PgUp/PgDn" "Stats page $page fits, yet its footer says scroll"
done
play "key 5
expect stats
key 7
expect-text PgUp/PgDn  scroll
shot mixups-scroll.png" || fail "the Mix-ups page scrolls and says so"
shot_ok mixups-scroll.png
finish
