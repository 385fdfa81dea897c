# What home says is current: the first start's "Welcome! Your progress will
# be kept in ..." goes once the learner comes back from a screen (and never
# shows on a later start); after the 10-question diagnostic no domain is
# called the weakest (each has a few answers, luck either way), on the
# results or on home; counts read with their thousands separated, as on
# Stats ("29,870 XP").
. "$(dirname "$0")/lib.sh"

s="expect home
expect-text Welcome! Your progress will be kept in
$(diagnostic_to_results rwrwrwrwrw)
expect-text No domain is weaker than the others yet
key Return
expect plan
key Escape
expect results
key Escape
expect home
shot home-after.png"
play "$s" || fail "the diagnostic to home"
no_text "expect home
expect-text Welcome!" "the welcome stays on a later start"
no_text "expect home
key 6
expect settings
key Escape
expect home
expect-text Welcome!" "the welcome stays after coming back from Settings"
no_text "expect home
expect-text your weakest" "home names a weakest domain from the diagnostic's few answers"
rm -rf "$WORK/data"
play "quit"
history_fixture
play "expect home
expect-text 29,870 XP
shot home-history.png" || fail "home writes the XP with its thousands separated"
shot_ok home-after.png
shot_ok home-history.png
finish
