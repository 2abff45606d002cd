# SPDX-License-Identifier: GPL-3.0-or-later
# Linux: the files a desktop and systemd look for, the Debian documentation, and the DEB/TGZ
# generators. Paths are relative to the packaging prefix (/usr in the .deb).
find_program(HAI_GZIP gzip REQUIRED)

# Man pages and the changelog are gzipped with -9n: no name or timestamp, so the package is
# reproducible and lintian is content.
set(hai_gzipped)
foreach(source IN ITEMS man/ha-ingestor.1 man/ha-demo-home.1 debian/changelog)
    get_filename_component(name ${source} NAME)
    set(output ${CMAKE_CURRENT_BINARY_DIR}/${name}.gz)
    add_custom_command(OUTPUT ${output}
        COMMAND ${HAI_GZIP} -9n -c ${CMAKE_CURRENT_SOURCE_DIR}/${source} > ${output}
        DEPENDS ${source}
        COMMENT "Compressing ${source}"
        VERBATIM)
    list(APPEND hai_gzipped ${output})
endforeach()
add_custom_target(hai_installer_files ALL DEPENDS ${hai_gzipped})

install(FILES ${HAI_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${HAI_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/ha-ingestor.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
    RENAME ${HAI_APP_ID}.svg)
# systemd's user unit directory is lib/systemd/user on every distribution, never the multiarch
# CMAKE_INSTALL_LIBDIR.
install(FILES ha-ingestor.service DESTINATION lib/systemd/user)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/ha-ingestor.1.gz
    ${CMAKE_CURRENT_BINARY_DIR}/ha-demo-home.1.gz
    DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
# A native Debian package: its changelog is changelog.gz (changelog.Debian.gz is for packages
# of someone else's upstream).
install(FILES ${PROJECT_SOURCE_DIR}/README.md debian/copyright
    ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
    DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/ha-ingestor)

# CPACK_STRIP_FILES strips symbols and debug info; like Debian's dh_strip, also drop the
# compiler's .comment and .note sections.
install(CODE "
    if(CMAKE_INSTALL_DO_STRIP)
        foreach(program ha-ingestor ha-demo-home)
            execute_process(COMMAND \"${CMAKE_STRIP}\" --remove-section=.comment --remove-section=.note
                \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/\${program}\"
                COMMAND_ERROR_IS_FATAL ANY)
        endforeach()
    endif()")

set(CPACK_GENERATOR DEB TGZ)
# 0755 directories, whatever the umask of the machine that builds the package.
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # ha-ingestor_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# Libraries come from the binaries (dpkg-shlibdeps). Qt plugins are loaded at run time, so
# shlibdeps cannot see them: the registry needs the SQLite driver, the window its SVG icons.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
# The setup wizard offers to start a local InfluxDB (influxd from this package).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "influxdb")
# A PostgreSQL registry (--registry-db postgres://…) needs Qt's PostgreSQL driver.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libqt6sql6-psql")
# The extended description; CPack puts CPACK_PACKAGE_DESCRIPTION_SUMMARY (the project's
# DESCRIPTION) above it as the synopsis, indents it and turns the empty line into " .".
string(JOIN "\n" CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "HA Ingestor connects to a Home Assistant instance over its WebSocket API"
    "and keeps its registries (devices, entities, areas, floors, labels and"
    "integrations) in SQLite or PostgreSQL, current to within a second. It"
    "writes every state change to InfluxDB 1.x/2.x or VictoriaMetrics, spooling"
    "to disk while the database is away, delivers HMAC-signed webhooks, and"
    "serves a local REST API with Prometheus metrics."
    ""
    "It runs as a Qt desktop application with a setup wizard, device and"
    "entity browsers, a webhook editor and charts, or headless as a systemd"
    "user service. A built-in demo home lets it run without Home Assistant.")
