# cmake -DMETAINFO=<file.metainfo.xml> -DVERSION=<x.y.z> -P check-metainfo-version.cmake
# Fails unless the first (newest) <release version="..."> in the AppStream file is VERSION.
file(READ "${METAINFO}" metainfo)
if(NOT metainfo MATCHES "<release[ \t\r\n][^>]*version=\"([^\"]+)\"")
    message(FATAL_ERROR "${METAINFO}: no <release version=\"...\"> entry")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL VERSION)
    message(FATAL_ERROR "${METAINFO}: newest release is ${CMAKE_MATCH_1} but the project version is "
                        "${VERSION}: add a <release version=\"${VERSION}\" date=\"...\"> entry at the top "
                        "of <releases>")
endif()
message(STATUS "metainfo release ${CMAKE_MATCH_1} matches the project version")
