#!/bin/sh
# Cross-builds cloudprep's libraries for Windows x64 from Debian's own source
# packages, once: SDL2 (DLL), SDL2_ttf (DLL, FreeType linked in statically),
# SDL2_mixer (DLL, WAV only), libyaml, SQLite and stb_image_write (static).
# Usage: tools/windows-deps.sh BUILD_DIR   (the result goes to BUILD_DIR/prefix)
# Each library leaves a stamp; a second run does nothing (until its recipe's
# revision or the toolchain file changes). Sources come from the
# system's Debian mirror through a private apt sources file, so the system's
# apt configuration is never changed.
set -eu
src_root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$src_root/build/windows-deps}
mkdir -p "$out"
out=$(cd "$out" && pwd)
prefix=$out/prefix
jobs=${JOBS:-2}
toolchain=$src_root/cmake/mingw-w64-x86_64.cmake
host=x86_64-w64-mingw32
mkdir -p "$prefix/lib/pkgconfig" "$prefix/include" "$prefix/bin" "$prefix/licenses" "$out/stamps"

log() { echo "windows-deps: $*"; }
done_already() { [ -f "$out/stamps/$1" ]; }
mark_done() { touch "$out/stamps/$1"; }

# The Debian mirror the system already uses (deb822 or one-line format).
mirror() {
  m=""
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    m=$(awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources)
  fi
  if [ -z "$m" ] && [ -f /etc/apt/sources.list ]; then
    m=$(awk '$1 == "deb" && $0 !~ /security/ { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)
  fi
  echo "${m:-http://deb.debian.org/debian}"
}

APT_DIR=$out/apt
apt_private() {
  apt-get -o Dir::Etc::SourceList="$APT_DIR/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o Dir::State::Lists="$APT_DIR/lists" -o Dir::Cache="$APT_DIR/cache" -o APT::Sandbox::User=root "$@"
}

fetch_sources() {
  done_already sources && return 0
  m=$(mirror)
  sec=$(echo "$m" | sed 's#/debian/*$#/debian-security#')
  mkdir -p "$APT_DIR/lists/partial" "$APT_DIR/cache/archives/partial" "$out/src"
  {
    echo "deb-src $m bookworm main"
    echo "deb-src $m bookworm-updates main"
    echo "deb-src $sec bookworm-security main"
  } > "$APT_DIR/sources.list"
  log "fetching Debian source packages from $m"
  apt_private -qq update
  rm -rf "$out/src" && mkdir -p "$out/src"
  (cd "$out/src" && apt_private -qq source libsdl2 libsdl2-ttf libsdl2-mixer freetype libyaml sqlite3 >/dev/null)
  mark_done sources
}

# The extracted source folder of one Debian source package.
srcdir() { for d in "$out/src/$1"-[0-9]*; do [ -d "$d" ] && { echo "$d"; return 0; }; done; echo "no source for $1" >&2; return 1; }

cmake_dep() { # NAME SRC [cmake args...]
  name=$1; s=$2; shift 2
  rm -rf "$out/build-$name"
  cmake -S "$s" -B "$out/build-$name" -G "Unix Makefiles" -DCMAKE_TOOLCHAIN_FILE="$toolchain" \
    -DCLOUDPREP_WIN_PREFIX="$prefix" -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_CROSSCOMPILING_EMULATOR= "$@" >"$out/build-$name.log" 2>&1 \
    || { tail -30 "$out/build-$name.log"; exit 1; }
  cmake --build "$out/build-$name" -j "$jobs" >>"$out/build-$name.log" 2>&1 \
    || { tail -30 "$out/build-$name.log"; exit 1; }
  cmake --install "$out/build-$name" >>"$out/build-$name.log" 2>&1 \
    || { tail -30 "$out/build-$name.log"; exit 1; }
  rm -rf "$out/build-$name"
}

build_sdl2() {
  done_already sdl2 && return 0
  log "SDL2"
  s=$(srcdir libsdl2)
  cmake_dep sdl2 "$s" -DSDL_SHARED=ON -DSDL_STATIC=OFF -DSDL_TEST=OFF
  cp "$s/LICENSE.txt" "$prefix/licenses/SDL2.txt"
  mark_done sdl2
}

build_freetype() {
  done_already freetype && return 0
  log "FreeType (static)"
  s=$(srcdir freetype)
  cmake_dep freetype "$s" -DBUILD_SHARED_LIBS=OFF -DFT_DISABLE_ZLIB=ON -DFT_DISABLE_BZIP2=ON \
    -DFT_DISABLE_PNG=ON -DFT_DISABLE_HARFBUZZ=ON -DFT_DISABLE_BROTLI=ON
  cp "$s/docs/FTL.TXT" "$prefix/licenses/FreeType.txt"
  mark_done freetype
}

build_sdl2_ttf() {
  done_already sdl2_ttf && return 0
  log "SDL2_ttf"
  s=$(srcdir libsdl2-ttf)
  cmake_dep sdl2_ttf "$s" -DBUILD_SHARED_LIBS=ON -DSDL2TTF_VENDORED=OFF -DSDL2TTF_HARFBUZZ=OFF \
    -DSDL2TTF_SAMPLES=OFF
  cp "$s/LICENSE.txt" "$prefix/licenses/SDL2_ttf.txt"
  mark_done sdl2_ttf
}

build_sdl2_mixer() {
  done_already sdl2_mixer && return 0
  log "SDL2_mixer (WAV only)"
  s=$(srcdir libsdl2-mixer)
  cmake_dep sdl2_mixer "$s" -DBUILD_SHARED_LIBS=ON -DSDL2MIXER_VENDORED=OFF -DSDL2MIXER_SAMPLES=OFF \
    -DSDL2MIXER_CMD=OFF -DSDL2MIXER_FLAC=OFF -DSDL2MIXER_MOD=OFF -DSDL2MIXER_MP3=OFF \
    -DSDL2MIXER_MIDI=OFF -DSDL2MIXER_OPUS=OFF -DSDL2MIXER_VORBIS= -DSDL2MIXER_WAVPACK=OFF \
    -DSDL2MIXER_WAVE=ON
  cp "$s/LICENSE.txt" "$prefix/licenses/SDL2_mixer.txt"
  mark_done sdl2_mixer
}

build_libyaml() {
  done_already libyaml && return 0
  log "libyaml (static)"
  s=$(srcdir libyaml)
  cmake_dep libyaml "$s" -DBUILD_SHARED_LIBS=OFF -DBUILD_TESTING=OFF -DINSTALL_CMAKE_DIR=lib/cmake/yaml
  # libyaml's CMake installs no pkg-config file; cloudprep finds it through one.
  cat > "$prefix/lib/pkgconfig/yaml-0.1.pc" <<EOF
prefix=$prefix
Name: LibYAML
Description: Library to parse and emit YAML (static)
Version: 0.2.5
Cflags: -I\${prefix}/include -DYAML_DECLARE_STATIC
Libs: -L\${prefix}/lib -lyaml
EOF
  cp "$s/License" "$prefix/licenses/libyaml.txt"
  mark_done libyaml
}

build_sqlite() {
  done_already sqlite.r2 && return 0
  log "SQLite (static; amalgamation made with tclsh)"
  s=$(srcdir sqlite3)
  b=$out/build-sqlite
  rm -rf "$b" && mkdir -p "$b"
  (cd "$b" && "$s/configure" --disable-tcl >"$b.log" 2>&1 && make sqlite3.c >>"$b.log" 2>&1) \
    || { tail -30 "$b.log"; exit 1; }
  # as Debian builds it where cloudprep or its tests depend on it (dbstat for
  # the salvage tests), without loadable extensions
  $host-gcc -O2 -c "$b/sqlite3.c" -o "$b/sqlite3.o" -DSQLITE_THREADSAFE=1 -DSQLITE_OMIT_LOAD_EXTENSION \
    -DSQLITE_ENABLE_DBSTAT_VTAB -DSQLITE_ENABLE_COLUMN_METADATA -DSQLITE_DQS=0
  $host-ar rcs "$prefix/lib/libsqlite3.a" "$b/sqlite3.o"
  cp "$b/sqlite3.h" "$b/sqlite3ext.h" "$prefix/include/"
  { echo "SQLite $(cat "$s/VERSION") (https://www.sqlite.org)"; echo
    awk '/author disclaims copyright/ { on = 1 } on && /^\*\*\*\*/ { exit } on { sub(/^\*\* ?/, ""); print }' "$b/sqlite3.h"
  } > "$prefix/licenses/SQLite.txt"
  rm -rf "$b"
  mark_done sqlite.r2
}

copy_stb() {
  done_already stb.r2 && return 0
  log "stb (headers, PNG writer)"
  [ -d /usr/include/stb ] || { echo "windows-deps: /usr/include/stb missing (install libstb-dev)" >&2; exit 1; }
  mkdir -p "$prefix/include/stb" "$out/build-stb"
  cp /usr/include/stb/*.h "$prefix/include/stb/"
  # Debian's libstb.so holds the implementations; here only the PNG writer is needed.
  printf '#define STB_IMAGE_WRITE_IMPLEMENTATION\n#include <stb_image_write.h>\n' > "$out/build-stb/stb.c"
  $host-gcc -O2 -c -I"$prefix/include/stb" "$out/build-stb/stb.c" -o "$out/build-stb/stb.o"
  $host-ar rcs "$prefix/lib/libstb.a" "$out/build-stb/stb.o"
  rm -rf "$out/build-stb"
  cat > "$prefix/lib/pkgconfig/stb.pc" <<EOF
prefix=$prefix
Name: stb
Description: single-file public domain libraries for C/C++ (stb_image_write built)
Version: 0.0
Cflags: -I\${prefix}/include/stb
Libs: -L\${prefix}/lib -lstb
EOF
  # the licence as stb_image_write.h states it at its end
  { echo "stb_image_write.h (https://github.com/nothings/stb)"; echo
    sed -n '/^This software is available under 2 licenses/,/^\*\//p' /usr/include/stb/stb_image_write.h | sed '$d'
  } > "$prefix/licenses/stb.txt"
  mark_done stb.r2
}

start=$(date +%s)
# A changed toolchain file rebuilds every library; a changed recipe below
# bumps that library's stamp revision (sqlite.r2, ...) and rebuilds only it.
key=$(sha256sum < "$toolchain" | cut -c1-16)
if [ "$(cat "$out/stamps/recipe" 2>/dev/null)" != "$key" ]; then
  find "$out/stamps" -type f ! -name sources -delete
  rm -rf "$prefix" && mkdir -p "$prefix/lib/pkgconfig" "$prefix/include" "$prefix/bin" "$prefix/licenses"
  echo "$key" > "$out/stamps/recipe"
fi
fetch_sources
build_sdl2
build_freetype
build_sdl2_ttf
build_sdl2_mixer
build_libyaml
build_sqlite
copy_stb
log "ready in $prefix ($(($(date +%s) - start)) s)"
