# Report a doubt: in the drill, the answer review and the arcade's review,
# R or a Report button opens a form; Enter or Send appends a row to reports.csv in the data
# folder (header once, RFC 4180 quoting, mode 0600), Esc or Cancel writes
# nothing, an empty report is refused, a failed write is shown on the form
# and keeps the text; Settings shows the file and how many reports it holds.
. "$(dirname "$0")/lib.sh"
BANK="$WORK/bank"
small_bank "$BANK"
CSV="$WORK/data/reports.csv"
rows() { if [ -f "$CSV" ]; then python3 -c 'import csv,sys; print(len(list(csv.reader(open(sys.argv[1], newline=""))))-1)' "$CSV"; else echo 0; fi; }
field() { # field ROW COLUMN: a parsed CSV field (row 0 is the header)
  python3 -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1], newline=""))); print(r[int(sys.argv[2])][int(sys.argv[3])])' "$CSV" "$1" "$2"
}

# Drill, by key: a wrong answer, R, a text with a comma and quotes, Enter.
play 'key 1
expect drill
answer wrong
key r
expect report
text The key, I think, is "wrong"
wait 100
shot report-form.png
key Return
expect drill
shot report-drill-after.png
key Escape
key y
quit' --bank "$BANK"
shot_ok report-form.png
expect_eq "one report after the drill" "$(rows)" 1
expect_eq "header" "$(head -1 "$CSV" | tr -d '\r')" "time,bank,bank_version,item,answer,text"
expect_eq "the item is the one answered" "$(field 1 3)" "$(sql "select item_id from reviews order by id limit 1")"
expect_eq "bank code and version" "$(field 1 1),$(field 1 2)" "MINI-01,2026-01-15"
expect_eq "the text, quoted as written" "$(field 1 5)" 'The key, I think, is "wrong"'
case "$(field 1 4)" in "option "[2-4]" (Amazon "*) pass ;; *) fail "answer column: $(field 1 4)" ;; esac
case "$(field 1 0)" in 20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z) pass ;; *) fail "time column: $(field 1 0)" ;; esac
if [ "${CLOUDPREP_SYSTEM:-}" != Windows ]; then # (no POSIX modes on Windows)
  expect_eq "reports.csv is private" "$(stat -c %a "$CSV")" 600
fi
grep -q '"The key, I think, is ""wrong"""' "$CSV" && pass || fail "RFC 4180 quoting in the file"

# Drill, by mouse: the Report button, a text, the Send button; then Esc and
# Cancel write nothing, and an empty report is refused.
play 'key 1
expect drill
click-text Report
expect report
text Typo in the second option
click-text Send
expect drill
key r
text never mind
key Escape
expect drill
click-text Report
click-text Cancel
expect drill
key r
key Return
expect report
shot report-empty.png
key Escape
answer right
key r
text right but the why is outdated
key Return
expect drill
key Escape
key y
quit' --bank "$BANK"
shot_ok report-empty.png
expect_eq "two more reports" "$(rows)" 3
expect_eq "a report before answering has no answer" "$(field 2 4)" ""
expect_eq "the mouse report's text" "$(field 2 5)" "Typo in the second option"
case "$(field 3 4)" in "option 1 (Amazon S3 for "*) pass ;; *) fail "a right answer is the first option in the file: $(field 3 4)" ;; esac
expect_eq "the header is written once" "$(grep -c '^time,bank' "$CSV")" 1

# A mock exam, then the answer review: by key and by mouse.
s="key 3
expect mock
key Return
expect exam"
s="$s
$(mock_wrong_to_answers 6)
key r
expect report
text Review: the explanation 
text contradicts the key
key Return
expect answers
key n
click-text Report
expect report
shot report-from-answers.png
text second review report
click-text Send
expect answers
resize 960 600
shot report-answers-960.png
click-text Report
text at 960
shot report-form-960.png
key Return
expect answers
quit"
play "$s" --bank "$BANK"
shot_ok report-answers-960.png 960 600
shot_ok report-form-960.png 960 600
expect_eq "three reports from the answer review" "$(rows)" 6
expect_eq "the review report's text" "$(field 4 5)" "Review: the explanation contradicts the key"
expect_eq "a review report names an exam item" "$(sql "select count(*) from exam_items where item_id='$(field 5 3)'")" 1

# The arcade's end-of-round review: R reports the first miss on show, and
# each miss has its own Report link.
play "key 2
expect arcade
key Return
wait 3000
answer wrong
wait 1600
answer wrong
wait 1600
answer wrong
wait 1600
expect arcade_end
wait 2600
key r
expect report
text arcade report by key
key Return
expect arcade_end
click-text Report a problem
expect report
text arcade report by mouse
click-text Send
expect arcade_end
shot report-arcade.png
quit" --bank "$BANK"
shot_ok report-arcade.png
expect_eq "two reports from the arcade" "$(rows)" 8
case "$(field 7 4)" in "option "[2-4]" (Amazon "*) pass ;; *) fail "the arcade answer: $(field 7 4)" ;; esac

# Settings shows where the file is and how many reports it holds.
play "key 6
expect settings
key End
shot report-settings.png
quit" --bank "$BANK"
shot_ok report-settings.png

# A write that fails is shown on the form and keeps the text: make the file
# unwritable (a folder in its place).
mv "$CSV" "$WORK/saved.csv"
mkdir "$CSV"
play 'days 30
key 1
expect drill
key r
text this cannot be saved
key Return
expect report
shot report-failed.png
key Escape
expect drill
quit' --bank "$BANK"
shot_ok report-failed.png
rmdir "$CSV"
mv "$WORK/saved.csv" "$CSV"
expect_eq "nothing written by the failed report" "$(rows)" 8
finish
