# SPDX-License-Identifier: GPL-3.0-or-later
# Windows: an NSIS installer and a ZIP. Not built or tested by this project's CI; see
# installer/README.md for what a maintainer on Windows runs.
#
# Qt's DLLs and plugins (platform, SQL drivers, SVG, TLS) are gathered by windeployqt through
# qt_generate_deploy_app_script, so nobody keeps a list of them. ha-demo-home.exe sits in the
# same bin folder and uses a subset of the same Qt DLLs.
qt_generate_deploy_app_script(TARGET ha-ingestor FILENAME_VARIABLE hai_deploy_script)
install(SCRIPT "${hai_deploy_script}")

# windeployqt copies Qt only. The few other DLLs (zlib, simdjson, qtkeychain, the compiler
# runtime) are found by walking the installed executables' imports; the system's are skipped.
install(CODE "
    file(GET_RUNTIME_DEPENDENCIES
        EXECUTABLES \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/ha-ingestor.exe\"
                    \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/ha-demo-home.exe\"
        RESOLVED_DEPENDENCIES_VAR hai_dlls
        PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\" \"^[Qq]t6\"
        POST_EXCLUDE_REGEXES \".*[/\\\\\\\\][Ss]ystem32[/\\\\\\\\].*\")
    file(INSTALL \${hai_dlls} DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}\")
")

set(CPACK_GENERATOR NSIS ZIP)
set(CPACK_PACKAGE_FILE_NAME "ha-ingestor-${PROJECT_VERSION}-win64")
set(CPACK_PACKAGE_EXECUTABLES ha-ingestor "HA Ingestor") # the Start menu entry
set(CPACK_NSIS_DISPLAY_NAME "HA Ingestor ${PROJECT_VERSION}")
set(CPACK_NSIS_PACKAGE_NAME "HA Ingestor")
set(CPACK_NSIS_INSTALLED_ICON_NAME "${CMAKE_INSTALL_BINDIR}/ha-ingestor.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_HELP_LINK "${PROJECT_HOMEPAGE_URL}/issues")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
# An upgrade replaces the old version instead of installing next to it. The user's data
# (%LOCALAPPDATA%\ha-ingestor) is never part of the installation, so uninstalling keeps it.
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
