#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Batch triage throughput on the committed samples: rvmm batch with 1 and
# with all CPUs, beside one `rvmm V D triage --json` per pair from a shell
# loop; prints dumps per second and per core (issue 12's target: 2).
#   bench/batch.sh [ROUNDS]   (each round is every sample pair once)
set -u
. "$(dirname "$0")/../tests/lib.sh"
rounds=${1:-4}
rvmm=$build/rvmm
[ -x "$rvmm" ] || { echo "bench: needs build/rvmm (make, make unpack-samples)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for s in $(sample_names all); do
	v=$(sample_vmlinux "$s")
	[ -f "$v" ] || v=$(sample_vmlinux bug)
	for d in "$samples_dir/$s"/vmcore.elf "$samples_dir/$s"/vmcore.kdump; do
		[ -f "$d" ] && echo "$v $d"
	done
done >"$work/once"
for _ in $(seq "$rounds"); do cat "$work/once"; done >"$work/list"
n=$(wc -l <"$work/list")
cpus=$(nproc)

# report LABEL WORKERS SECONDS PEAK_KB
report() {
	awk -v l="$1" -v w="$2" -v t="$3" -v n="$n" -v m="$4" 'BEGIN {
		printf "%-40s %3d pairs %7.2f s %6.2f dumps/s %6.2f per core %7.1f MiB\n",
			l, n, t, n / t, n / t / w, m / 1024 }'
}
timed() { # LABEL WORKERS CMD...
	local label=$1 w=$2
	shift 2
	/usr/bin/time -f '%e %M' -o "$work/t" "$@" >/dev/null 2>&1
	read -r t m <"$work/t"
	report "$label" "$w" "$t" "$m"
}
echo "$n pairs ($rounds rounds of $(wc -l <"$work/once") samples), $cpus CPUs"
timed "shell loop: rvmm V D triage --json" 1 \
	sh -c 'while read -r v d; do "$0" "$v" "$d" triage --json; done <"$1"' \
	"$rvmm" "$work/list"
timed "rvmm batch -j 1" 1 "$rvmm" batch -j 1 "$work/list"
timed "rvmm batch -j $cpus" "$cpus" "$rvmm" batch -j "$cpus" "$work/list"
