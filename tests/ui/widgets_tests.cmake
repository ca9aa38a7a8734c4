relstudio_add_test(tst_widgets SOURCES tst_widgets.cpp LIBS relstudio_ui LABELS gui)
