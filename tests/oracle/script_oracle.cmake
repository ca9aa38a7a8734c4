# tst_script_oracle: `relstudio-cli script` against systools:make_script of the installed OTP, on
# the example applications and on the deliberately broken ones of broken_apps/.
include(${PROJECT_SOURCE_DIR}/examples/erlang_apps.cmake)
relstudio_add_erlang_apps(oracle_broken_apps
    OUTPUT_DIR ${CMAKE_BINARY_DIR}/tests/oracle/broken_lib
    APP_DIRS
        broken_apps/cyc_a
        broken_apps/cyc_b
        broken_apps/cyc_c
        broken_apps/shop_admin
        broken_apps/shop_clone
        broken_apps/shop_core_old
        broken_apps/shop_orphan
        broken_apps/shop_twin)

relstudio_add_test(tst_script_oracle SOURCES tst_script_oracle.cpp LABELS oracle)
add_dependencies(tst_script_oracle example_apps relstudio-cli)
add_dependencies(tst_script_oracle oracle_broken_apps)
target_compile_definitions(tst_script_oracle PRIVATE
    RELSTUDIO_EXAMPLES_LIB_DIR="${CMAKE_BINARY_DIR}/examples/lib"
    RELSTUDIO_BROKEN_LIB_DIR="${CMAKE_BINARY_DIR}/tests/oracle/broken_lib")
