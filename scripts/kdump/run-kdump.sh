#!/bin/sh
# Boot a kdump kernel (scripts/kdump/build-kernel.sh) under
# qemu-system-riscv64 with crashkernel= and the kdump initramfs
# (build-initramfs.sh): the first kernel loads the capture kernel with
# `kexec -p` and runs the trigger; the BUG panics into the capture kernel,
# which writes `makedumpfile -c -d 31` and an unfiltered copy of /proc/vmcore
# to a raw virtio disk.  After QEMU exits, extract OUT/vmcore.kdump and
# OUT/vmcore.elf and run `build/rvmm VMLINUX DUMP triage` on both.
# Usage: run-kdump.sh KERNEL_DIR OUT [extra first-kernel command line]
# RVMM_BOOT_TIMEOUT (seconds, default 900), RVMM_CRASHKERNEL (default 128M).
set -eu
kdir=${1:?usage: run-kdump.sh KERNEL_DIR OUT [cmdline]}
out=${2:?usage: run-kdump.sh KERNEL_DIR OUT [cmdline]}
extra=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
top=$here/../..
timeout_s=${RVMM_BOOT_TIMEOUT:-900}
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out/console.log" "$out/vmcore.kdump" "$out/vmcore.elf" "$out/disk.raw"
"$here/build-initramfs.sh" "$kdir" "$out/initramfs.cpio" >/dev/null
truncate -s 768M "$out/disk.raw"
start=$(date +%s)
timeout "$timeout_s" qemu-system-riscv64 -machine virt -cpu rv64 -smp 2 -m 512M \
	-display none -serial "file:$out/console.log" -monitor none -no-reboot \
	-drive "file=$out/disk.raw,format=raw,if=none,id=dump" \
	-device virtio-blk-device,drive=dump \
	-kernel "$kdir/Image" -initrd "$out/initramfs.cpio" \
	-append "console=ttyS0 earlycon panic=1 crashkernel=${RVMM_CRASHKERNEL:-128M} $extra" ||
	echo "run-kdump.sh: qemu: exit $? (124: timeout after ${timeout_s}s)" >&2
echo "run-kdump.sh: guest ran $(( $(date +%s) - start ))s" >&2
set -- $(dd if="$out/disk.raw" bs=512 count=1 2>/dev/null | tr -d '\0' | head -1)
[ "${1:-}" = RVMMKDUMP ] || {
	echo "run-kdump.sh: the capture kernel wrote no dumps; console:" >&2
	grep -E 'rvmm-|kexec|Kernel panic|crash|Crash' "$out/console.log" | tail -40 >&2
	exit 1; }
dd if="$out/disk.raw" of="$out/vmcore.kdump" iflag=skip_bytes,count_bytes \
	skip="$2" count="$3" bs=1M 2>/dev/null
dd if="$out/disk.raw" of="$out/vmcore.elf" iflag=skip_bytes,count_bytes \
	skip="$4" count="$5" bs=1M conv=sparse 2>/dev/null
rm -f "$out/disk.raw"
ls -l "$out/vmcore.kdump" "$out/vmcore.elf" >&2
rc=0
for d in vmcore.kdump vmcore.elf; do
	echo "== rvmm triage $d" >&2
	"$top/build/rvmm" "$kdir/vmlinux" "$out/$d" triage >"$out/triage-$d.txt" 2>&1 || rc=1
	cat "$out/triage-$d.txt" >&2
done
exit $rc
