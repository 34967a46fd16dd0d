#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Boot a sample kernel under qemu-system-riscv64, let the static init load and
# unload the trigger module, then (after the panic, or once the scenario is
# done) stop the guest and save through the HMP monitor: an ELF dump, a
# kdump-zlib dump (QEMU writes makedumpfile's flattened form), `info mem`,
# `info registers -a` and the console log.
# Usage: run-sample.sh KERNEL_DIR OUT_DIR [extra kernel command line]
# RVMM_KASLR_SEED=0xHHHHHHHHHHHHHHHH puts that /chosen/kaslr-seed in QEMU's
# device tree, so a RANDOMIZE_BASE kernel lands at a repeatable offset;
# RVMM_MMU_TYPE=riscv,sv57 puts that mmu-type on every hart.
# RVMM_QEMU names the QEMU binary (scripts/qemu-new.sh prints a newer one's)
# and RVMM_QEMU_CPU the -cpu value (rv64,sv48=on needs QEMU 8.0 or later).
set -eu
kdir=${1:?usage: run-sample.sh KERNEL_DIR OUT_DIR [cmdline]}
out=${2:?usage: run-sample.sh KERNEL_DIR OUT_DIR [cmdline]}
extra=${3:-}
timeout_s=${RVMM_BOOT_TIMEOUT:-300}
mkdir -p "$out"
out=$(cd "$out" && pwd)
sock=$out/monitor.sock
rm -f "$sock" "$out/console.log" "$out"/vmcore.*
qemu_bin=${RVMM_QEMU:-qemu-system-riscv64}
machine="-machine virt -cpu ${RVMM_QEMU_CPU:-rv64} -smp 2 -m 256M"
dtb=
if [ -n "${RVMM_KASLR_SEED:-}${RVMM_MMU_TYPE:-}" ]; then
	# shellcheck disable=SC2086
	"$qemu_bin" $machine -machine dumpdtb="$out/virt.dtb" >/dev/null
	dtb="-dtb $out/virt.dtb"
fi
if [ -n "${RVMM_KASLR_SEED:-}" ]; then
	seed=$(printf '%016x' "$RVMM_KASLR_SEED")
	fdtput -t x "$out/virt.dtb" /chosen kaslr-seed \
		"0x$(echo "$seed" | cut -c1-8)" "0x$(echo "$seed" | cut -c9-16)"
fi
# QEMU 7.2's device tree says mmu-type riscv,sv48 although its harts take
# Sv57: a kernel that honours it (7.2 does, 6.12 does not) stops at Sv48.
if [ -n "${RVMM_MMU_TYPE:-}" ]; then
	for cpu in $(fdtget -l "$out/virt.dtb" /cpus | grep '^cpu@'); do
		fdtput -t s "$out/virt.dtb" "/cpus/$cpu" mmu-type "$RVMM_MMU_TYPE"
	done
fi
# shellcheck disable=SC2086
"$qemu_bin" $machine $dtb \
	-display none -serial "file:$out/console.log" \
	-monitor "unix:$sock,server=on,wait=off" -no-reboot \
	-kernel "$kdir/Image" -initrd "$kdir/initramfs.cpio" \
	-append "console=ttyS0 earlycon panic=0 $extra" &
qemu=$!
trap 'kill $qemu 2>/dev/null || true' EXIT
hmp() { printf '%s\n' "$1" | socat -t "${2:-10}" - "UNIX-CONNECT:$sock" |
	tr -d '\r' | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' | grep -v '^(qemu)' |
	grep -v '^QEMU .* monitor - type' || true; }
waited=0
until grep -qE 'rvmm-init: scenario done|end Kernel panic' "$out/console.log" 2>/dev/null; do
	kill -0 $qemu 2>/dev/null || { echo "run-sample.sh: qemu exited early" >&2; exit 1; }
	[ $waited -lt "$timeout_s" ] || { echo "run-sample.sh: guest did not finish in ${timeout_s}s" >&2; exit 1; }
	sleep 1
	waited=$((waited + 1))
done
sleep 1
hmp stop
hmp 'info mem' >"$out/info-mem.txt"
hmp 'info registers -a' >"$out/info-registers.txt"
hmp "dump-guest-memory $out/vmcore.elf" 300 >/dev/null
hmp "dump-guest-memory -z $out/vmcore.flat" 300 >/dev/null
hmp quit >/dev/null
wait $qemu 2>/dev/null || true
trap - EXIT
rm -f "$sock"
[ -s "$out/vmcore.elf" ] && [ -s "$out/vmcore.flat" ] ||
	{ echo "run-sample.sh: dump-guest-memory wrote nothing" >&2; exit 1; }
echo "$out"
