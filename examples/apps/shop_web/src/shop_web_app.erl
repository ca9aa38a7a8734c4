%% Application callback of shop_web, called through application_starter: start/2 first, then the
%% phases init and go in order, each also for the included shop_metrics.
-module(shop_web_app).
-behaviour(application).

-export([start/2, start_phase/3, stop/1]).

start(_Type, _Args) ->
    shop_web_sup:start_link().

start_phase(init, _Type, []) ->
    {ok, Routes} = application:get_env(shop_web, routes),
    shop_web_router:set_routes(Routes);
start_phase(go, _Type, []) ->
    shop_web_router:open().

stop(_State) ->
    ok.
