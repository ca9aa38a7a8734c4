%% The shopping cart: a registered gen_server holding the items and their quantities.
-module(shop_cart).
-behaviour(gen_server).

-export([start_link/0, add/3, remove/1, items/0, count/0, total/0, clear/0]).
-export([init/1, handle_call/3, handle_cast/2]).

-type item() :: binary().

start_link() ->
    gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).

%% Adds Quantity pieces of Item at UnitPrice (in cents); the price of the first add wins.
-spec add(item(), pos_integer(), non_neg_integer()) -> ok | {error, term()}.
add(Item, Quantity, UnitPrice) when is_integer(Quantity), Quantity > 0,
                                    is_integer(UnitPrice), UnitPrice >= 0 ->
    gen_server:call(?MODULE, {add, Item, Quantity, UnitPrice}).

-spec remove(item()) -> ok.
remove(Item) ->
    gen_server:call(?MODULE, {remove, Item}).

%% [{Item, Quantity, UnitPrice}], sorted by item.
items() ->
    gen_server:call(?MODULE, items).

count() ->
    lists:sum([Q || {_, Q, _} <- items()]).

%% The gross total in cents, taxes included.
total() ->
    shop_price:gross(shop_price:net(items())).

clear() ->
    gen_server:cast(?MODULE, clear).

init([]) ->
    {ok, #{}}.

handle_call({add, Item, Quantity, UnitPrice}, _From, Items) ->
    {Old, Price} = maps:get(Item, Items, {0, UnitPrice}),
    New = Old + Quantity,
    case New =< limit(max_quantity) andalso map_size(Items) < limit(max_items) of
        true -> {reply, ok, Items#{Item => {New, Price}}};
        false -> {reply, {error, {limit_reached, Item}}, Items}
    end;
handle_call({remove, Item}, _From, Items) ->
    {reply, ok, maps:remove(Item, Items)};
handle_call(items, _From, Items) ->
    {reply, lists:sort([{I, Q, P} || {I, {Q, P}} <- maps:to_list(Items)]), Items}.

handle_cast(clear, _Items) ->
    {noreply, #{}}.

limit(Key) ->
    maps:get(Key, application:get_env(shop_core, limits, #{}), 1000).
