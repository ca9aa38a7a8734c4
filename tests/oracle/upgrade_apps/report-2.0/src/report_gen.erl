-module(report_gen).
-export([daily/0]).

daily() -> {report, "2.0"}.
