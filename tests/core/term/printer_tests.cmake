relstudio_add_test(tst_writer SOURCES tst_writer.cpp)
relstudio_add_test(tst_pretty SOURCES tst_pretty.cpp)
