%% Reports (version 1.0).
-module(report_app).
-behaviour(application).
-export([start/2, stop/1]).

start(_Type, _Args) -> {ok, spawn(fun() -> receive stop -> ok end end)}.
stop(_State) -> ok.
