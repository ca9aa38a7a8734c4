%% Oracle for `relstudio-cli script`: runs the installed OTP's systools:make_script/2.
%%
%% main(["make_script", RelPathWithoutExt, Flags])
%%   Runs systools:make_script(RelPathWithoutExt, [silent | Flags]) with the directory of the .rel
%%   as the current directory (a relative {script_name, N} lands there), where Flags is the text
%%   of an Erlang list, e.g. "[local, {path, [\"/x/lib/*/ebin\"]}]". Prints, in UTF-8,
%%     "ok\n" followed by the formatted warnings (one per line, possibly none), or
%%     "error\n" followed by systools_make:format_error/1 of the error;
%%   and exits with 0 either way. Exits with 2 when make_script crashed.
%%
%% main(["all_otp_rel", RelFile])
%%   Writes RelFile, a .rel of every application of the installed OTP (lib/*/ebin/NAME.app) with
%%   the installed versions, kernel, stdlib and sasl first and the others by name. Applications
%%   systools refuses (and those needing them) are left out, until systools accepts the release;
%%   prints "dropped NAME: REASON" for each, then "ok N" with the number of applications kept.
%%
%% main(["rel_summary", RelFile])
%%   file:consult/1s a .rel and prints "release NAME VSN", "erts VSN" and per application
%%   "app NAME VSN TYPE [INCLUDED,...]" (TYPE "-" when not given, INCLUDED "-" when not given).
-module(script_oracle).
-export([main/1]).

main(Args) ->
    ok = io:setopts([{encoding, unicode}]),
    try run(Args) of
        ok -> halt(0)
    catch
        Class:Reason:Stack ->
            io:format("crash\n~tp:~tp\n~tp\n", [Class, Reason, Stack]),
            halt(2)
    end.

run(["make_script", Rel, FlagsText]) ->
    Flags = parse_term(FlagsText),
    ok = file:set_cwd(filename:dirname(Rel)),
    case systools:make_script(Rel, [silent | Flags]) of
        {ok, Module, Warnings} ->
            io:put_chars(["ok\n", Module:format_warning(Warnings)]);
        {error, Module, Error} ->
            io:put_chars(["error\n", Module:format_error(Error)])
    end,
    ok;
run(["all_otp_rel", RelFile]) ->
    Root = code:root_dir(),
    Apps = [read_app(F) || F <- filelib:wildcard(filename:join(Root, "lib/*/ebin/*.app"))],
    First = [A || Name <- [kernel, stdlib, sasl], {N, _, _} = A <- Apps, N =:= Name],
    Rest = lists:sort([A || {N, _, _} = A <- Apps, not lists:member(N, [kernel, stdlib, sasl])]),
    {Kept, Dropped} = accept(RelFile, First ++ Rest, []),
    [io:format("dropped ~w: ~ts\n", [Name, Why]) || {Name, Why} <- Dropped],
    io:format("ok ~w\n", [length(Kept)]),
    ok;
run(["rel_summary", RelFile]) ->
    {ok, [{release, {Name, Vsn}, {erts, Erts}, Apps}]} = file:consult(RelFile),
    io:format("release ~ts ~ts\nerts ~ts\n", [Name, Vsn, Erts]),
    [io:format("app ~w ~ts ~w ~ts\n", summary(App)) || App <- Apps],
    ok.

summary({App, Vsn}) -> [App, Vsn, '-', "-"];
summary({App, Vsn, Incl}) when is_list(Incl) -> [App, Vsn, '-', incl(Incl)];
summary({App, Vsn, Type}) -> [App, Vsn, Type, "-"];
summary({App, Vsn, Type, Incl}) -> [App, Vsn, Type, incl(Incl)].

incl(Incl) -> ["[", lists:join(",", [atom_to_list(A) || A <- Incl]), "]"].

parse_term(Text) ->
    {ok, Tokens, _} = erl_scan:string(Text ++ "."),
    {ok, Term} = erl_parse:parse_term(Tokens),
    Term.

%% {Name, Vsn, Needs}: Needs are the applications that must be in the release with it.
read_app(File) ->
    {ok, [{application, Name, Props}]} = file:consult(File),
    {vsn, Vsn} = lists:keyfind(vsn, 1, Props),
    Get = fun(Key) -> proplists:get_value(Key, Props, []) end,
    {Name, Vsn, (Get(applications) -- Get(optional_applications)) ++ Get(included_applications)}.

%% Tries the release of Apps; on a refusal drops the applications systools names and retries.
accept(RelFile, Apps, Dropped) ->
    write_rel(RelFile, Apps),
    Base = filename:rootname(RelFile, ".rel"),
    Result = systools:make_script(Base, [silent]),
    [file:delete(Base ++ Ext) || Ext <- [".script", ".boot"]],
    case Result of
        {ok, _, _} ->
            {Apps, lists:reverse(Dropped)};
        {error, Module, Error} ->
            Why = lists:flatten(io_lib:format("~ts", [Module:format_error(Error)])),
            case culprits(Error, Apps) of
                [] ->
                    erlang:error({refused_without_culprit, Why});
                Names ->
                    Gone = closure(Names, Apps),
                    accept(RelFile, [A || {N, _, _} = A <- Apps, not lists:member(N, Gone)],
                           [{N, string:trim(Why)} || N <- Gone] ++ Dropped)
            end
    end.

culprits({undefined_applications, Missing}, Apps) ->
    [N || {N, _, Needs} <- Apps, lists:any(fun(M) -> lists:member(M, Needs) end, Missing)];
culprits({duplicate_modules, Dups}, _) ->
    lists:usort([App2 || {{_, _, _}, {_, App2, _}} <- Dups]);
culprits({duplicate_register, Dups}, _) ->
    lists:usort([App2 || {{_, _, _, _}, {_, App2, _, _}} <- Dups]);
culprits({duplicate_include, Dups}, _) ->
    lists:usort([App2 || {{_, _, _, _}, {_, App2, _, _}} <- Dups]);
culprits({circular_dependencies, Cycle}, _) ->
    lists:usort([N || {N, _} <- Cycle]);
culprits(Errors, _) when is_list(Errors) ->
    lists:usort([Name || {error_reading, {Name, _}} <- Errors] ++
                [Name || {bad_application_name, {Name, _}} <- Errors]);
culprits(_, _) ->
    [].

%% Names plus every application that needs one of them, directly or not.
closure(Names, Apps) ->
    More = [N || {N, _, Needs} <- Apps, not lists:member(N, Names),
                 lists:any(fun(M) -> lists:member(M, Names) end, Needs)],
    case More of
        [] -> lists:sort(Names);
        _ -> closure(Names ++ More, Apps)
    end.

write_rel(File, Apps) ->
    Release = {release, {"otp_all", erlang:system_info(otp_release)},
               {erts, erlang:system_info(version)},
               [{N, V} || {N, V, _} <- Apps]},
    ok = file:write_file(File, unicode:characters_to_binary(
                                   io_lib:format("%% coding: utf-8\n~tp.\n", [Release]))).
