%% Formatting of amounts and tables for reports.
-module(shop_tools_fmt).

-export([cents/1, table/1]).

cents(Cents) when Cents < 0 -> [$- | cents(-Cents)];
cents(Cents) -> lists:flatten(io_lib:format("~w.~2..0w", [Cents div 100, Cents rem 100])).

%% Left-aligned columns separated by a space, each as wide as its widest cell.
table(Rows) ->
    Widths = lists:foldl(fun(Row, Ws) -> widen(Row, Ws) end, [], Rows),
    [[lists:join($\s, [string:pad(Cell, W) || {Cell, W} <- lists:zip(Row, lists:sublist(Widths, length(Row)))]),
      $\n]
     || Row <- Rows].

widen([], Ws) -> Ws;
widen([Cell | Cells], []) -> [string:length(Cell) | widen(Cells, [])];
widen([Cell | Cells], [W | Ws]) -> [max(W, string:length(Cell)) | widen(Cells, Ws)].
