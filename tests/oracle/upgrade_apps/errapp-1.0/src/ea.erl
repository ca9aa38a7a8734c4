-module(ea).
-export([vsn/0]).

vsn() -> "1.0".
