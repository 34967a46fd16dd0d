#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Run every rvmm test group and end with the line `N passed, N failed`.
# Each group is an executable that prints `PASS: ...` / `FAIL: ...` lines;
# a group that exits non-zero without a FAIL line counts as one failure.
set -u
here=$(cd "$(dirname "$0")" && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
groups=${RVMM_TEST_GROUPS:-$(ls "$here"/*/*.test 2>/dev/null | sort)}
for g in $groups; do
	echo "== ${g#$here/}"
	out=$(mktemp)
	"$g" >"$out" 2>&1
	rc=$?
	cat "$out"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL: ' "$out"; then
		echo "FAIL: ${g#$here/} exited $rc"
		echo "FAIL: ${g#$here/} exited $rc" >>"$out"
	fi
	grep -E '^(PASS|FAIL): ' "$out" >>"$log"
	rm -f "$out"
done
passed=$(grep -c '^PASS: ' "$log")
failed=$(grep -c '^FAIL: ' "$log")
if [ "$failed" -ne 0 ]; then
	echo "failures:"
	grep '^FAIL: ' "$log"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
