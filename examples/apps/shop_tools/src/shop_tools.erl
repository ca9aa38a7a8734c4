%% Small helpers used across the shop tools.
-module(shop_tools).

-export([slug/1, timestamp/0]).

%% "Summer Sale 2024!" -> "summer-sale-2024"
slug(Text) ->
    Lower = string:lowercase(unicode:characters_to_list(Text)),
    Words = string:lexemes([case is_alnum(C) of true -> C; false -> $\s end || C <- Lower], " "),
    lists:flatten(lists:join($-, Words)).

timestamp() ->
    calendar:system_time_to_rfc3339(erlang:system_time(second), [{offset, "Z"}]).

is_alnum(C) -> (C >= $a andalso C =< $z) orelse (C >= $0 andalso C =< $9).
