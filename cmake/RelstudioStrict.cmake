# One INTERFACE target carries the project's strictness; every Relstudio target links it.
add_library(relstudio_strict INTERFACE)
target_compile_definitions(relstudio_strict INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
target_compile_options(relstudio_strict INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wimplicit-fallthrough -Wformat=2)
if(RELSTUDIO_WERROR)
    target_compile_options(relstudio_strict INTERFACE -Werror)
endif()
if(RELSTUDIO_SANITIZE)
    target_compile_options(relstudio_strict INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    target_link_options(relstudio_strict INTERFACE -fsanitize=address,undefined)
endif()
