# After a miss in the arcade the player sees the right answer: the banner
# ("Not quite: the answer is X") and the right option (its "right" tag)
# are in sight at 150% and 200% text in 1280x720 and 960x600, over several
# seeds; the reveal's time runs only while both are in sight, and when they
# cannot both be (long text, large text, small window) the reveal waits for
# Enter; the arcade clock is not charged for the wait.
. "$(dirname "$0")/lib.sh"

# reveal_script: a Sprint round of three misses with right answers between
# them; at each reveal the banner in sight at once, the right option's tag
# in sight at once or after scrolling down, and a clean layout.
reveal_script() {
  printf '%s\n' "key 2" "expect arcade" "key Return" "wait 3300"
  repeat 3 "answer right
answer wrong
wait 100
expect-text Not quite:
check-layout
$(repeat 6 "key Down")
expect-text right
check-layout
key Return"
  printf '%s\n' "expect arcade_end" "quit"
}
sweep "reveal" reveal_script "1 2 3 7 9"

# long_why: a single-answer question (bank_of's QUESTION) with a long
# prompt and a long why for the right option (ending "END OF THE WHY"): at
# 200% text in 960x600 the banner and the right option cannot both be in
# sight.
long_why() { # ID DOMAIN TASK
  cat <<YAML
  - id: $1
    domain: "$2"
    task: "$3"
    difficulty: 2
    prompt: >-
      A company in question $1 keeps product photos for years at a low cost
      and wants a managed service with no servers of its own for storage.
      Which service stores these objects?
    options:
      - text: Amazon S3, the object store that keeps the photos in buckets for $1
        correct: true
        why: >-
          S3 stores objects in buckets with eleven nines of durability, and
          its storage classes and lifecycle rules keep old photos at a low
          cost without any server to run. Photos read less often move to
          S3 Standard-IA or S3 Glacier Instant Retrieval, and the bucket
          grows with them: no disk to size, no file system to mount, no
          database to tune, and the company pays for what it keeps. END OF
          THE WHY
      - {text: Amazon EBS volumes attached to one instance for $1, correct: false, why: EBS is block storage.}
      - {text: Amazon EFS shared file systems for $1, correct: false, why: EFS is a shared file system.}
      - {text: Amazon RDS managed relational databases for $1, correct: false, why: RDS is a database.}
    explanation: Objects live in S3 buckets; $1 checks that.
YAML
}
LONG=$WORK/long
bank_of "$LONG" long_why
# MISS: a Sprint round whose first question is answered wrongly.
MISS="key 2
key Return
wait 3300
answer wrong"

# 200% in 960x600: the reveal waits for Enter with the banner in sight and
# the clock at 1:00; scrolling brings the right option; Enter goes on and
# the clock runs again.
rm -rf "$WORK/data"
if play "resize 960 600
$MISS
wait 5000
expect arcade
expect-text Not quite:
expect-text 1:00
check-layout
shot reveal-held-200-960x600.png
key Down
key Down
key Down
key Down
key Down
key Down
wait 300
expect-text right
check-layout
shot reveal-scrolled-200-960x600.png
key Return
wait 300
wheel 10
wheel 10
wait 2500
expect-text 0:5
quit" --text-size 200 --bank "$LONG" 2>"$WORK/err-held.txt"; then pass; else fail "held reveal: $(cat "$WORK/err-held.txt")"; fi
rm -rf "$WORK/data"
if play "resize 960 600
$MISS
wait 5000
expect-text Not quite:
quit" --text-size 200 --bank "$LONG" 2>/dev/null; then pass; else fail "the reveal should wait at 200% in 960x600"; fi

# 150% in 1280x720: the question does not fit with the banner, but the
# banner (its whole why) and the right option do: they are in sight at once
# and the round goes on by itself after the reveal.
for win in "1280 720" "960 600"; do
  rm -rf "$WORK/data"
  if play "resize $win
$MISS
wait 100
expect-text Not quite:
expect-text THE WHY
expect-text right
check-layout
shot reveal-150-$(echo "$win" | tr ' ' x).png
wait 1600
expect arcade
quit" --text-size 150 --bank "$LONG" 2>"$WORK/err-150.txt"; then pass; else fail "reveal at 150% $win: $(cat "$WORK/err-150.txt")"; fi
done
rm -rf "$WORK/data"
if play "$MISS
wait 1700
expect-text Not quite
quit" --text-size 150 --bank "$LONG" 2>/dev/null; then fail "the reveal at 150% should end by itself"; else pass; fi
shot_ok reveal-held-200-960x600.png 960 600
shot_ok reveal-scrolled-200-960x600.png 960 600
shot_ok reveal-150-1280x720.png
finish
