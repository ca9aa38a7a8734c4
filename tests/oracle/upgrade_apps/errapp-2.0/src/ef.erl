-module(ef).
-export([vsn/0]).

vsn() -> "2.0".
