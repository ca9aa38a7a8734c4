-module(ei).
-export([vsn/0]).

vsn() -> "2.0".
