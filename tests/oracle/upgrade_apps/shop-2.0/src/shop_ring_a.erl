%% Two modules that call each other (DepMods in a cycle), version 2.0.
-module(shop_ring_a).
-export([ping/1]).

ping(0) -> done;
ping(N) -> shop_ring_b:pong(N - 1).
