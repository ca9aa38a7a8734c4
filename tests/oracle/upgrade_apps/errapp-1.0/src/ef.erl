-module(ef).
-export([vsn/0]).

vsn() -> "1.0".
