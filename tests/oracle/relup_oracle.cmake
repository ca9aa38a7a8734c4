# tst_relup_oracle: rs::upgrade::makeRelup against systools:make_relup/4 of the installed OTP, on
# the applications of upgrade_apps/ in several versions (and rs::upgrade::translateScripts against
# systools_rc:translate_scripts/4 on random scripts).
include(${CMAKE_CURRENT_SOURCE_DIR}/upgrade_apps/fixtures.cmake)

relstudio_add_test(tst_relup_oracle SOURCES tst_relup_oracle.cpp LABELS oracle)
add_dependencies(tst_relup_oracle upgrade_fixture_apps)
target_compile_definitions(tst_relup_oracle PRIVATE
    RELSTUDIO_UPGRADE_FIXTURES_LIB="${RELSTUDIO_UPGRADE_FIXTURES_LIB}")
