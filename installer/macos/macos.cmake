# SPDX-License-Identifier: GPL-3.0-or-later
# macOS: a drag-and-drop disk image holding HA Ingestor.app. Not built or tested by this
# project's CI; see installer/README.md for what a maintainer on macOS runs.
#
# app/CMakeLists.txt makes ha-ingestor an app bundle installed at the image's root; the Qt
# deploy script (macdeployqt) copies Qt's frameworks and plugins and every other non-system
# library into the bundle, so nobody keeps a list of them. ha-demo-home is not shipped here.
qt_generate_deploy_app_script(TARGET ha-ingestor FILENAME_VARIABLE hai_deploy_script)
install(SCRIPT "${hai_deploy_script}")

set(CPACK_GENERATOR DragNDrop)
set(CPACK_PACKAGE_FILE_NAME "ha-ingestor-${PROJECT_VERSION}-macos")
set(CPACK_DMG_VOLUME_NAME "HA Ingestor")
set(CPACK_DMG_FORMAT UDZO)
