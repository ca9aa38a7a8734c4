-module(shop_orphan).
-export([hello/0]).

hello() -> shop_ghost_dep:hello().
