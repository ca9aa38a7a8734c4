-module(shop_ring_b).
-export([pong/1]).

pong(0) -> done;
pong(N) -> shop_ring_a:ping(N - 1).
