%% New in 2.0: what hotup_server:describe/0 answers.
-module(hotup_fmt).
-export([describe/1]).

describe(#{count := Count, log := Log, converted := Converted}) ->
    {hotup, "2.0", Count, lists:reverse(Log), Converted}.
