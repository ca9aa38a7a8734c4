# tst_beam_oracle: core/beam against beam_lib on every .beam of the installed OTP, a few tricky
# modules compiled by the oracle and stripped (gzip-compressed) copies.
relstudio_add_test(tst_beam_oracle SOURCES tst_beam_oracle.cpp LABELS oracle TIMEOUT 120)
