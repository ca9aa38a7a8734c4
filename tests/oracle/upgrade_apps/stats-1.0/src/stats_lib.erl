-module(stats_lib).
-export([mean/1]).

mean([]) -> undefined;
mean(Xs) -> lists:sum(Xs) / length(Xs).
