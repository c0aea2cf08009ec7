#!/bin/sh
# Runs one CLI golden test: tests/cli/NAME.sh is run with $DYAD set to the
# binary; its stdout must equal NAME.stdout.exact (when present), its
# stderr NAME.stderr.exact (when present), and its exit status NAME.exit
# (default 0).  A script may exit 77 to skip (e.g. ../shared absent).
set -u
DYAD=$1; export DYAD
t=$2
base=${t%.sh}
out=$(mktemp); err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
sh "$t" >"$out" 2>"$err"
rc=$?
[ "$rc" -eq 77 ] && { cat "$out"; exit 77; }
want=0
[ -f "$base.exit" ] && want=$(cat "$base.exit")
fail=0
if [ "$rc" -ne "$want" ]; then echo "exit status $rc, expected $want"; fail=1; fi
if [ -f "$base.stdout.exact" ] && ! diff -u "$base.stdout.exact" "$out"; then fail=1; fi
if [ -f "$base.stderr.exact" ] && ! diff -u "$base.stderr.exact" "$err"; then fail=1; fi
[ "$fail" -eq 0 ] || { echo "--- stderr:"; cat "$err"; }
exit $fail
