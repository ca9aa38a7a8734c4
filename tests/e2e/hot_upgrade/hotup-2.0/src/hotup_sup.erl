-module(hotup_sup).
-behaviour(supervisor).
-export([start_link/0, init/1]).

start_link() ->
    supervisor:start_link({local, ?MODULE}, ?MODULE, []).

init([]) ->
    Server = #{id => hotup_server,
               start => {hotup_server, start_link, []},
               modules => [hotup_server]},
    {ok, {#{strategy => one_for_one, intensity => 1, period => 5}, [Server]}}.
