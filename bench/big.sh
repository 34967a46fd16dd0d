#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Big dumps: the `bug` sample kernel (derived from its committed vmlinux)
# booted with each RAM size given (default 1G 4G), the trigger module
# loaded (hot-added device-private memory: more struct pages and tables),
# dumped by QEMU kdump-zlib and given VMCOREINFO by rvmm-fixdump (QEMU's
# vmcoreinfo device needs fw_cfg DMA, which riscv virt lacks); then, side by side
# on each dump: rvmm audit and triage, the raw-read floor (bench/floor: the
# same struct pages and table pages through the same reader, no decoding),
# and crash 9.0.2 (start-up alone; rvmm audit inside it; kmem -n).  Prints
# wall time (best of 3), the ratio to the floor net of rvmm's start-up, and
# peak RSS.  The same again on an ELF dump for sizes up to
# RVMM_BENCH_ELF_MAX (default 4G: an ELF dump holds all of RAM, twice on
# disk while rvmm-fixdump copies it).  Guest RAM is a sparse file
# and kdump-zlib skips zero pages, so disk use is about the used memory;
# everything is removed at the end.
#   bench/big.sh [SIZE...]      e.g. bench/big.sh 1G 4G 16G
set -u
. "$(dirname "$0")/../tests/lib.sh"
. "$top/tests/live/guest.sh"
sizes=${*:-1G 4G}
crash=$(crash_bin)
make -s -C "$top" build/rvmm build/rvmm-fixdump build/bench/floor >/dev/null || exit 1
derive_unpacked=1 derive_kernel bug "$tmp/kernel" >/dev/null 2>&1 ||
	{ echo "bench: cannot derive the bug kernel" >&2; exit 1; }
build_pause_init || exit 1
vmlinux=$(sample_vmlinux bug)

# measure LABEL FLOOR_SECONDS CMD...: best of three: wall time, the ratio
# to the floor with rvmm's start-up ($startup, `rvmm info`) taken out of
# both, and peak RSS
measure() {
	local label=$1 floor=$2 t m best= rss= i
	shift 2
	for i in 1 2 3; do
		/usr/bin/time -f '%e %M' -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" </dev/null
		read -r t m < <(tail -n 1 "$tmp/t")
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN {exit !(a < b)}'; then
			best=$t rss=$m
		fi
	done
	awk -v l="$label" -v t="$best" -v f="$floor" -v s="${startup:-0}" -v m="$rss" 'BEGIN {
		r = "-"
		if (f > s)
			r = sprintf("%.1fx", (t - s) / (f - s))
		printf "  %-44s %7.2f s %6s %8.1f MiB\n", l, t, r, m / 1024 }'
	last=$best
}
crash_cmds() { # FILE COMMANDS...
	local f=$1
	shift
	printf '%s\n' "$@" q >"$f"
}

# bench_dump LABEL DUMP: every task on one dump
bench_dump() {
	local dump=$2
	echo " $1"
	startup=0
	measure "rvmm info (start-up: DWARF, dump, layout)" 0 "$build/rvmm" "$vmlinux" "$dump" info
	startup=$last
	measure "floor: struct pages + table pages read" 0 "$build/bench/floor" "$vmlinux" "$dump"
	floor=$last
	measure "rvmm audit" "$floor" "$build/rvmm" "$vmlinux" "$dump" audit
	measure "rvmm triage" "$floor" "$build/rvmm" "$vmlinux" "$dump" triage
	if [ -x "$crash" ] && [ -f "$build/rvmm.so" ]; then
		crash_cmds "$tmp/c0"
		measure "crash: start-up alone" 0 "$crash" -s -i "$tmp/c0" "$vmlinux" "$dump"
		crash_cmds "$tmp/c1" "extend $build/rvmm.so" "rvmm audit"
		measure "crash: start-up + rvmm audit" 0 "$crash" -s -i "$tmp/c1" "$vmlinux" "$dump"
		crash_cmds "$tmp/c2" "extend $build/rvmm.so" "kmem -n"
		measure "crash: start-up + kmem -n" 0 "$crash" -s -i "$tmp/c2" "$vmlinux" "$dump"
	fi
}

for m in $sizes; do
	guest_mem=$m boot "big-$m" "$tmp/kernel" ||
		{ echo "bench: the $m guest did not boot" >&2; continue; }
	dump=$tmp/big-$m.kdump
	hmp "dump-guest-memory -z $tmp/flat.kdump" 900 >/dev/null
	kill "$qpid" 2>/dev/null
	echo "$m guest: $(du -h "$tmp/flat.kdump" | cut -f1) kdump-zlib, RAM file $(du -h "$g/ram" | cut -f1) on disk"
	rm -f "$g/ram"
	# QEMU writes makedumpfile's flattened form; crash wants the file
	makedumpfile -R "$tmp/raw.kdump" <"$tmp/flat.kdump" >/dev/null 2>&1
	rm -f "$tmp/flat.kdump"
	"$build/rvmm-fixdump" "$vmlinux" "$tmp/raw.kdump" "$dump" >/dev/null ||
		{ echo "bench: rvmm-fixdump failed on the $m dump" >&2; continue; }
	rm -f "$tmp/raw.kdump"
	bench_dump "kdump-zlib, $(du -h "$dump" | cut -f1)" "$dump"
	rm -f "$dump"
	# ELF too while it fits the disk twice (QEMU's file and fixdump's copy)
	if [ "$(numfmt --from=iec "$m")" -le "$(numfmt --from=iec "${RVMM_BENCH_ELF_MAX:-4G}")" ]; then
		guest_mem=$m boot "big-$m-elf" "$tmp/kernel" || continue
		hmp "dump-guest-memory $tmp/raw.elf" 900 >/dev/null
		kill "$qpid" 2>/dev/null
		rm -f "$g/ram"
		"$build/rvmm-fixdump" "$vmlinux" "$tmp/raw.elf" "$tmp/big.elf" >/dev/null ||
			{ echo "bench: rvmm-fixdump failed on the $m ELF dump" >&2; continue; }
		rm -f "$tmp/raw.elf"
		bench_dump "ELF, $(du -h "$tmp/big.elf" | cut -f1)" "$tmp/big.elf"
		rm -f "$tmp/big.elf"
	fi
done
