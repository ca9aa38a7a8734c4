%% Version 1.0: the state is {state, Count, Log}.
-module(hotup_server).
-behaviour(gen_server).
-export([start_link/0, add/1, count/0, log/0]).
-export([init/1, handle_call/3, handle_cast/2, code_change/3]).

start_link() ->
    gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).

add(N) when is_integer(N) ->
    gen_server:call(?MODULE, {add, N}).

count() ->
    gen_server:call(?MODULE, count).

log() ->
    gen_server:call(?MODULE, log).

init([]) ->
    {ok, {state, 0, []}}.

handle_call({add, N}, _From, {state, Count, Log}) ->
    {reply, Count + N, {state, Count + N, [N | Log]}};
handle_call(count, _From, {state, Count, _} = State) ->
    {reply, Count, State};
handle_call(log, _From, {state, _, Log} = State) ->
    {reply, lists:reverse(Log), State}.

handle_cast(_Msg, State) ->
    {noreply, State}.

code_change(_OldVsn, State, _Extra) ->
    {ok, State}.
