#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run each test binary; sum their "# N passed, M failed" lines.
pass=0
fail=0
for t in "$@"; do
	out=$("$t")
	rc=$?
	printf '%s\n' "$out" | grep -v '^# '
	line=$(printf '%s\n' "$out" | grep '^# ' | tail -n 1)
	p=$(echo "$line" | sed -n 's/^# \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
	f=$(echo "$line" | sed -n 's/^# \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
	if [ -z "$p" ]; then
		echo "FAIL $t: crashed or no summary (exit $rc)"
		p=0
		f=1
	elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "FAIL $t: exit $rc"
		f=1
	fi
	pass=$((pass + p))
	fail=$((fail + f))
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
