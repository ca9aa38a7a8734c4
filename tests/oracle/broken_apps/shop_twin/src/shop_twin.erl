-module(shop_twin).
-export([start_link/0, loop/0]).

start_link() ->
    Pid = spawn_link(?MODULE, loop, []),
    true = register(shop_cart, Pid),
    {ok, Pid}.

loop() ->
    receive stop -> ok end.
