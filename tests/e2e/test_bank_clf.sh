# The bundled CLF-C02 bank: no errors, no quality warnings, and the shape the
# exam needs (at least 450 questions and 200 flashcards, enough for seven
# different mock exams).
. "$(dirname "$0")/lib.sh"
out="$WORK/check.txt"
"$BIN" --check-bank "$SRC/banks/clf-c02" > "$out" 2>&1 && pass || fail "check-bank exited non-zero"
summary=$(grep '^.*banks/clf-c02: ' "$out" | tail -1)
case "$summary" in
  *", 0 errors, 0 warnings") pass ;;
  *) fail "bank has errors or warnings: $summary"; grep -E 'error|warning' "$out" | head -20 >&2 ;;
esac
q=$(echo "$summary" | sed -n 's/.*: \([0-9]*\) questions, \([0-9]*\) flashcards.*/\1/p')
f=$(echo "$summary" | sed -n 's/.*: \([0-9]*\) questions, \([0-9]*\) flashcards.*/\2/p')
[ "${q:-0}" -ge 450 ] && pass || fail "at least 450 questions: $q"
[ "${f:-0}" -ge 200 ] && pass || fail "at least 200 flashcards: $f"
grep -q "task statements under 10 questions or 5 flashcards: 0" "$out" && pass || fail "every task statement has 10 questions and 5 flashcards"
grep -q "domains off their weight by more than 3 points: 0" "$out" && pass || fail "domain shares within 3 points"
grep -q "domains under 15% multiple response: 0" "$out" && pass || fail "multiple response share"
l3=$(sed -n 's/.*difficulty: .* 3 \([0-9.]*\)%.*/\1/p' "$out")
awk -v v="${l3:-0}" 'BEGIN { exit !(v >= 25) }' && pass || fail "at least 25% at difficulty 3: $l3"
# Seven different mock exams without a repeat: seven forms of 65 need 455 questions,
# and each domain must hold seven forms' worth (scored + unscored: 16/19/22/8).
for d in 1:16 2:19 3:22 4:8; do
  id=${d%%:*}; need=$(( ${d##*:} * 7 ))
  have=$(awk -v id="$id" '$1 == id { print $2 }' "$out")
  [ "${have:-0}" -ge "$need" ] && pass || fail "domain $id has $have questions, seven forms need $need"
done
finish
