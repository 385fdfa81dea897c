# The bundled CLF-C02 bank: no errors, no quality warnings, and the shape the
# exam needs: at least 650 questions (ten different mock exams: per domain at
# least 160 / 190 / 220 / 80) and 300 flashcards, 25-30% multiple response in
# every domain, and documentation refs on every question.
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
[ "${q:-0}" -ge 650 ] && pass || fail "at least 650 questions: $q"
[ "${f:-0}" -ge 300 ] && pass || fail "at least 300 flashcards: $f"
grep -q "task statements under 10 questions or 5 flashcards: 0" "$out" && pass || fail "every task statement has 10 questions and 5 flashcards"
grep -q "domains off their weight by more than 3 points: 0" "$out" && pass || fail "domain shares within 3 points"
grep -q "domains under 15% multiple response: 0" "$out" && pass || fail "multiple response share"
l3=$(sed -n 's/.*difficulty: .* 3 \([0-9.]*\)%.*/\1/p' "$out")
awk -v v="${l3:-0}" 'BEGIN { exit !(v >= 25) }' && pass || fail "at least 25% at difficulty 3: $l3"
# Ten different mock exams without a repeat: ten forms of 65 need 650 questions,
# and each domain must hold ten forms' worth (scored + unscored: 16/19/22/8).
for d in 1:16 2:19 3:22 4:8; do
  id=${d%%:*}; need=$(( ${d##*:} * 10 ))
  have=$(awk -v id="$id" '$1 == id { print $2 }' "$out")
  [ "${have:-0}" -ge "$need" ] && pass || fail "domain $id has $have questions, ten forms need $need"
  # multiple response: 25-30% of every domain's questions (the table's 'multiple' column)
  mr=$(awk -v id="$id" '$1 == id && $6 ~ /%$/ { sub(/%/, "", $6); print $6 }' "$out")
  awk -v v="${mr:--1}" 'BEGIN { exit !(v >= 25 && v <= 30) }' && pass ||
    fail "domain $id has ${mr:-no} % multiple-response questions; keep it within 25-30%"
done
# Every question links to its documentation.
refs=$(sed -n 's/.*questions with documentation refs: \([0-9]*\) of \([0-9]*\).*/\1 \2/p' "$out")
set -- $refs
[ "$#" -eq 2 ] && [ "$1" -eq "$2" ] && [ "$2" -gt 0 ] && pass || fail "questions with refs: ${1:-?} of ${2:-?}"
finish
