# SPDX-License-Identifier: GPL-2.0
# Shared helpers for rvmm's shell tests.  Source it; each test calls
# pass/fail, and run-all.sh adds up the lines they print.
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$top/build
samples_dir=$build/samples
cache=${RVMM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rvmm}

pass() { printf 'PASS: %s\n' "$*"; }
fail() { printf 'FAIL: %s\n' "$*"; }

# check NAME COMMAND...: pass when the command succeeds.
check() {
	local name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}

# manifest SAMPLE KEY: a fact from samples/SAMPLE/manifest.
manifest() {
	sed -n "s/^$2: //p" "$top/samples/$1/manifest" | head -1
}

# sample_vmlinux SAMPLE / sample_dump SAMPLE [elf|kdump]: unpacked paths.
sample_vmlinux() {
	local v
	v=$(manifest "$1" vmlinux)
	v=${v%.xz}
	v=${v%.xdelta}
	echo "$samples_dir/$1/$v"
}
sample_dump() {
	local d=$samples_dir/$1
	case ${2:-any} in
	elf) echo "$d/vmcore.elf" ;;
	kdump) echo "$d/vmcore.kdump" ;;
	*) if [ -f "$d/vmcore.kdump" ]; then echo "$d/vmcore.kdump"; else echo "$d/vmcore.elf"; fi ;;
	esac
}
# sample_names [all]: the committed samples.  Without "all" only those
# whose dumps QEMU wrote (dump-guest-memory), for the groups that rely on
# their conventions (e.g. no "Kernel panic" means a clean unload); a kdump
# sample (manifest "dump_pipeline: kdump ...": the crash went through
# crash_kexec, there is no panic line) is in the groups that take "all"
# and in tests/kdump/.
sample_names() {
	local m
	for m in "$top"/samples/*/manifest; do
		[ "${1:-}" = all ] || ! grep -q '^dump_pipeline: kdump' "$m" ||
			continue
		basename "$(dirname "$m")"
	done
}
# crash_dump VMLINUX DUMP DIR: the file crash should open for DUMP: DUMP
# itself, or, when its VMCOREINFO lacks riscv's layout numbers (6.1 writes
# none, and crash 9.0.2 needs them), a copy in DIR with them added by
# rvmm-fixdump --add-layout.
crash_dump() {
	local out=$3/crash.$(basename "$(dirname "$2")").$(basename "$2")
	if strings -n 6 "$2" | grep -q '^NUMBER(phys_ram_base)='; then
		echo "$2"
		return
	fi
	[ -f "$out" ] || "$build/rvmm-fixdump" --add-layout "$1" "$2" "$out" >/dev/null 2>&1
	echo "$out"
}
crash_bin() {
	cat "$build/crash-path" 2>/dev/null
}
