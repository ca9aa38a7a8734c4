%% Version 2.0: the state is a map; code_change/3 converts the 1.0 tuple and back.
-module(hotup_server).
-behaviour(gen_server).
-export([start_link/0, add/1, count/0, log/0, describe/0]).
-export([init/1, handle_call/3, handle_cast/2, code_change/3]).

start_link() ->
    gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).

add(N) when is_integer(N) ->
    gen_server:call(?MODULE, {add, N}).

count() ->
    gen_server:call(?MODULE, count).

log() ->
    gen_server:call(?MODULE, log).

%% New in 2.0.
describe() ->
    gen_server:call(?MODULE, describe).

init([]) ->
    {ok, #{count => 0, log => [], total_calls => 0, converted => false}}.

handle_call({add, N}, _From, #{count := Count, log := Log} = S) ->
    {reply, Count + N, called(S#{count := Count + N, log := [N | Log]})};
handle_call(count, _From, #{count := Count} = S) ->
    {reply, Count, called(S)};
handle_call(log, _From, #{log := Log} = S) ->
    {reply, lists:reverse(Log), called(S)};
handle_call(describe, _From, S) ->
    {reply, hotup_fmt:describe(S), called(S)}.

handle_cast(_Msg, State) ->
    {noreply, State}.

%% Upgrade from 1.0: {state, Count, Log} becomes a map.
code_change(_OldVsn, {state, Count, Log}, _Extra) ->
    {ok, #{count => Count, log => Log, total_calls => 0, converted => true}};
%% Downgrade to 1.0: back to the tuple.
code_change({down, _OldVsn}, #{count := Count, log := Log}, _Extra) ->
    {ok, {state, Count, Log}};
code_change(_OldVsn, State, _Extra) ->
    {ok, State}.

called(#{total_calls := N} = S) ->
    S#{total_calls := N + 1}.
