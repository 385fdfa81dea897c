# The Windows installer under Wine: a silent per-user install, the installed
# program run from its own folder (--version, --check-bank on the installed
# bank, a headless session that keeps progress in %APPDATA%\cloudprep and
# takes a screenshot, a data folder with a non-ASCII name), then a silent
# uninstall that leaves the progress alone.
# Run by CTest (e2e.test_installer) as
#   sh packaging/windows/test_installer.sh SETUP_EXE SOURCE_DIR WORK_DIR
# with WINEPREFIX set; `make test-windows` builds the installer first.
set -eu
SETUP=$1
SRC=$2
WORK=$3
rm -rf "$WORK"
mkdir -p "$WORK/shots"
FAILS=0
PASSES=0
fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
pass() { PASSES=$((PASSES + 1)); }
expect_eq() { if [ "$2" = "$3" ]; then pass; else fail "$1: got '$2', want '$3'"; fi; }
finish() { echo "$PASSES passed, $FAILS failed"; [ "$FAILS" -eq 0 ]; }

if [ ! -f "$SETUP" ]; then
  fail "no installer at $SETUP (make windows builds it)"; finish; exit 1
fi
winvar() { wine cmd /c "echo %$1%" 2>/dev/null | tr -d '\r'; }
# The installed program runs with C: as its drive: give it Windows paths (Z:\...).
winpath() { winepath -w "$1" 2>/dev/null; }
LOCAL=$(winepath -u "$(winvar LOCALAPPDATA)" 2>/dev/null)
ROAMING=$(winepath -u "$(winvar APPDATA)" 2>/dev/null)
INST=${LOCAL%/}/Programs/cloudprep
LINK="${ROAMING%/}/Microsoft/Windows/Start Menu/Programs/cloudprep.lnk"
DATA=${ROAMING%/}/cloudprep
KEY='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\cloudprep'
rm -rf "$INST" "$DATA"

# 1. silent install, per user, into %LOCALAPPDATA%\Programs\cloudprep
wine "$SETUP" /S && pass || fail "installer exited non-zero"
for f in cloudprep.exe SDL2.dll SDL2_ttf.dll SDL2_mixer.dll uninstall.exe LICENSE.txt THIRD-PARTY.txt \
         banks/clf-c02/exam.yaml assets/fonts/DejaVuSans.ttf licenses/FreeType.txt licenses/SDL2.txt; do
  if [ -f "$INST/$f" ]; then pass; else fail "installed file missing: $f"; fi
done
if [ -f "$LINK" ]; then pass; else fail "no Start-menu entry at $LINK"; fi
wine reg query "$KEY" /v UninstallString >/dev/null 2>&1 && pass || fail "no uninstall entry in the registry"

# 2. the installed program, from its own folder
cd "$INST"
expect_eq "installed --version" "$(wine ./cloudprep.exe --version)" "cloudprep $(sed -n 's/^project(cloudprep VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")"
wine ./cloudprep.exe --check-bank banks/clf-c02 > "$WORK/check.txt" 2>&1 && pass || fail "--check-bank on the installed bank"
grep -q ', 0 errors, ' "$WORK/check.txt" && pass || fail "installed bank: $(tail -3 "$WORK/check.txt")"
printf 'expect home\nshot home.png\nkey 4\nexpect diagnostic\nkey Return\nexpect exam\nanswer right\nkey Return\nwait 300\nshot session.png\nquit\n' > "$WORK/session.txt"
SDL_AUDIODRIVER=dummy wine ./cloudprep.exe --headless --script "$(winpath "$WORK/session.txt")" \
  --shots "$(winpath "$WORK/shots")" --seed 3 \
  > "$WORK/session.log" 2>&1 && pass || { fail "headless session"; cat "$WORK/session.log" >&2; }
for shot in session.png home.png; do
  if [ -s "$WORK/shots/$shot" ]; then
    expect_eq "size of $shot" "$(identify -format '%w %h' "$WORK/shots/$shot")" "1280 720"
  else
    fail "screenshot $shot missing"
  fi
done
# progress went to %APPDATA%\cloudprep, and the message names it with one kind of separator
if [ -f "$DATA/progress.db" ]; then pass; else fail "no progress.db in $DATA"; fi
grep -q 'AppData\\Roaming\\cloudprep\\progress.db' "$WORK/session.log" && pass \
  || fail "progress path not shown as a Windows path: $(cat "$WORK/session.log")"
# a data folder whose name is not ASCII (the manifest's UTF-8 code page)
printf 'expect home\nquit\n' > "$WORK/quit.txt"
wine ./cloudprep.exe --headless --script "$(winpath "$WORK/quit.txt")" --data-dir "$(winpath "$WORK/Daten – Ærø ü")" \
  >/dev/null 2>&1 \
  && pass || fail "headless run with a non-ASCII data folder"
if [ -f "$WORK/Daten – Ærø ü/progress.db" ]; then pass; else fail "no progress.db in the non-ASCII folder"; fi
cd "$WORK"

# 3. silent uninstall (NSIS runs a copy of itself and returns at once: wait for it)
wine "$INST/uninstall.exe" /S || fail "uninstaller exited non-zero"
i=0
while [ -e "$INST/cloudprep.exe" ] && [ $i -lt 60 ]; do sleep 0.5; i=$((i + 1)); done
if [ -e "$INST/cloudprep.exe" ]; then fail "uninstall left the program"; else pass; fi
if [ -e "$LINK" ]; then fail "uninstall left the Start-menu entry"; else pass; fi
wine reg query "$KEY" >/dev/null 2>&1 && fail "uninstall left the registry entry" || pass
if [ -f "$DATA/progress.db" ]; then pass; else fail "uninstall removed the progress"; fi
rm -rf "$DATA"
finish
