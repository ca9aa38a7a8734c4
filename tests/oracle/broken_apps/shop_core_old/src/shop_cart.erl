%% The cart of shop_core 0.9.0: a sorted list in a plain registered process.
-module(shop_cart).
-export([start_link/0, add/3, items/0]).

start_link() ->
    Pid = spawn_link(fun() -> loop([]) end),
    true = register(?MODULE, Pid),
    {ok, Pid}.

add(Item, Quantity, Price) ->
    ?MODULE ! {add, {Item, Quantity, Price}},
    ok.

items() ->
    ?MODULE ! {items, self()},
    receive {?MODULE, Items} -> Items end.

loop(Items) ->
    receive
        {add, Item} -> loop([Item | Items]);
        {items, From} -> From ! {?MODULE, lists:sort(Items)}, loop(Items)
    end.
