-module(report_gen).
-export([daily/0]).

daily() -> {report, "1.1"}.
