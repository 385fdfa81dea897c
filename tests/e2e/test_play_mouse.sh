# The Daily drill and the Arcade with the mouse alone (`input mouse`,
# `click-text`, `click-option`; no key is pressed): questions answered by
# clicking options and Submit, Next after the feedback, a flashcard turned
# by a click and graded with Knew it (it goes on by itself), leaving by the
# footer and the quit question's "Leave the drill", then Drill my mistakes
# and Learn 10 more from the summary, and Home. An arcade round played by
# clicks, ended by "End the round", the results' buttons (which wait a
# moment before they act), and a round ended with no answer, which is not
# a round played; at 200% text the clock waits until every answer has been
# in sight.
. "$(dirname "$0")/lib.sh"

ten_minutes
play "input mouse
click-text Daily drill
expect drill
wait 300
answer wrong
click-text Next
answer right
click-text Next
answer right
click-text Next
shot card-front.png
click-text the card
wait 400
shot card-back.png
click-text Knew it
wait 1300
expect drill
answer right
click-text Next
click-text leave
shot quit-drill.png
click-text Leave the drill
wait 1300
shot summary.png
click-text Drill my mistakes
expect drill
answer right
click-text Next
wait 1300
click-text Learn 10 more
expect drill
answer wrong
click-text Next
click-text leave
click-text Leave the drill
wait 1300
click-text Home
expect home
quit"
expect_eq "drill answers by mouse" "$(sql "select count(*) from reviews where mode='drill'")" 7
expect_eq "the card was graded 'knew it'" "$(sql "select count(*) from reviews where mode='drill' and item_id like 'f-%' and correct=1")" 1
first=$(sql "select item_id from reviews order by id limit 1")
expect_eq "the first miss came back in Drill my mistakes, answered right" \
  "$(sql "select correct, box_after from reviews where id=6")" "1|1"
expect_eq "it is the item missed first" "$(sql "select item_id from reviews where id=6")" "$first"
expect_eq "Learn 10 more asked a new item" "$(sql "select box_before from reviews where id=7")" 0
shot_ok card-back.png
shot_ok summary.png
shots_differ card-front.png card-back.png

# The arcade by clicks: three right, one wrong, then "End the round".
play "input mouse
click-text Arcade
expect arcade
click-text Play Sprint
wait 3000
answer right
answer right
answer right
answer wrong
wait 1600
click-text end the round
shot quit-arcade.png
click-text End the round
expect arcade_end
click-text Play again
expect arcade_end
wait 1000
shot arcade-end.png
click-text Round menu
expect arcade
click-text Play Sprint
wait 3000
click-text end the round
click-text End the round
expect arcade
shot arcade-menu-after-empty.png
click-text back to the menu
expect home
quit"
expect_eq "one arcade round saved" "$(sql "select count(*) from exams where mode='arcade'")" 1
expect_eq "its answers" "$(sql "select items, correct_scored from exams where mode='arcade'")" "4|3"
expect_eq "arcade reviews" "$(sql "select count(*) from reviews where mode='arcade'")" 4

# At 200% text in 960x600 a question's answers may not all fit: the clock
# waits ("Clock paused") until each has been scrolled into sight, then runs.
play "resize 960 600
input mouse
click-text Arcade
click-text Play Sprint
wait 5000
shot arcade-paused.png
check-layout
wheel 3
wheel 3
wheel 3
wait 1500
shot arcade-running.png
check-layout
answer right
wheel 10
answer right
answer wrong
wait 1600
click-text end the round
click-text End the round
expect arcade_end
wait 1000
click-text Home
expect home
quit" --text-size 200
expect_eq "the large-text round is saved" "$(sql "select count(*) from exams where mode='arcade'")" 2
shots_differ arcade-paused.png arcade-running.png
shot_ok quit-arcade.png
shot_ok arcade-end.png
finish
