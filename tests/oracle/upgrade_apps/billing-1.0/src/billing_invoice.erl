-module(billing_invoice).
-export([total/1]).

total(Lines) -> lists:sum([Qty * Price || {Qty, Price} <- Lines]).
