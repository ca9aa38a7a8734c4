%% The shop's gen_server (version 1.0.0): the state is {state, Items}.
-module(shop_server).
-behaviour(gen_server).
-export([start_link/0, add/1, items/0]).
-export([init/1, handle_call/3, handle_cast/2, code_change/3]).

-record(state, {items = [] :: [term()]}).

start_link() ->
    gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).

add(Item) -> gen_server:call(?MODULE, {add, Item}).
items() -> gen_server:call(?MODULE, items).

init([]) -> {ok, #state{}}.

handle_call({add, Item}, _From, #state{items = Items} = S) ->
    {reply, ok, S#state{items = [Item | Items]}};
handle_call(items, _From, #state{items = Items} = S) ->
    {reply, Items, S}.

handle_cast(_Msg, S) -> {noreply, S}.

code_change(_OldVsn, S, _Extra) -> {ok, S}.
