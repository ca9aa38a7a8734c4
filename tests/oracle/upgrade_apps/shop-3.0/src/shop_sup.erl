%% The top supervisor of the shop (version 3.0): the child specs change, a cache process joins
%% the server ({update, shop_sup, supervisor} in the .appup).
-module(shop_sup).
-behaviour(supervisor).
-export([start_link/0, init/1]).

start_link() ->
    supervisor:start_link({local, ?MODULE}, ?MODULE, []).

init([]) ->
    Cache = #{id => shop_cache, start => {shop_cache, start_link, []}},
    Server = #{id => shop_server, start => {shop_server, start_link, []}, shutdown => 10000},
    {ok, {#{strategy => rest_for_one, intensity => 10, period => 60}, [Cache, Server]}}.
