%% Top supervisor of shop_metrics; also a child of shop_web_sup when shop_metrics is included.
-module(shop_metrics_sup).
-behaviour(supervisor).

-export([start_link/0]).
-export([init/1]).

start_link() ->
    supervisor:start_link({local, ?MODULE}, ?MODULE, []).

init([]) ->
    Counter = #{id => shop_metrics,
                start => {shop_metrics, start_link, []},
                restart => permanent,
                shutdown => 2000,
                type => worker,
                modules => [shop_metrics]},
    {ok, {#{strategy => one_for_one, intensity => 3, period => 5}, [Counter]}}.
