%% A module the shop drops in 3.0 (version 2.0).
-module(shop_old).
-export([legacy/0]).

legacy() -> ok.
