-module(cyc_b).
-export([next/0]).

next() -> cyc_c.
