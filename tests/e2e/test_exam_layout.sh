# The exam screens at every text size and window size: check-layout (no
# overlapping texts, none crossing the window or its panel or button, no
# wrapped text cut) at 100%, 150% and 200% text in 1280x720 and 960x600 on
# the mock and diagnostic start screens, the ESL check box, the exam with
# one answer and with several (a long prompt scrolled), the review grid
# and its filters (one that shows nothing), the end and leave dialogs, the
# resume offer and its discard dialog, and "Time's up".
. "$(dirname "$0")/lib.sh"

BANK="$WORK/bank"
six_option_bank "$BANK"
for size in 100 150 200; do
  for win in "1280 720" "960 600"; do
    rm -rf "$WORK/data"
    tag="$size-$(echo "$win" | tr ' ' x)"
    # The bundled bank: single-answer questions and the whole flow.
    if play "resize $win
key 4
expect diagnostic
check-layout
shot diag-start-$tag.png
key Escape
key 3
expect mock
check-layout
shot mock-start-$tag.png
click-text ESL
check-layout
key End
check-layout
click-text Begin the exam
expect exam
check-layout
shot exam-$tag.png
key 1
key Space
check-layout
shot exam-flagged-$tag.png
key n
check-layout
key r
expect review
check-layout
shot review-$tag.png
key u
check-layout
key f
check-layout
key a
key e
check-layout
shot end-$tag.png
key Escape
key Escape
expect exam
key Escape
check-layout
shot leave-$tag.png
key y
expect home
key 3
expect mock
check-layout
shot resume-$tag.png
key d
check-layout
shot discard-$tag.png
key y
expect mock
check-layout" --text-size "$size" 2>"$WORK/err-$tag.txt"; then pass; else fail "exam layout at $tag: $(cat "$WORK/err-$tag.txt")"; fi
    # Six options, "Choose TWO", a long prompt; then the clock runs out.
    rm -rf "$WORK/data"
    if play "resize $win
key 3
expect mock
key Return
expect exam
check-layout
shot multi-$tag.png
key a
key f
key PageDown
check-layout
key End
check-layout
shot multi-scrolled-$tag.png
key r
expect review
check-layout
key f
check-layout
shot review-none-flagged-$tag.png
key Escape
wait 601000
expect timeup
check-layout
shot time-up-$tag.png
wait 1000
check-layout
key Return
expect results" --text-size "$size" --bank "$BANK" 2>"$WORK/err-multi-$tag.txt"; then pass; else fail "multiple-response layout at $tag: $(cat "$WORK/err-multi-$tag.txt")"; fi
  done
done
for f in diag-start mock-start exam exam-flagged review review-none-flagged end leave resume discard multi multi-scrolled time-up; do
  shot_ok $f-200-960x600.png 960 600
  shot_ok $f-100-1280x720.png
done
finish
