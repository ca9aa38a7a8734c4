%% Storage of the shop (version 1.0.1).
-module(shop_db).
-export([read/1, write/2]).

read(Key) -> persistent_term:get({?MODULE, Key}, undefined).
write(Key, Value) -> persistent_term:put({?MODULE, Key}, Value).
