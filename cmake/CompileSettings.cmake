# The one place for compile settings: every target links hai_compile_settings.
add_library(hai_compile_settings INTERFACE)
target_compile_features(hai_compile_settings INTERFACE cxx_std_17)
target_compile_definitions(hai_compile_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    HAI_VERSION="${PROJECT_VERSION}")
target_compile_options(hai_compile_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
    -Wno-missing-field-initializers)
if(HAI_SANITIZE)
    target_compile_options(hai_compile_settings INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(hai_compile_settings INTERFACE -fsanitize=address,undefined)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${CCACHE_PROGRAM}" CACHE STRING "")
endif()
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
