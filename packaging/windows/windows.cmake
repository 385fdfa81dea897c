# The Windows x64 build (cross-compiled with mingw-w64; see
# cmake/mingw-w64-x86_64.cmake and tools/windows-deps.sh): a GUI-subsystem
# program with icon, UTF-8 manifest and version resource, its DLLs copied
# next to it, and the `dist` target that makes the zip and the installer.
# Included from the top-level CMakeLists.txt instead of install.cmake.
enable_language(RC)

# C99 printf (%zu, %lld) from mingw's own stdio instead of the old MS one.
target_compile_definitions(cloudprep_core PUBLIC __USE_MINGW_ANSI_STDIO=1)

# No console window when started from Explorer; SDL2main turns WinMain's
# wide command line into UTF-8 argv.
set_target_properties(cloudprep PROPERTIES WIN32_EXECUTABLE ON)
target_link_libraries(cloudprep PRIVATE SDL2::SDL2main)
target_link_options(cloudprep PRIVATE -static-libgcc)

set(WIN_VERSION "${PROJECT_VERSION}.0")
string(REPLACE "." "," WIN_VERSION_COMMAS "${WIN_VERSION}")
set(WIN_ICON ${CMAKE_SOURCE_DIR}/packaging/windows/cloudprep.ico)
set(WIN_MANIFEST ${CMAKE_BINARY_DIR}/cloudprep.manifest)
configure_file(${CMAKE_SOURCE_DIR}/packaging/windows/cloudprep.manifest ${WIN_MANIFEST} @ONLY)
configure_file(${CMAKE_SOURCE_DIR}/packaging/windows/cloudprep.rc.in ${CMAKE_BINARY_DIR}/cloudprep.rc @ONLY)
target_sources(cloudprep PRIVATE ${CMAKE_BINARY_DIR}/cloudprep.rc)
set_property(SOURCE ${CMAKE_BINARY_DIR}/cloudprep.rc APPEND PROPERTY OBJECT_DEPENDS
    ${WIN_ICON} ${WIN_MANIFEST})

# The unit tests are Windows programs on the same core, which takes paths as
# UTF-8: they get the manifest too.
file(WRITE ${CMAKE_BINARY_DIR}/utf8-manifest.rc "1 24 \"${WIN_MANIFEST}\"\n")
get_directory_property(test_targets DIRECTORY ${CMAKE_SOURCE_DIR}/tests BUILDSYSTEM_TARGETS)
foreach(t ${test_targets})
  get_target_property(type ${t} TYPE)
  if(type STREQUAL "EXECUTABLE")
    target_sources(${t} PRIVATE ${CMAKE_BINARY_DIR}/utf8-manifest.rc)
  endif()
endforeach()

# The DLLs beside the program, so it (and the tests, under Wine) start from the build tree.
add_custom_command(TARGET cloudprep POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E copy_if_different $<TARGET_RUNTIME_DLLS:cloudprep> $<TARGET_FILE_DIR:cloudprep>
    COMMAND_EXPAND_LISTS)

# make windows: build/dist/cloudprep-VERSION-win64.zip and ...-setup.exe
set(CLOUDPREP_DIST_DIR ${CMAKE_BINARY_DIR}/dist CACHE PATH "Where the zip and the installer go")
set(CLOUDPREP_WIN_PREFIX "" CACHE PATH "The cross-built libraries (tools/windows-deps.sh)")
add_custom_target(dist
    COMMAND sh ${CMAKE_SOURCE_DIR}/tools/windows-dist.sh $<TARGET_FILE:cloudprep> ${CMAKE_SOURCE_DIR}
            ${CLOUDPREP_WIN_PREFIX} ${PROJECT_VERSION} ${CLOUDPREP_DIST_DIR}
    DEPENDS cloudprep cloudprep_data
    COMMENT "Making the Windows zip and installer in ${CLOUDPREP_DIST_DIR}"
    VERBATIM)

# The installer, silently installed and uninstalled under Wine (needs `dist` first: make test-windows).
add_test(NAME e2e.test_installer COMMAND sh ${CMAKE_SOURCE_DIR}/packaging/windows/test_installer.sh
         ${CLOUDPREP_DIST_DIR}/cloudprep-${PROJECT_VERSION}-win64-setup.exe ${CMAKE_SOURCE_DIR}
         ${CMAKE_BINARY_DIR}/tests/e2e-work/test_installer)
set_tests_properties(e2e.test_installer PROPERTIES TIMEOUT 600)
