%% The top supervisor of the shop (version 1.0.1): one worker.
-module(shop_sup).
-behaviour(supervisor).
-export([start_link/0, init/1]).

start_link() ->
    supervisor:start_link({local, ?MODULE}, ?MODULE, []).

init([]) ->
    Server = #{id => shop_server, start => {shop_server, start_link, []}},
    {ok, {#{strategy => one_for_one, intensity => 5, period => 10}, [Server]}}.
