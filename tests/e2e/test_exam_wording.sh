# The words the exam screens say about the exam they are in: a diagnostic's
# review grid, end dialog and leave dialog name the diagnostic (never "the
# exam"); the mock keeps "End exam"; the results of a first mock word the
# readiness for one mock and say no question took longer rather than
# counting zero of them.
. "$(dirname "$0")/lib.sh"
BANK="$WORK/bank"
small_bank "$BANK"

# The diagnostic: Esc's leave dialog, then the review grid's buttons and the
# end dialog, by the mouse.
play "input mouse
click-text Diagnostic
expect diagnostic
click-text Begin
expect exam
expect-text Diagnostic (untimed)
key Escape
expect-text Leave the diagnostic?
check-layout
click-text Back to the diagnostic
expect exam
input keys
answer right
input mouse
click-text Review
expect review
expect-text Back to the diagnostic
expect-text End diagnostic
check-layout
shot diag-grid.png
click-text End diagnostic
expect-text End the diagnostic?
check-layout
shot diag-end-dialog.png
click-text Back to the diagnostic
expect review
click-text End diagnostic
click-text End diagnostic
expect results
quit" --bank "$BANK" 2>"$WORK/err-diag.txt" || fail "the diagnostic's wording: $(cat "$WORK/err-diag.txt")"
shot_ok diag-grid.png
shot_ok diag-end-dialog.png
expect_eq "the diagnostic ended from the grid" "$(sql "select mode, state from exams")" "diagnostic|finished"

# No mock-exam words on the diagnostic's grid or dialog.
rm -rf "$WORK/data"
for words in "End exam" "Back to the exam" "End the exam?"; do
  if play "key 4
expect diagnostic
key Return
expect exam
key r
expect review
key e
expect-text $words" --bank "$BANK" 2>/dev/null; then fail "the diagnostic says '$words'"; else pass; fi
  rm -rf "$WORK/data"
done

# The mock keeps its words.
play "$(begin_mock)
key r
expect review
expect-text End exam
expect-text Back to the exam
key e
expect-text End the exam?
quit" --bank "$BANK" 2>"$WORK/err-mock.txt" || fail "the mock's wording: $(cat "$WORK/err-mock.txt")"

# A first mock, two seconds a question (well inside the pace), four of six
# wrong: one mock, under 750, and no question over the pace.
rm -rf "$WORK/data"
MOCK="$(begin_mock)
answer right
wait 2000
key n
$(repeat 4 "answer wrong
wait 2000
key n")
answer right
wait 2000
$(end_from_grid)"
play "$MOCK
key End
expect-text your one mock so far scored under 750
expect-text No question took longer
check-layout
shot first-mock-results.png
quit" --bank "$BANK" 2>"$WORK/err-results.txt" || fail "the first mock's results: $(cat "$WORK/err-results.txt")"
shot_ok first-mock-results.png
for words in "0 questions took longer" "of your last 1 mock" "aim for 5 of 5"; do
  rm -rf "$WORK/data"
  if play "$MOCK
key End
expect-text $words" --bank "$BANK" 2>/dev/null; then fail "the results say '$words'"; else pass; fi
done

# The pass estimate knows only the answers given: a mock with blanks says
# the estimate assumes every question answered; one without does not.
rm -rf "$WORK/data"
no_text "$MOCK
key End
expect-text It assumes you answer every" "the results speak of blanks after a mock without any" --bank "$BANK"
rm -rf "$WORK/data"
play "$(begin_mock)
answer right
wait 2000
$(end_from_grid)
key End
expect-text It assumes you answer every
check-layout
shot blanks-results.png" --bank "$BANK" 2>"$WORK/err-blanks.txt" ||
  fail "the results of a mock with blanks: $(cat "$WORK/err-blanks.txt")"
shot_ok blanks-results.png

# Every size: the diagnostic's grid and end dialog, the exam's leave dialog
# and the first mock's results lay out cleanly.
for size in 100 150 200; do
  for win in "1280 720" "960 600"; do
    rm -rf "$WORK/data"
    tag="$size-$(echo "$win" | tr ' ' x)"
    play "resize $win
key 4
expect diagnostic
key Return
expect exam
key Escape
check-layout
key Escape
key r
expect review
check-layout
shot diag-grid-$tag.png
key e
check-layout
shot diag-end-$tag.png
key y
expect results
key Escape
expect home
$MOCK
check-layout
key End
check-layout
shot results-$tag.png
quit" --bank "$BANK" --text-size $size 2>"$WORK/err-$tag.txt" || fail "layout at $tag: $(cat "$WORK/err-$tag.txt")"
  done
done
finish
