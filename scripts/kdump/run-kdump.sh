#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Run a real kdump under qemu-system-riscv64: the first kernel boots with
# crashkernel= and the kdump initramfs (build-initramfs.sh), loads the
# capture kernel with `kexec -p` and runs the trigger; the BUG goes through
# crash_kexec() into the capture kernel, which writes `makedumpfile -c -d 31`,
# an unfiltered copy of /proc/vmcore and vmcore-dmesg's text to a raw virtio
# disk.  After QEMU exits, extract OUT/vmcore.kdump, OUT/vmcore.elf and
# OUT/vmcore-dmesg.txt and run `build/rvmm VMLINUX DUMP triage` on both dumps.
#
# QEMU's own view of the crashed kernel is saved too, as run-sample.sh saves
# it for the QEMU-dump samples: QEMU starts stopped, GDB (through QEMU's
# gdbstub) breaks at the first kernel's crash_kexec, and at that stop the
# HMP monitor writes OUT/info-mem.txt and OUT/info-registers.txt; GDB then
# detaches and the capture kernel boots.
#
# Usage: run-kdump.sh FIRST_DIR CAPTURE_DIR OUT [extra first-kernel cmdline]
#   FIRST_DIR: the first kernel: Image, vmlinux, rvmm_trigger.ko (or
#     root/rvmm_trigger.ko, as scripts/derive-kernel.sh leaves it)
#   CAPTURE_DIR: the capture kernel (scripts/kdump/build-kernel.sh)
# RVMM_KDUMP_MEM (guest RAM, default 512M), RVMM_CRASHKERNEL (default 128M),
# RVMM_BOOT_TIMEOUT (seconds, default 900).
set -eu
usage="usage: run-kdump.sh FIRST_DIR CAPTURE_DIR OUT [cmdline]"
first=${1:?$usage}
cdir=${2:?$usage}
out=${3:?$usage}
extra=${4:-}
here=$(cd "$(dirname "$0")" && pwd)
top=$here/../..
timeout_s=${RVMM_BOOT_TIMEOUT:-900}
mem=${RVMM_KDUMP_MEM:-512M}
ck=${RVMM_CRASHKERNEL:-128M}
mkdir -p "$out"
out=$(cd "$out" && pwd)
rm -f "$out/console.log" "$out/vmcore.kdump" "$out/vmcore.elf" \
	"$out/vmcore-dmesg.txt" "$out/disk.raw" "$out/info-mem.txt" \
	"$out/info-registers.txt" "$out/gdb.log" "$out"/*.sock
ko=$first/rvmm_trigger.ko
[ -f "$ko" ] || ko=$first/root/rvmm_trigger.ko
"$here/build-initramfs.sh" "$cdir" "$ko" "$out/initramfs.cpio" >/dev/null
truncate -s 768M "$out/disk.raw"
bp=$(riscv64-linux-gnu-nm "$first/vmlinux" | awk '$3 == "crash_kexec" { print $1; exit }')
[ -n "$bp" ] || { echo "run-kdump.sh: no crash_kexec in $first/vmlinux" >&2; exit 1; }
cmdline="console=ttyS0 earlycon panic=1 crashkernel=$ck $extra rdinit=/usr/bin/busybox -- sh /init"
printf '%s\n' "$cmdline" >"$out/cmdline"
qemu="qemu-system-riscv64 -machine virt -cpu rv64 -smp 2 -m $mem"
printf '%s\n' "$qemu" >"$out/qemu"
mon=$out/monitor.sock
start=$(date +%s)
# shellcheck disable=SC2086
timeout "$timeout_s" $qemu -S \
	-display none -serial "file:$out/console.log" -no-reboot \
	-monitor "unix:$mon,server=on,wait=off" \
	-chardev "socket,id=gdb,path=$out/gdb.sock,server=on,wait=off" \
	-gdb chardev:gdb \
	-drive "file=$out/disk.raw,format=raw,if=none,id=dump" \
	-device virtio-blk-device,drive=dump \
	-kernel "$first/Image" -initrd "$out/initramfs.cpio" \
	-append "$cmdline" &
qpid=$!
hmp() { printf '%s\n' "$1" | socat -t 10 - "UNIX-CONNECT:$mon" |
	tr -d '\r' | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' | grep -v '^(qemu)' |
	grep -v '^QEMU .* monitor - type' || true; }
waited=0
while [ ! -S "$out/gdb.sock" ] || [ ! -S "$mon" ]; do
	sleep 0.2
	waited=$((waited + 1))
	[ $waited -lt 100 ] || { kill $qpid; echo "run-kdump.sh: qemu did not start" >&2; exit 1; }
done
# the monitor helper GDB runs while the guest is stopped at crash_kexec
cat >"$out/oracles.sh" <<EOF
#!/bin/sh
hmp() { printf '%s\n' "\$1" | socat -t 10 - "UNIX-CONNECT:$mon" |
	tr -d '\r' | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' | grep -v '^(qemu)' |
	grep -v '^QEMU .* monitor - type' || true; }
hmp 'info mem' >"$out/info-mem.txt"
hmp 'info registers -a' >"$out/info-registers.txt"
EOF
gdb-multiarch -nx -batch -ex 'set pagination off' -ex 'set confirm off' \
	-ex 'set architecture riscv:rv64' \
	-ex "target remote | socat STDIO UNIX-CONNECT:$out/gdb.sock" \
	-ex "shell touch $out/gdb.attached" \
	-ex "break *0x$bp" -ex continue \
	-ex "shell sh $out/oracles.sh" \
	-ex delete -ex detach >"$out/gdb.log" 2>&1 &
gpid=$!
# without GDB the guest would wait forever: let it run, with no oracles
waited=0
while [ ! -f "$out/gdb.attached" ] && [ $waited -lt 150 ]; do
	sleep 0.2
	waited=$((waited + 1))
done
[ -f "$out/gdb.attached" ] || {
	echo "run-kdump.sh: GDB did not attach; no info-mem.txt/info-registers.txt" >&2
	hmp cont >/dev/null; }
wait $qpid || echo "run-kdump.sh: qemu: exit $? (124: timeout after ${timeout_s}s)" >&2
kill $gpid 2>/dev/null || true
wait $gpid 2>/dev/null || true
rm -f "$out/gdb.sock" "$mon" "$out/gdb.attached" "$out/oracles.sh"
echo "run-kdump.sh: guest ran $(( $(date +%s) - start ))s" >&2
[ -s "$out/info-mem.txt" ] ||
	echo "run-kdump.sh: no QEMU oracles (did the guest reach crash_kexec? $out/gdb.log)" >&2
# the header's seven words
# shellcheck disable=SC2046
set -- $(dd if="$out/disk.raw" bs=512 count=1 2>/dev/null | tr -d '\0' | head -1)
[ "${1:-}" = RVMMKDUMP ] || {
	echo "run-kdump.sh: the capture kernel wrote no dumps; console:" >&2
	grep -E 'rvmm-|kexec|Kernel panic|crash|Crash' "$out/console.log" | tail -40 >&2
	exit 1; }
dd if="$out/disk.raw" of="$out/vmcore.kdump" iflag=skip_bytes,count_bytes \
	skip="$2" count="$3" bs=1M 2>/dev/null
dd if="$out/disk.raw" of="$out/vmcore.elf" iflag=skip_bytes,count_bytes \
	skip="$4" count="$5" bs=1M conv=sparse 2>/dev/null
dd if="$out/disk.raw" of="$out/vmcore-dmesg.txt" iflag=skip_bytes,count_bytes \
	skip="$6" count="$7" bs=1M 2>/dev/null
rm -f "$out/disk.raw"
ls -l "$out/vmcore.kdump" "$out/vmcore.elf" "$out/vmcore-dmesg.txt" >&2
rc=0
for d in vmcore.kdump vmcore.elf; do
	echo "== rvmm triage $d" >&2
	# triage exits 10 on a match, 0 on no match, 11 when inconclusive
	r=0
	"$top/build/rvmm" "$first/vmlinux" "$out/$d" triage >"$out/triage-$d.txt" 2>&1 || r=$?
	[ $r -eq 0 ] || [ $r -eq 10 ] || [ $r -eq 11 ] || rc=1
	cat "$out/triage-$d.txt" >&2
done
exit $rc
