%% Top supervisor of shop_web. It also supervises the top supervisor of the included application
%% shop_metrics, which therefore runs under shop_web's application master.
-module(shop_web_sup).
-behaviour(supervisor).

-export([start_link/0]).
-export([init/1]).

start_link() ->
    supervisor:start_link({local, ?MODULE}, ?MODULE, []).

init([]) ->
    Metrics = #{id => shop_metrics_sup,
                start => {shop_metrics_sup, start_link, []},
                restart => permanent,
                shutdown => infinity,
                type => supervisor,
                modules => [shop_metrics_sup]},
    Router = #{id => shop_web_router,
               start => {shop_web_router, start_link, []},
               restart => permanent,
               shutdown => 5000,
               type => worker,
               modules => [shop_web_router]},
    {ok, {#{strategy => rest_for_one, intensity => 5, period => 10}, [Metrics, Router]}}.
