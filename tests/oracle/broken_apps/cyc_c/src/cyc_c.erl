-module(cyc_c).
-export([next/0]).

next() -> cyc_a.
