%% A module added in 3.0.
-module(shop_new).
-export([hello/0]).

hello() -> shop_fmt:price(100).
