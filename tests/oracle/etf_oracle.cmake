relstudio_add_test(tst_etf_oracle SOURCES tst_etf_oracle.cpp LABELS oracle)
