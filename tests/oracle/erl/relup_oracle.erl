%% Oracle for Relstudio's relup generator: runs the installed OTP's systools.
%%
%% main(["make_relup", TopRel, UpFrom, DownTo, Options])
%%   Runs systools:make_relup(TopRel, UpFrom, DownTo, [silent | Options]), where UpFrom, DownTo
%%   and Options are the text of Erlang terms, e.g. "[\"/t/rels/v1\", {\"/t/rels/v2\", \"why\"}]"
%%   and "[{path, [\"/t/lib/*/ebin\"]}, {outdir, \"/t/erl\"}]". Prints, in UTF-8,
%%     "ok\n" followed by one line per warning: "warning " and the warning term (~0tp), or
%%     "error\n" followed by Module:format_error/1 of the error, or
%%     "error\ncrash " and the exception when systools crashed (it refused, without a message);
%%   and exits with 0 in all three cases.
%%
%% main(["translate", CasesFile, ResultsFile])
%%   CasesFile holds terms {Id, Mode, Scripts, Appls, PreAppls} with Mode up | dn and Appls,
%%   PreAppls lists of {Name, Vsn, Type, Modules}. Runs systools_rc:translate_scripts/4 on each
%%   and writes {Id, {ok, LowLevelScript}} or {Id, error} to ResultsFile, one term per case.
-module(relup_oracle).
-export([main/1]).

-include_lib("sasl/src/systools.hrl").

main(Args) ->
    ok = io:setopts([{encoding, unicode}]),
    try run(Args) of
        ok -> halt(0)
    catch
        Class:Reason:Stack ->
            io:format("oracle crash\n~tp:~tp\n~tp\n", [Class, Reason, Stack]),
            halt(2)
    end.

run(["make_relup", Top, UpText, DownText, OptionsText]) ->
    Up = parse_term(UpText),
    Down = parse_term(DownText),
    Options = parse_term(OptionsText),
    try systools:make_relup(Top, Up, Down, [silent | Options]) of
        {ok, _Relup, _Module, Warnings} ->
            io:put_chars("ok\n"),
            [io:format("warning ~0tp\n", [W]) || W <- Warnings],
            ok;
        {error, Module, Error} ->
            Text = try Module:format_error(Error)
                   catch _:_ -> io_lib:format("~tp (format_error/1 crashed)\n", [Error])
                   end,
            io:put_chars(["error\n", Text]),
            ok;
        Other ->
            io:format("error\n~tp\n", [Other]),
            ok
    catch
        Class:Reason ->
            io:format("error\ncrash ~0tp:~0tp\n", [Class, Reason]),
            ok
    end;
run(["translate", CasesFile, ResultsFile]) ->
    {ok, Cases} = file:consult(CasesFile),
    Results = [{Id, translate(Mode, Scripts, Appls, PreAppls)} || {Id, Mode, Scripts, Appls, PreAppls} <- Cases],
    {ok, Fd} = file:open(ResultsFile, [write, {encoding, utf8}]),
    [io:format(Fd, "~tp.~n", [R]) || R <- Results],
    ok = file:close(Fd).

translate(Mode, Scripts, Appls, PreAppls) ->
    try systools_rc:translate_scripts(Mode, Scripts, records(Appls), records(PreAppls)) of
        {ok, Script} -> {ok, Script};
        _ -> error
    catch
        _:_ -> error
    end.

records(Apps) ->
    [#application{name = Name, vsn = Vsn, type = Type, modules = Mods} || {Name, Vsn, Type, Mods} <- Apps].

parse_term(Text) ->
    {ok, Tokens, _} = erl_scan:string(Text ++ "."),
    {ok, Term} = erl_parse:parse_term(Tokens),
    Term.
