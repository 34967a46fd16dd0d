#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The live whole-table dump on a paused guest, side by side: rvmm-live
# ptdump from the shared RAM file and over the gdbstub, its start-up
# alone (rvmm-live info), QEMU's `info mem`, and the GDB-language walk
# (rvmm.gdb's rvmm-vtop), whose cost for the whole table is its measured
# cost per physical read (20 walks in one GDB session, less the session
# alone) times the reads rvmm-live's ptdump needed.
#   bench/live.sh [SIZE...]      guest RAM sizes, default 1G
set -u
. "$(dirname "$0")/../tests/lib.sh"
. "$top/tests/live/guest.sh"
sizes=${*:-1G}
make -s -C "$top" build/rvmm-live >/dev/null || exit 1
derive_unpacked=1 derive_kernel bug "$tmp/kernel" >/dev/null 2>&1 ||
	{ echo "bench: cannot derive the bug kernel" >&2; exit 1; }
build_pause_init || exit 1
vml=$(sample_vmlinux bug)

now() { date +%s.%N; }
# best3 CMD...: the best wall time of three runs, in $best
best3() {
	local i t0 t
	best=
	for i in 1 2 3; do
		t0=$(now)
		"$@" >"$tmp/out" 2>"$tmp/err"
		t=$(awk -v a="$(now)" -v b="$t0" 'BEGIN {print a - b}')
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN {exit !(a < b)}'; then
			best=$t
		fi
	done
}
row() { printf '  %-46s %9.3f s  %s\n' "$1" "$2" "${3:-}"; }

for m in $sizes; do
	guest_mem=$m boot "live-$m" "$tmp/kernel" ||
		{ echo "bench: the $m guest did not boot" >&2; continue; }
	hmp stop >/dev/null # the vCPUs paused, as for a consistent dump
	echo "$m guest, paused:"
	best3 hmp "info mem"
	row "QEMU info mem (HMP, socat included)" "$best" \
		"$(grep -c '^ff' "$tmp/out") lines"
	best3 "$live" "$vml" --mem "$g/ram" info
	row "rvmm-live info, RAM file (start-up)" "$best"
	best3 "$live" "$vml" --mem "$g/ram" --stats ptdump
	row "rvmm-live ptdump, RAM file" "$best" "$(sed 's/^rvmm-live: //' "$tmp/err")"
	best3 "$live" "$vml" --gdb 127.0.0.1:"$port" --stats ptdump
	row "rvmm-live ptdump, gdbstub" "$best" "$(sed 's/^rvmm-live: //' "$tmp/err")"
	reads=$(sed -n 's/.* \([0-9]*\) reads.*/\1/p' "$tmp/err")
	# twenty walks of one vmemmap VA in one GDB session, against none
	best3 gdb_batch "$vml" rvmm-init
	init=$best
	hmp stop >/dev/null
	set -- rvmm-init
	for _ in $(seq 20); do set -- "$@" "rvmm-vtop 0xff1c000000000000"; done
	best3 gdb_batch "$vml" "$@"
	hmp stop >/dev/null
	walk_reads=$(grep -c ' table 0x' "$tmp/out")
	per_read=$(awk -v a="$best" -v b="$init" -v n="$walk_reads" 'BEGIN {print (a - b) / n}')
	row "GDB: 20 x rvmm-vtop ($walk_reads physical reads)" \
		"$(awk -v a="$best" -v b="$init" 'BEGIN {print a - b}')" \
		"$(awk -v p="$per_read" 'BEGIN {printf "%.1f ms per physical read", p * 1000}')"
	row "GDB walk of the whole table (estimated)" \
		"$(awk -v p="$per_read" -v r="$reads" 'BEGIN {print p * r}')" \
		"$reads reads x the cost per read"
	kill "$qpid" 2>/dev/null
	rm -f "$g/ram"
done
