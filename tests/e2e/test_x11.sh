# The real window under an X server (Xvfb): the game opens at 1280x720 with
# a real renderer, takes keyboard input through X (xdotool), shows the
# diagnostic and goes back home, and quits on Esc. Captured with import.
. "$(dirname "$0")/lib.sh"
if ! command -v Xvfb >/dev/null || ! command -v xdotool >/dev/null; then
  fail "Xvfb and xdotool are needed (packaging/debian-packages.txt lists them)"; finish; exit 1
fi
# Xvfb picks a free display and says which (-displayfd), so runs in
# parallel never share a server.
Xvfb -displayfd 3 -screen 0 1280x720x24 -nolisten tcp 3>"$WORK/display" >"$WORK/xvfb.log" 2>&1 &
xpid=$!
trap 'kill $gpid $xpid 2>/dev/null || true' EXIT
i=0; while [ ! -s "$WORK/display" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
disp=$(tr -dc 0-9 < "$WORK/display")
check "Xvfb started" test -n "$disp"
export DISPLAY=":$disp"
i=0; while ! xdotool getdisplaygeometry >/dev/null 2>&1 && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
# Leak checking stays on for our code in the headless tests; here the X, GL
# and D-Bus client libraries keep a few allocations to exit, which are theirs.
ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" SDL_AUDIODRIVER=dummy \
  "$BIN" --data-dir "$WORK/data" --seed 7 >"$WORK/game.log" 2>&1 &
gpid=$!
# Polled rather than `search --sync`: xdotool exits on an X error (a window
# that vanishes while it looks, as SDL's probing windows do), leaving nothing.
win=""; i=0
while [ -z "$win" ] && [ $i -lt 300 ]; do
  win=$(xdotool search --limit 1 --name '^cloudprep$' 2>/dev/null | head -1)
  [ -n "$win" ] || sleep 0.1
  i=$((i + 1))
done
if [ -z "$win" ]; then
  # say why, so a failure under load can be told from a broken build
  fail "no window named cloudprep after 30 s (game $(kill -0 $gpid 2>/dev/null && echo running || echo exited)):" \
    "game log: $(tail -n 3 "$WORK/game.log" | tr '\n' ' ') Xvfb log: $(tail -n 3 "$WORK/xvfb.log" | tr '\n' ' ')"
  finish
  exit 1
fi
pass
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus "$win" 2>/dev/null || true
# press KEY: sends a key to the game's window, looking the window up again
# and retrying when X says it is gone (SDL may replace a probing window).
press() {
  _try=0
  while [ $_try -lt 5 ]; do
    xdotool key --window "$win" "$1" 2>/dev/null && return 0
    win=$(xdotool search --limit 1 --name '^cloudprep$' 2>/dev/null | head -1)
    sleep 0.2; _try=$((_try + 1))
  done
  fail "could not send $1 to the window"
}
# Wait until the home screen is drawn (slow builds take a while to start).
i=0
while [ $i -lt 100 ]; do
  import -window root "$WORK/shots/x11-home.png"
  [ "$(identify -format '%k' "$WORK/shots/x11-home.png")" -gt 64 ] && break
  sleep 0.2; i=$((i + 1))
done
sleep 1
press 4
sleep 0.8
import -window root "$WORK/shots/x11-diagnostic.png"
shots_differ x11-home.png x11-diagnostic.png
press Escape
sleep 0.5
press Escape
sleep 0.5
import -window root "$WORK/shots/x11-quit-asked.png"
press y
i=0; while kill -0 $gpid 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 $gpid 2>/dev/null; then fail "the game did not quit on Esc, Y"; else
  wait $gpid && pass || fail "the game exited with an error: $(cat "$WORK/game.log")"; fi
shot_ok x11-home.png
shot_ok x11-diagnostic.png
shot_ok x11-quit-asked.png
finish
