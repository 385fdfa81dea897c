# Cross-compiling for Windows x64 with Debian's mingw-w64 and running the result
# under Wine. CLOUDPREP_WIN_PREFIX is where tools/windows-deps.sh installed the
# cross-built SDL2, SDL2_ttf, SDL2_mixer, libyaml, SQLite and stb.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)

# Keep the prefix through try_compile, which re-reads this file.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES CLOUDPREP_WIN_PREFIX)
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
if(CLOUDPREP_WIN_PREFIX)
  list(PREPEND CMAKE_FIND_ROOT_PATH ${CLOUDPREP_WIN_PREFIX})
  set(ENV{PKG_CONFIG_LIBDIR} "${CLOUDPREP_WIN_PREFIX}/lib/pkgconfig")
  set(ENV{PKG_CONFIG_PATH} "")
endif()
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Tests and generated programs run under Wine (64-bit; Debian's `wine` runs both).
set(CMAKE_CROSSCOMPILING_EMULATOR wine)
