# Packaging: builds the Debian package with CPack, unpacks it into a scratch
# root, runs the installed binary on the installed bank, and validates the
# desktop entry, the AppStream metadata and the man page.
. "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$BIN")

cpack -G DEB --config "$BUILD/CPackConfig.cmake" -B "$WORK/pkg" >"$WORK/cpack.log" 2>&1 || { cat "$WORK/cpack.log"; fail "cpack failed"; }
deb=$(ls "$WORK"/pkg/cloudprep_*.deb 2>/dev/null | head -1)
check "a .deb was produced" test -n "$deb"
[ -n "$deb" ] || { finish; exit 1; }

expect_eq "package name" "$(dpkg-deb -f "$deb" Package)" cloudprep
expect_eq "section" "$(dpkg-deb -f "$deb" Section)" games
deps=$(dpkg-deb -f "$deb" Depends)
for lib in libsdl2 libsdl2-ttf libsdl2-mixer libsqlite3 libyaml; do
  case "$deps" in *"$lib"*) pass ;; *) fail "Depends lacks $lib: $deps" ;; esac
done

root="$WORK/root"
dpkg -x "$deb" "$root"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' | grep -v '/$' | sort > "$WORK/files.txt"
for f in /usr/bin/cloudprep \
         /usr/share/applications/cloudprep.desktop \
         /usr/share/metainfo/io.github.cloudprep.cloudprep.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/cloudprep.svg \
         /usr/share/icons/hicolor/64x64/apps/cloudprep.png \
         /usr/share/icons/hicolor/128x128/apps/cloudprep.png \
         /usr/share/icons/hicolor/256x256/apps/cloudprep.png \
         /usr/share/man/man6/cloudprep.6.gz \
         /usr/share/cloudprep/banks/clf-c02/exam.yaml \
         /usr/share/cloudprep/banks/FORMAT.md \
         /usr/share/cloudprep/assets/fonts/DejaVuSans.ttf \
         /usr/share/cloudprep/assets/fonts/DejaVuSans-Bold.ttf \
         /usr/share/cloudprep/assets/fonts/LICENSE-DejaVu.txt \
         /usr/share/doc/cloudprep/LICENSE; do
  grep -qx "$f" "$WORK/files.txt" && pass || fail "package lacks $f"
done
# Nothing outside the expected folders.
unexpected=$(grep -v -E '^/usr/(bin/cloudprep|share/(applications|metainfo|icons|man/man6|cloudprep|doc/cloudprep)/)' "$WORK/files.txt" || true)
expect_eq "unexpected files in the package" "$unexpected" ""

v=$("$root/usr/bin/cloudprep" --version)
case "$v" in "cloudprep "*) pass ;; *) fail "installed --version: $v" ;; esac
"$root/usr/bin/cloudprep" --check-bank "$root/usr/share/cloudprep/banks/clf-c02" > "$WORK/check.txt" 2>&1 \
  && pass || fail "installed --check-bank: $(tail -5 "$WORK/check.txt")"
# The installed binary finds its bank and fonts without options (headless).
printf 'expect home\nshot installed.png\nquit\n' > "$WORK/installed.txt"
"$root/usr/bin/cloudprep" --headless --script "$WORK/installed.txt" --shots "$WORK/shots" \
  --data-dir "$WORK/data" 2>"$WORK/installed.err" && pass || fail "installed binary did not start: $(cat "$WORK/installed.err")"
shot_ok installed.png

desktop-file-validate "$root/usr/share/applications/cloudprep.desktop" && pass || fail "desktop-file-validate"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/io.github.cloudprep.cloudprep.metainfo.xml" >"$WORK/as.txt" 2>&1 \
  || appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.cloudprep.cloudprep.metainfo.xml" >"$WORK/as.txt" 2>&1 \
  && pass || fail "appstreamcli validate: $(cat "$WORK/as.txt")"
MANWIDTH=80 man -l "$root/usr/share/man/man6/cloudprep.6.gz" > "$WORK/man.txt" 2>"$WORK/man.err" && pass || fail "man -l: $(cat "$WORK/man.err")"
grep -q "check-bank" "$WORK/man.txt" && pass || fail "man page text"
finish
