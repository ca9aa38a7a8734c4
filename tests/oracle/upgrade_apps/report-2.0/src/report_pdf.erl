-module(report_pdf).
-export([render/1]).

render(Report) -> term_to_binary(Report).
