# shellcheck shell=bash disable=SC2154 # $cli and $otp_root are the caller's
# Sourced by bench_diff.sh and bench_gui.sh: two release tarballs to compare.
#
# release_pair WORK [TAR_OPTION...] writes WORK/old.tar.gz and WORK/new.tar.gz, releases of every
# installed OTP application (allotp 1.0 and 1.1) that differ in three applications:
#   - stdlib: a module changed (queue gains bench_marker/0) and the version bumped;
#   - inets: only the version bumped;
#   - crypto: a module added (crypto_bench_added) and the version bumped.
# TAR_OPTIONs (e.g. --include-erts) go to both `relstudio-cli tar` calls. Needs $cli (relstudio-cli)
# and $otp_root (code:root_dir()); uses WORK/lib and WORK/src.
release_pair() {
  local work=$1; shift
  local apps lib stdlib crypto
  mapfile -t apps < <(ls "$otp_root"/lib/*/ebin/*.app | xargs -n1 basename | sed 's/\.app$//' | grep -vx erts)

  # The old release: every OTP application as installed.
  "$cli" new-rel allotp 1.0 "${apps[@]}" --out "$work/allotp-1.0.rel" >/dev/null
  "$cli" tar "$work/allotp-1.0.rel" "$@" --out "$work/old.tar.gz" >/dev/null

  # The new release: three applications in new versions, from a lib directory searched first.
  lib="$work/lib"
  mkdir -p "$lib" "$work/src"
  stdlib=$(release_pair_bump "$lib" stdlib)
  sed '/^-module(queue)\./a -export([bench_marker/0]).' "$otp_root"/lib/stdlib-*/src/queue.erl >"$work/src/queue.erl"
  echo 'bench_marker() -> changed.' >>"$work/src/queue.erl"
  grep -q bench_marker "$work/src/queue.erl" || { echo "release_pair: cannot change queue.erl" >&2; return 1; }
  erlc -o "$stdlib/ebin" "$work/src/queue.erl"
  release_pair_bump "$lib" inets >/dev/null
  crypto=$(release_pair_bump "$lib" crypto)
  printf -- '-module(crypto_bench_added).\n-export([f/0]).\nf() -> ok.\n' >"$work/src/crypto_bench_added.erl"
  erlc -o "$crypto/ebin" "$work/src/crypto_bench_added.erl"
  sed -i 's/{modules, *\[/{modules,[crypto_bench_added,/' "$crypto/ebin/crypto.app"
  "$cli" new-rel allotp 1.1 "${apps[@]}" --lib-dir "$lib" --out "$work/allotp-1.1.rel" >/dev/null
  "$cli" tar "$work/allotp-1.1.rel" --lib-dir "$lib" "$@" --out "$work/new.tar.gz" >/dev/null
}

# release_pair_bump LIB APP: copies lib/APP-VSN to LIB/APP-VSN.1 with the .app's vsn bumped; prints
# the new directory.
release_pair_bump() {
  local dir vsn new
  dir=$(ls -d "$otp_root"/lib/"$2"-* | head -1)
  vsn=${dir##*-}
  new="$1/$2-$vsn.1"
  cp -a "$dir" "$new"
  sed -i "s/{vsn, *\"$vsn\"}/{vsn,\"$vsn.1\"}/" "$new/ebin/$2.app"
  grep -q "{vsn,\"$vsn.1\"}" "$new/ebin/$2.app" || { echo "release_pair: cannot bump $2" >&2; return 1; }
  echo "$new"
}
