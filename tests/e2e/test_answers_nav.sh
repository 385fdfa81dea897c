# The answer review and the question list as a mouse user meets them:
# Previous and Next are buttons (N and P still work); back from the review
# with Esc, the question list keeps the row of the question last shown
# selected and in view; the list's footer names the digits the bank's
# domains have ("1-2  domain", never "0-9") and its domain button names the
# domain ("Domain: Billing, Pricing, and Support", cut to fit at large
# text); check-layout at every text and window size.
. "$(dirname "$0")/lib.sh"
BANK="$WORK/bank"
small_bank "$BANK"

# A mock of six, every question answered wrongly, two seconds each.
MOCK="$(begin_mock)
$(repeat 6 "answer wrong
wait 2000
key n")
$(end_from_grid)"

# 1. Previous and Next by the mouse; the keys still step.
play "$MOCK
key v
expect answers
expect-text Question 1 of 6
input mouse
click-text Next
expect-text Question 2 of 6
click-text Next
expect-text Question 3 of 6
click-text Previous
expect-text Question 2 of 6
check-layout
shot answers-buttons.png
key n
expect-text Question 3 of 6
key p
key p
expect-text Question 1 of 6
quit" --bank "$BANK" 2>"$WORK/err-buttons.txt" || fail "Previous and Next: $(cat "$WORK/err-buttons.txt")"
shot_ok answers-buttons.png
# On the first question there is no Previous to press; on the last, no Next.
if play "$MOCK
key v
expect answers
click-text Previous" --bank "$BANK" 2>/dev/null; then fail "a Previous button on the first question"; else pass; fi
if play "$MOCK
key v
expect answers
$(repeat 5 "key n")
expect-text Question 6 of 6
click-text Next" --bank "$BANK" 2>/dev/null; then fail "a Next button on the last question"; else pass; fi

# 2. Back from the review, the list keeps the row: a click on question 4,
# Esc, Enter opens question 4 again; from question 1, Next to 6 and back:
# question 6 is selected and in view (large text: the list scrolls).
rm -rf "$WORK/data"
play "resize 960 600
$MOCK
key q
expect questions
input mouse
wheel 3
click-text Question 4
expect answers
expect-text Question 4 of 6
key Escape
expect questions
key Return
expect answers
expect-text Question 4 of 6
key Escape
key Home
key Up
key Up
key Up
key Return
expect-text Question 1 of 6
$(repeat 5 "click-text Next")
expect-text Question 6 of 6
key Escape
expect questions
check-layout
shot list-kept-row.png
click-text Question 6
expect-text Question 6 of 6
key Escape
key Return
expect-text Question 6 of 6
quit" --bank "$BANK" --text-size 200 2>"$WORK/err-row.txt" || fail "the list keeps the row: $(cat "$WORK/err-row.txt")"
shot_ok list-kept-row.png 960 600

# 3. The footer's domain digits as the bank has them, and the domain
# button's name (in a window wide enough for every footer hint, which
# text measured a pixel wider, as under Windows, can otherwise drop).
rm -rf "$WORK/data"
play "resize 1600 720
$MOCK
key q
expect questions
expect-text 1-2
expect-text all domains
expect-text Domain: all
key d
expect-text Domain: Basics
key 2
expect-text Domain: Operations
key 0
expect-text Domain: all
quit" --bank "$BANK" 2>"$WORK/err-footer.txt" || fail "the list's domain keys: $(cat "$WORK/err-footer.txt")"
if play "$MOCK
key q
expect questions
expect-text 0-9" --bank "$BANK" 2>/dev/null; then fail "the footer offers 0-9 for two domains"; else pass; fi
if play "$MOCK
key q
expect questions
key 2
expect-text of 2" --bank "$BANK" 2>/dev/null; then fail "the domain button says 'Domain 2 of 2'"; else pass; fi

# 4. The real bank's four domains: "1-4", and the long name on the button,
# whole at 100% and cut to fit at 200% in 960x600.
END_MOCK="$(begin_mock)
$(end_from_grid)"
rm -rf "$WORK/data"
play "resize 1600 720
$END_MOCK
key q
expect questions
expect-text 1-4
key 4
expect-text Domain: Billing, Pricing, and Support
check-layout
quit" 2>"$WORK/err-clf.txt" || fail "the CLF-C02 domains: $(cat "$WORK/err-clf.txt")"

# 5. Every size: the list with a domain chosen and the review with its
# buttons lay out cleanly.
for size in 100 150 200; do
  for win in "1280 720" "960 600"; do
    rm -rf "$WORK/data"
    tag="$size-$(echo "$win" | tr ' ' x)"
    play "resize $win
$END_MOCK
key q
expect questions
key 4
check-layout
shot list-$tag.png
key Return
expect answers
check-layout
key n
check-layout
shot answers-$tag.png
key End
check-layout
quit" --text-size $size 2>"$WORK/err-$tag.txt" || fail "layout at $tag: $(cat "$WORK/err-$tag.txt")"
  done
done
shot_ok list-200-960x600.png 960 600
shot_ok answers-200-960x600.png 960 600
finish
