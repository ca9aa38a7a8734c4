-module(cyc_a).
-export([next/0]).

next() -> cyc_b.
