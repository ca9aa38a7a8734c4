%% Accepts requests once opened, checks them against the configured routes and passes them on to
%% shop_web_handler, counting them in shop_metrics.
-module(shop_web_router).
-behaviour(gen_server).

-export([start_link/0, set_routes/1, open/0, request/3]).
-export([init/1, handle_call/3, handle_cast/2]).

start_link() ->
    gen_server:start_link({local, ?MODULE}, ?MODULE, [], []).

set_routes(Routes) ->
    gen_server:call(?MODULE, {set_routes, Routes}).

open() ->
    gen_server:call(?MODULE, open).

%% request(get | post | delete, Path, Body) -> {Status, Body}
request(Method, Path, Body) ->
    case gen_server:call(?MODULE, {route, Method, Path}) of
        ok ->
            shop_metrics:incr(requests),
            shop_web_handler:handle(Method, Path, Body);
        {error, Status} ->
            shop_metrics:incr(errors),
            {Status, <<>>}
    end.

init([]) ->
    {ok, #{routes => [], open => false}}.

handle_call({set_routes, Routes}, _From, State) ->
    {reply, ok, State#{routes := Routes}};
handle_call(open, _From, State) ->
    {reply, ok, State#{open := true}};
handle_call({route, _, _}, _From, #{open := false} = State) ->
    {reply, {error, 503}, State};
handle_call({route, Method, Path}, _From, #{routes := Routes} = State) ->
    case lists:member({Method, Path}, Routes) of
        true -> {reply, ok, State};
        false -> {reply, {error, 404}, State}
    end.

handle_cast(_Message, State) ->
    {noreply, State}.
