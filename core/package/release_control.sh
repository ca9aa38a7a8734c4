#!/bin/sh
# Controls the Erlang release @REL_NAME@. Written by Relstudio.
#
#   bin/@REL_NAME@ foreground          run the release in this terminal (Ctrl-C twice stops it)
#   bin/@REL_NAME@ console             the same with an Erlang shell
#   bin/@REL_NAME@ daemon              run it in the background
#   bin/@REL_NAME@ stop                stop the running release
#   bin/@REL_NAME@ ping                is it running?
#   bin/@REL_NAME@ remote              a shell on the running release
#   bin/@REL_NAME@ eval 'EXPR'         evaluate an Erlang expression in the running release
#   bin/@REL_NAME@ version             the release name and its current version
#   bin/@REL_NAME@ upgrade VSN         hot upgrade to releases/@REL_NAME@-VSN.tar.gz (release_handler)
set -eu

SCRIPT_DIR=$(cd "$(dirname "$0")" && pwd -P)
RELEASE_ROOT=$(dirname "$SCRIPT_DIR")
REL_NAME="@REL_NAME@"

# releases/start_erl.data names the ERTS and the release version in use ("ERTS_VSN REL_VSN").
# release_handler (make_permanent) writes it without a final newline, on which `read` fails
# although it has set the variables: check them instead.
ERTS_VSN=
REL_VSN=
read -r ERTS_VSN REL_VSN < "$RELEASE_ROOT/releases/start_erl.data" || true
if [ -z "$ERTS_VSN" ] || [ -z "$REL_VSN" ]; then
    echo "$REL_NAME: cannot read the ERTS and release versions from releases/start_erl.data" >&2
    exit 1
fi
REL_DIR="$RELEASE_ROOT/releases/$REL_VSN"

# The release's own ERTS when it has one, otherwise the ERTS of the OTP it was assembled with.
if [ -x "$RELEASE_ROOT/erts-$ERTS_VSN/bin/erlexec" ]; then
    BINDIR="$RELEASE_ROOT/erts-$ERTS_VSN/bin"
else
    BINDIR="@FALLBACK_ERTS_BIN@"
fi
if [ ! -x "$BINDIR/erlexec" ]; then
    echo "$REL_NAME: no ERTS $ERTS_VSN: neither $RELEASE_ROOT/erts-$ERTS_VSN nor $BINDIR" >&2
    exit 1
fi
ROOTDIR="$RELEASE_ROOT"
EMU=beam
PROGNAME=erl
export ROOTDIR BINDIR EMU PROGNAME

VM_ARGS="$REL_DIR/vm.args"
# -name/-sname and -setcookie from vm.args: how to reach the running node.
vm_arg() {
    [ -f "$VM_ARGS" ] || return 0
    sed -n "s/^[[:space:]]*$1[[:space:]]\{1,\}\([^[:space:]]*\).*/\1/p" "$VM_ARGS" | head -n 1
}
NODE_NAME=$(vm_arg -name)
NAME_FLAG=-name
if [ -z "$NODE_NAME" ]; then
    NODE_NAME=$(vm_arg -sname)
    NAME_FLAG=-sname
fi
COOKIE=$(vm_arg -setcookie)

start_release() {
    set -- -boot "$REL_DIR/start" -boot_var RELEASE_LIB "$RELEASE_ROOT/lib" "$@"
    [ -f "$REL_DIR/sys.config" ] && set -- "$@" -config "$REL_DIR/sys"
    [ -f "$VM_ARGS" ] && set -- "$@" -args_file "$VM_ARGS"
    exec "$BINDIR/erlexec" "$@"
}

require_node() {
    if [ -z "$NODE_NAME" ]; then
        echo "$REL_NAME: vm.args has no -name or -sname, so the running release cannot be reached" >&2
        exit 1
    fi
}

# Runs Erlang code in a short-lived hidden node that talks to the release's node.
control() {
    require_node
    node=$NODE_NAME
    case "$node" in *@*) ;; *) node="$node@$(hostname -s)" ;; esac
    ctl_name="${REL_NAME}_ctl_$$"
    case "$NAME_FLAG" in -name) ctl_name="$ctl_name@127.0.0.1" ;; esac
    set -- -boot "$SCRIPT_DIR/start_clean" -noshell -hidden "$NAME_FLAG" "$ctl_name" \
        ${COOKIE:+-setcookie "$COOKIE"} -eval "
        Node = '$node',
        case net_adm:ping(Node) of
            pong -> ok;
            pang -> io:format(standard_error, \"$REL_NAME: ~s is not running~n\", [Node]), halt(1)
        end,
        Result = $1,
        halt(Result)." -extra "${2:-}"
    "$BINDIR/erlexec" "$@"
}

EVAL_REMOTE='
    begin
        [Expr] = init:get_plain_arguments(),
        {ok, Tokens, _} = erl_scan:string(Expr ++ "."),
        {ok, Exprs} = erl_parse:parse_exprs(Tokens),
        case rpc:call(Node, erl_eval, exprs, [Exprs, []]) of
            {value, Value, _} -> io:format("~tp~n", [Value]), 0;
            {badrpc, Reason} -> io:format(standard_error, "~tp~n", [Reason]), 1
        end
    end'

case "${1:-}" in
    foreground)
        shift
        start_release -noshell -noinput "$@"
        ;;
    console)
        shift
        start_release "$@"
        ;;
    daemon)
        shift
        start_release -detached -noinput "$@"
        ;;
    stop)
        control 'begin ok = rpc:call(Node, init, stop, []), 0 end'
        ;;
    ping)
        control 'begin io:format("pong~n"), 0 end'
        ;;
    remote)
        require_node
        exec "$BINDIR/erlexec" -boot "$SCRIPT_DIR/start_clean" -hidden "$NAME_FLAG" "${REL_NAME}_remsh_$$" \
            ${COOKIE:+-setcookie "$COOKIE"} -remsh "$NODE_NAME"
        ;;
    eval)
        [ $# -eq 2 ] || { echo "usage: $0 eval 'EXPR'" >&2; exit 2; }
        control "$EVAL_REMOTE" "$2"
        ;;
    version)
        echo "$REL_NAME $REL_VSN"
        ;;
    upgrade)
        [ $# -eq 2 ] || { echo "usage: $0 upgrade VSN" >&2; exit 2; }
        if [ ! -f "$RELEASE_ROOT/releases/$REL_NAME-$2.tar.gz" ]; then
            echo "$REL_NAME: put the release tarball at releases/$REL_NAME-$2.tar.gz first" >&2
            exit 1
        fi
        control '
        begin
            [Vsn] = init:get_plain_arguments(),
            Steps = [fun() -> rpc:call(Node, release_handler, unpack_release, ["'"$REL_NAME"'-" ++ Vsn]) end,
                     fun() -> rpc:call(Node, release_handler, install_release, [Vsn]) end,
                     fun() -> rpc:call(Node, release_handler, make_permanent, [Vsn]) end],
            Run = fun Run([]) -> 0;
                      Run([Step | More]) ->
                          case Step() of
                              ok -> Run(More);
                              {ok, _} -> Run(More);
                              {ok, _, _} -> Run(More);
                              Error -> io:format(standard_error, "upgrade failed: ~tp~n", [Error]), 1
                          end
                  end,
            Run(Steps)
        end' "$2"
        ;;
    *)
        sed -n '2,13s/^# \{0,1\}//p' "$0" >&2
        exit 2
        ;;
esac
