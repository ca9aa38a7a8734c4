%% The shop's gen_server (version 3.0): the state is a map, and the cache is used.
-module(shop_server).
-behaviour(gen_server).
-export([start_link/0, add/2, items/0]).
-export([init/1, handle_call/3, handle_cast/2, code_change/3]).

start_link() ->
    gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).

add(Item, Price) -> gen_server:call(?MODULE, {add, Item, Price}).
items() -> gen_server:call(?MODULE, items).

init([]) -> {ok, #{items => [], prices => #{}}}.

handle_call({add, Item, Price}, _From, #{items := Items, prices := Prices} = S) ->
    shop_cache:put(Item, Price),
    {reply, ok, S#{items := [Item | Items], prices := Prices#{Item => Price}}};
handle_call(items, _From, #{items := Items} = S) ->
    {reply, Items, S}.

handle_cast(_Msg, S) -> {noreply, S}.

%% Up from 2.0 ({state, Items, Prices}) or 1.0.x ({state, Items}); down to 2.0 or 1.0.x.
code_change({down, _Vsn}, #{items := Items, prices := Prices}, {to, "2.0"}) ->
    {ok, {state, Items, Prices}};
code_change({down, _Vsn}, #{items := Items}, {to, "1.0"}) ->
    {ok, {state, Items}};
code_change(_OldVsn, {state, Items, Prices}, {from, "2.0"}) ->
    {ok, #{items => Items, prices => Prices}};
code_change(_OldVsn, {state, Items}, {from, "1.0"}) ->
    {ok, #{items => Items, prices => #{}}};
code_change(_OldVsn, S, _Extra) ->
    {ok, S}.
