#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Speed and memory of rvmm against crash, side by side, on the committed
# samples (make check or make unpack-samples first; make crash).  Prints
# wall time and peak RSS per task; run it on a quiet machine.
#   bench/run.sh [REPEAT]
set -u
. "$(dirname "$0")/../tests/lib.sh"
repeat=${1:-3}
crash=$(crash_bin)
[ -x "$build/rvmm" ] && [ -x "$crash" ] && [ -f "$build/rvmm.so" ] ||
	{ echo "bench: needs build/rvmm, build/rvmm.so and crash (make check)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# measure LABEL CMD...: best wall time of $repeat runs and its peak RSS.
measure() {
	local label=$1 best= rss= i t m
	shift
	for i in $(seq "$repeat"); do
		/usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>&1 </dev/null
		read -r t m < <(tail -n 1 "$work/t")
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN {exit !(a < b)}'; then
			best=$t rss=$m
		fi
	done
	printf '%-66s %8.2f s %8.1f MiB\n' "$label" "$best" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')"
}

crash_run() { # SAMPLE COMMANDS...
	local s=$1
	shift
	printf '%s\n' "$@" q >"$work/cmds"
	# shellcheck disable=SC2046
	"$crash" $(manifest "$s" crash_options) -s -i "$work/cmds" \
		"$(sample_vmlinux "$s")" "$(sample_dump "$s")"
}
export -f crash_run manifest sample_vmlinux sample_dump
export crash work samples_dir top

echo "rvmm bench: best of $repeat, $(nproc) cores, $(date -u +%F)"
printf '%-66s %10s %12s\n' task wall "peak RSS"
s=bug
v=$(sample_vmlinux $s)
d=$(sample_dump $s)
echo "-- one dump ($s, kdump-compressed, 256 MiB guest)"
measure "crash: open the dump (sys)" bash -c "crash_run $s sys"
measure "crash: open + log (what triage by hand starts with)" bash -c "crash_run $s sys log"
measure "rvmm stand-alone: triage" "$build/rvmm" "$v" "$d" triage
measure "crash + rvmm.so: triage" bash -c "crash_run $s 'extend $build/rvmm.so' 'rvmm triage'"
measure "rvmm stand-alone: ptdump (whole kernel page tables)" "$build/rvmm" "$v" "$d" ptdump
measure "rvmm stand-alone: audit (every table page, every struct page)" "$build/rvmm" "$v" "$d" audit
echo "-- every struct page (65536)"
measure "crash (own translation): kmem -p  [wrong: no struct page read]" \
	bash -c "RVMM_NO_XLATE=1 crash_run $s 'kmem -p'"
measure "crash + rvmm.so routed translation: kmem -p" \
	bash -c "crash_run $s 'extend $build/rvmm.so' 'kmem -p'"
measure "rvmm stand-alone: vmemmap (sections and their backing)" "$build/rvmm" "$v" "$d" vmemmap
echo "-- batch: all $(sample_names | wc -w) samples"
measure "crash: sys + log on each" bash -c \
	'for s in $(ls "$samples_dir"); do crash_run $s sys log; done'
measure "rvmm stand-alone: triage --json on each" bash -c \
	'for s in $(ls "$samples_dir"); do "$0" "$(sample_vmlinux $s)" "$(sample_dump $s)" triage --json; done' "$build/rvmm"
