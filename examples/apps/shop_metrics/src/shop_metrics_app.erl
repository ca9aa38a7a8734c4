%% Application callback of shop_metrics. When shop_metrics is included in shop_web, start/2 is not
%% called (shop_web_sup starts shop_metrics_sup) but start_phase/3 is, by application_starter.
-module(shop_metrics_app).
-behaviour(application).

-export([start/2, start_phase/3, stop/1]).

start(_Type, _Args) ->
    shop_metrics_sup:start_link().

%% The last phase: every counter exists, so readers never see a missing key.
start_phase(go, _Type, []) ->
    {ok, Names} = application:get_env(shop_metrics, counters),
    lists:foreach(fun(Name) -> shop_metrics:incr(Name, 0) end, Names),
    shop_metrics:incr(starts).

stop(_State) ->
    ok.
