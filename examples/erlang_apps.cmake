# relstudio_add_erlang_apps(TARGET [ALL] OUTPUT_DIR LIBDIR APP_DIRS dir...)
#
# Builds OTP applications as a release tool finds them: each APP_DIR holds one hand-written
# NAME.app and the sources src/*.erl; the modules are compiled with erlc into
# LIBDIR/NAME-VSN/ebin/ and the .app is copied next to them. NAME and VSN are read from the .app.
# The custom target TARGET builds all of them.
include_guard(GLOBAL)

find_program(RELSTUDIO_ERLC erlc REQUIRED)

function(relstudio_add_erlang_apps target)
    cmake_parse_arguments(A "ALL" "OUTPUT_DIR" "APP_DIRS" ${ARGN})
    if(NOT A_OUTPUT_DIR OR NOT A_APP_DIRS)
        message(FATAL_ERROR "relstudio_add_erlang_apps: OUTPUT_DIR and APP_DIRS are required")
    endif()
    set(all_outputs)
    foreach(dir IN LISTS A_APP_DIRS)
        get_filename_component(dir "${dir}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
        file(GLOB app_file CONFIGURE_DEPENDS "${dir}/*.app")
        list(LENGTH app_file count)
        if(NOT count EQUAL 1)
            message(FATAL_ERROR "${dir} must hold exactly one .app file")
        endif()
        file(READ "${app_file}" app_text)
        if(NOT app_text MATCHES "{application,[ \t\r\n]*([a-z][a-zA-Z0-9_@]*)")
            message(FATAL_ERROR "${app_file}: no {application, Name, ...}")
        endif()
        set(name "${CMAKE_MATCH_1}")
        if(NOT app_text MATCHES "{vsn,[ \t\r\n]*\"([^\"]*)\"")
            message(FATAL_ERROR "${app_file}: no {vsn, \"...\"}")
        endif()
        set(ebin "${A_OUTPUT_DIR}/${name}-${CMAKE_MATCH_1}/ebin")

        file(GLOB sources CONFIGURE_DEPENDS "${dir}/src/*.erl")
        set(outputs "${ebin}/${name}.app")
        foreach(source IN LISTS sources)
            get_filename_component(module "${source}" NAME_WE)
            list(APPEND outputs "${ebin}/${module}.beam")
        endforeach()
        # +deterministic: the .beam files do not depend on the build directory.
        add_custom_command(OUTPUT ${outputs}
            COMMAND ${CMAKE_COMMAND} -E make_directory "${ebin}"
            COMMAND ${RELSTUDIO_ERLC} +deterministic +debug_info -o "${ebin}" ${sources}
            COMMAND ${CMAKE_COMMAND} -E copy "${app_file}" "${ebin}/${name}.app"
            DEPENDS ${sources} "${app_file}"
            COMMENT "Compiling the Erlang application ${name} into ${ebin}"
            VERBATIM)
        list(APPEND all_outputs ${outputs})
    endforeach()
    if(A_ALL)
        add_custom_target(${target} ALL DEPENDS ${all_outputs})
    else()
        add_custom_target(${target} DEPENDS ${all_outputs})
    endif()
endfunction()
