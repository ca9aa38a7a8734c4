-module(ed).
-export([vsn/0]).

vsn() -> "2.0".
