# The footer names the option keys the question on screen has: "1-4 / A-D"
# for four options, "1-3 / A-C" for three, "1-6 / A-F" for six, in the
# Daily drill and in the arcade; a key past the options is not taken as an
# answer in the drill ("Choose an answer first" names the real range).
. "$(dirname "$0")/lib.sh"

# A single-answer question of three options (bank_of's QUESTION): the
# small bank's question without its Amazon EFS option.
three_options() { # ID DOMAIN TASK
  _small_question "$@" | sed '/text: Amazon EFS/,/why: EFS/d'
}

FOUR=$WORK/four
SIX=$WORK/six
THREE=$WORK/three
small_bank "$FOUR"
six_option_bank "$SIX"
bank_of "$THREE" three_options

# bank_keys BANK RANGE WRONG_KEY LAST: the drill's footer shows RANGE on
# three questions in a row and never "1-5 / A-E" (unless RANGE is that);
# WRONG_KEY (one past the options) then Enter says "Choose an answer
# first: 1-N or A-X" (LAST is "N or A-X"); the arcade's footer shows RANGE.
bank_keys() {
  rm -rf "$WORK/data"
  if play "expect home
key 1
expect drill
wait 300
expect-text $2
check-layout
key $3
key Return
expect-text Choose an answer first: $4
answer right
key Return
expect-text $2
answer wrong
key Return
expect-text $2
key Escape
key Y
key Return
expect home
key 2
key Return
wait 3300
expect arcade
expect-text $2
answer right
expect-text $2
check-layout
quit" --bank "$1" 2>"$WORK/err.txt"; then pass; else fail "keys of $1: $(cat "$WORK/err.txt")"; fi
}
bank_keys "$FOUR" "1-4 / A-D" 5 "1-4 or A-D"
bank_keys "$THREE" "1-3 / A-C" 4 "1-3 or A-C"

# Six options (multiple response: the arcade does not ask them), in the drill.
rm -rf "$WORK/data"
if play "key 1
expect drill
wait 300
expect-text 1-6 / A-F
key 7
key Return
expect-text Choose an answer first: 1-6 or A-F
quit" --bank "$SIX" 2>"$WORK/err.txt"; then pass; else fail "six options: $(cat "$WORK/err.txt")"; fi

# What the review found: the footer said "1-5 / A-E" over a question of
# four options. Negative checks: no such text in either mode.
for mode in 1 2; do
  rm -rf "$WORK/data"
  if play "key $mode
wait 300
key Return
wait 3300
expect-text 1-5 / A-E
quit" --bank "$FOUR" 2>/dev/null; then fail "mode $mode shows 1-5 / A-E with four options"; else pass; fi
done
finish
