#!/bin/sh
# Makes the Windows downloads from a built cloudprep.exe:
#   DIST/cloudprep-VERSION-win64.zip        (unzip and run cloudprep.exe)
#   DIST/cloudprep-VERSION-win64-setup.exe  (per-user NSIS installer)
# Usage: tools/windows-dist.sh EXE SOURCE_DIR DEPS_PREFIX VERSION DIST_DIR
# Both carry the program, its DLLs, the banks, the fonts, LICENSE.txt and
# every third-party licence (licenses/, with THIRD-PARTY.txt listing them and
# FreeType's credit).
set -eu
exe=$1; src=$2; prefix=$3; version=$4; dist=$5
name=cloudprep-$version-win64
build=$(dirname "$exe")
stage_root=$build/stage
stage=$stage_root/$name
host=x86_64-w64-mingw32

rm -rf "$stage_root" && mkdir -p "$stage/licenses" "$dist"
cp "$exe" "$stage/cloudprep.exe"
for dll in SDL2.dll SDL2_ttf.dll SDL2_mixer.dll; do
  cp "$prefix/bin/$dll" "$stage/$dll"
done
$host-strip --strip-unneeded "$stage"/*.exe "$stage"/*.dll

# The program needs exactly these DLLs besides the ones Windows has.
for f in "$stage"/*.exe "$stage"/*.dll; do
  for dep in $($host-objdump -p "$f" | sed -n 's/^[[:space:]]*DLL Name: //p'); do
    case "$dep" in
      SDL2.dll|SDL2_ttf.dll|SDL2_mixer.dll) ;;
      [Kk][Ee][Rr][Nn][Ee][Ll]32.dll|[Uu][Ss][Ee][Rr]32.dll|[Gg][Dd][Ii]32.dll|[Aa][Dd][Vv][Aa][Pp][Ii]32.dll|\
      [Ss][Hh][Ee][Ll][Ll]32.dll|[Oo][Ll][Ee]32.dll|[Oo][Ll][Ee][Aa][Uu][Tt]32.dll|[Ii][Mm][Mm]32.dll|\
      [Ww][Ii][Nn][Mm][Mm].dll|[Vv][Ee][Rr][Ss][Ii][Oo][Nn].dll|[Ss][Ee][Tt][Uu][Pp][Aa][Pp][Ii].dll|\
      msvcrt.dll|api-ms-win-*) ;;
      *) echo "windows-dist: $(basename "$f") needs $dep, which is not shipped" >&2; exit 1 ;;
    esac
  done
done

cp -r "$src/banks" "$stage/banks"
cp -r "$src/assets" "$stage/assets"
# CRLF line ends, so Notepad on any Windows shows them properly
crlf() { sed 's/\r*$/\r/' "$1" > "$2"; }
crlf "$src/LICENSE" "$stage/LICENSE.txt"
crlf "$src/README.md" "$stage/README.txt"
for f in "$prefix"/licenses/*.txt; do
  crlf "$f" "$stage/licenses/$(basename "$f")"
done
crlf "$src/assets/fonts/LICENSE-DejaVu.txt" "$stage/licenses/DejaVu-fonts.txt"
if [ -f /usr/share/doc/mingw-w64-common/copyright ]; then
  crlf /usr/share/doc/mingw-w64-common/copyright "$stage/licenses/mingw-w64-runtime.txt"
fi
crlf "$src/packaging/windows/THIRD-PARTY.txt" "$stage/THIRD-PARTY.txt"

# Reproducible archive: fixed times, sorted names.
find "$stage_root" -exec touch -h -d "@${SOURCE_DATE_EPOCH:-1767225600}" {} +
rm -f "$dist/$name.zip"
(cd "$stage_root" && find "$name" -print | LC_ALL=C sort | zip -q -X -9 -@ "$dist/$name.zip")

makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DSTAGE="$stage" -DOUTFILE="$dist/$name-setup.exe" \
  -DICON="$src/packaging/windows/cloudprep.ico" -DLICENSE="$stage/LICENSE.txt" \
  "$src/packaging/windows/installer.nsi"

echo "windows-dist: $dist/$name.zip ($(du -k "$dist/$name.zip" | cut -f1) KiB)"
echo "windows-dist: $dist/$name-setup.exe ($(du -k "$dist/$name-setup.exe" | cut -f1) KiB)"
