%% RFC 4180 CSV encoding.
-module(shop_tools_csv).

-export([encode/1, field/1]).

%% Rows of fields (strings or binaries) to one binary with CRLF line ends.
encode(Rows) ->
    iolist_to_binary([[lists:join($,, [field(F) || F <- Row]), "\r\n"] || Row <- Rows]).

field(F) when is_binary(F) -> field(unicode:characters_to_list(F));
field(F) ->
    case lists:any(fun(C) -> lists:member(C, ",\"\r\n") end, F) of
        true -> [$", string:replace(F, "\"", "\"\"", all), $"];
        false -> F
    end.
