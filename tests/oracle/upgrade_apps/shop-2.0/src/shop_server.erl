%% The shop's gen_server (version 2.0): the state gains prices, {state, Items, Prices}.
-module(shop_server).
-behaviour(gen_server).
-export([start_link/0, add/2, items/0]).
-export([init/1, handle_call/3, handle_cast/2, code_change/3]).

-record(state, {items = [] :: [term()], prices = #{} :: map()}).

start_link() ->
    gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).

add(Item, Price) -> gen_server:call(?MODULE, {add, Item, Price}).
items() -> gen_server:call(?MODULE, items).

init([]) -> {ok, #state{}}.

handle_call({add, Item, Price}, _From, #state{items = Items, prices = Prices} = S) ->
    {reply, ok, S#state{items = [Item | Items], prices = Prices#{Item => Price}}};
handle_call(items, _From, #state{items = Items} = S) ->
    {reply, Items, S}.

handle_cast(_Msg, S) -> {noreply, S}.

%% Up from 1.0.x: {state, Items} -> {state, Items, #{}}. Down: drop the prices.
code_change({down, _Vsn}, {state, Items, _Prices}, from_1_0) ->
    {ok, {state, Items}};
code_change(_OldVsn, {state, Items}, from_1_0) ->
    {ok, #state{items = Items}};
code_change(_OldVsn, S, _Extra) ->
    {ok, S}.
