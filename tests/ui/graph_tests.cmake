# The dependency graph view, on the example release resolved against the example applications.
relstudio_add_test(tst_dependency_graph SOURCES tst_dependency_graph.cpp LIBS relstudio_ui LABELS gui)
target_compile_definitions(tst_dependency_graph PRIVATE
    RELSTUDIO_EXAMPLES_LIB_DIR="${CMAKE_BINARY_DIR}/examples/lib")
add_dependencies(tst_dependency_graph example_apps)
