%% The shop application (version 3.0).
-module(shop_app).
-behaviour(application).
-export([start/2, stop/1]).

start(_Type, _Args) ->
    shop_sup:start_link().

stop(_State) ->
    ok.
