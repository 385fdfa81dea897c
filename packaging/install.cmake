# Install rules and the Debian package (CPack). Included from the top-level
# CMakeLists.txt.
install(TARGETS cloudprep RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/banks/ DESTINATION ${CMAKE_INSTALL_DATADIR}/cloudprep/banks)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/cloudprep/assets)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/cloudprep.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/io.github.cloudprep.cloudprep.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/icons/cloudprep.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size 64 128 256)
  install(FILES ${CMAKE_SOURCE_DIR}/packaging/icons/cloudprep-${size}.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps
          RENAME cloudprep.png)
endforeach()
# Debian ships man pages compressed (gzip -n: reproducible, no timestamp).
find_program(GZIP_PROGRAM gzip REQUIRED)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/cloudprep.6.gz
    COMMAND ${GZIP_PROGRAM} -9n -c ${CMAKE_SOURCE_DIR}/packaging/cloudprep.6 > ${CMAKE_BINARY_DIR}/cloudprep.6.gz
    DEPENDS ${CMAKE_SOURCE_DIR}/packaging/cloudprep.6
    COMMENT "Compressing the man page")
add_custom_target(cloudprep_man ALL DEPENDS ${CMAKE_BINARY_DIR}/cloudprep.6.gz)
install(FILES ${CMAKE_BINARY_DIR}/cloudprep.6.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man6)
install(FILES ${CMAKE_SOURCE_DIR}/LICENSE ${CMAKE_SOURCE_DIR}/README.md
        DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME cloudprep)
set(CPACK_PACKAGE_VENDOR "The cloudprep authors")
set(CPACK_PACKAGE_CONTACT "The cloudprep authors <cloudprep@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "offline trainer for the AWS Certified Cloud Practitioner exam")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"offline trainer for the AWS Certified Cloud Practitioner exam
 cloudprep is a small, fast study game and exam simulator for the AWS
 Certified Cloud Practitioner exam (CLF-C02): daily spaced-repetition drills,
 timed arcade rounds, a diagnostic with a study plan, and a full 65-question,
 90-minute mock exam scored like the real one. Every option of every question
 is explained. Question banks are YAML files.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION games)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/cloudprep/cloudprep")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
include(CPack)
