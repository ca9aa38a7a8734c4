%% Named counters in an ETS table owned by this registered server; updates go straight to ETS.
-module(shop_metrics).
-behaviour(gen_server).

-export([start_link/0, incr/1, incr/2, value/1, all/0]).
-export([init/1, handle_call/3, handle_cast/2]).

-define(TABLE, shop_metrics_counters).

start_link() ->
    gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).

incr(Name) ->
    incr(Name, 1).

incr(Name, By) when is_atom(Name), is_integer(By) ->
    ets:update_counter(?TABLE, Name, By, {Name, 0}),
    ok.

value(Name) ->
    case ets:lookup(?TABLE, Name) of
        [{Name, Value}] -> Value;
        [] -> 0
    end.

%% [{Name, Value}] sorted by name.
all() ->
    lists:sort(ets:tab2list(?TABLE)).

init([]) ->
    ?TABLE = ets:new(?TABLE, [named_table, public, set, {write_concurrency, true}]),
    {ok, #{}}.

handle_call(_Request, _From, State) ->
    {reply, {error, unknown_request}, State}.

handle_cast(_Message, State) ->
    {noreply, State}.
