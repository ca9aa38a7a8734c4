%% Formats the counters as text lines "name value".
-module(shop_metrics_report).

-export([lines/0, text/0]).

lines() ->
    [io_lib:format("~ts ~w", [Name, Value]) || {Name, Value} <- shop_metrics:all()].

text() ->
    unicode:characters_to_binary(lists:join("\n", lines())).
