%% Application callback of shop_core: starts the top supervisor.
-module(shop_core_app).
-behaviour(application).

-export([start/2, stop/1]).

start(_Type, _Args) ->
    shop_core_sup:start_link().

stop(_State) ->
    ok.
