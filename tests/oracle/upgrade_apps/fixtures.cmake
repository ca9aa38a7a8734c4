# The applications of the relup oracle, in several versions: each directory NAME-VSN here holds
# ebin/NAME.app (and usually ebin/NAME.appup) and the sources src/*.erl. The target
# upgrade_fixture_apps compiles the sources with erlc into
# ${CMAKE_BINARY_DIR}/upgrade_fixtures/lib/NAME-VSN/ebin and copies the ebin files next to them.
# Directories without src/ (stand-ins for older OTP applications) get their ebin files only.
include_guard(GLOBAL)

find_program(RELSTUDIO_ERLC erlc REQUIRED)

set(RELSTUDIO_UPGRADE_FIXTURES_LIB "${CMAKE_BINARY_DIR}/upgrade_fixtures/lib")

function(_relstudio_upgrade_fixture_apps)
    set(root "${CMAKE_CURRENT_FUNCTION_LIST_DIR}")
    file(GLOB app_dirs LIST_DIRECTORIES true CONFIGURE_DEPENDS "${root}/*-*")
    set(all_outputs)
    foreach(dir IN LISTS app_dirs)
        if(NOT IS_DIRECTORY "${dir}")
            continue()
        endif()
        get_filename_component(app_vsn "${dir}" NAME)
        set(ebin "${RELSTUDIO_UPGRADE_FIXTURES_LIB}/${app_vsn}/ebin")
        file(GLOB ebin_files CONFIGURE_DEPENDS "${dir}/ebin/*")
        file(GLOB sources CONFIGURE_DEPENDS "${dir}/src/*.erl")
        set(outputs)
        set(commands COMMAND ${CMAKE_COMMAND} -E make_directory "${ebin}")
        foreach(file IN LISTS ebin_files)
            get_filename_component(name "${file}" NAME)
            list(APPEND outputs "${ebin}/${name}")
        endforeach()
        if(ebin_files)
            list(APPEND commands COMMAND ${CMAKE_COMMAND} -E copy ${ebin_files} "${ebin}/")
        endif()
        foreach(source IN LISTS sources)
            get_filename_component(module "${source}" NAME_WE)
            list(APPEND outputs "${ebin}/${module}.beam")
        endforeach()
        if(sources)
            # +deterministic: the .beam files do not depend on the build directory.
            list(APPEND commands COMMAND ${RELSTUDIO_ERLC} +deterministic -o "${ebin}" ${sources})
        endif()
        add_custom_command(OUTPUT ${outputs}
            ${commands}
            DEPENDS ${sources} ${ebin_files}
            COMMENT "Building the relup fixture ${app_vsn}"
            VERBATIM)
        list(APPEND all_outputs ${outputs})
    endforeach()
    add_custom_target(upgrade_fixture_apps DEPENDS ${all_outputs})
endfunction()

_relstudio_upgrade_fixture_apps()
