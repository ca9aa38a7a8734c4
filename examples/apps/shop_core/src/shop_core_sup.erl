%% Top supervisor of shop_core: keeps the cart server alive.
-module(shop_core_sup).
-behaviour(supervisor).

-export([start_link/0]).
-export([init/1]).

start_link() ->
    supervisor:start_link({local, ?MODULE}, ?MODULE, []).

init([]) ->
    Flags = #{strategy => one_for_one, intensity => 5, period => 10},
    Cart = #{id => shop_cart,
             start => {shop_cart, start_link, []},
             restart => permanent,
             shutdown => 5000,
             type => worker,
             modules => [shop_cart]},
    {ok, {Flags, [Cart]}}.
