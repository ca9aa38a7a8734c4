# The inspector view: a tarball built by relstudio-cli, opened, browsed, filtered and extracted.
relstudio_add_test(tst_inspector SOURCES tst_inspector.cpp LIBS relstudio_ui LABELS gui)
target_compile_definitions(tst_inspector PRIVATE
    RELSTUDIO_EXAMPLES_LIB_DIR="${CMAKE_BINARY_DIR}/examples/lib")
add_dependencies(tst_inspector relstudio-cli example_apps)
