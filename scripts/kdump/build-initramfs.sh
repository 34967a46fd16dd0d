#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build the kdump initramfs: Debian sid's riscv64 busybox-static,
# kexec-tools, makedumpfile and their libraries (scripts/kdump/
# fetch-userspace.sh), the trigger module of the first kernel, and the
# capture kernel's Image, packed with cpio.
# Usage: build-initramfs.sh CAPTURE_DIR TRIGGER.ko OUT.cpio
# CAPTURE_DIR: the capture kernel (scripts/kdump/build-kernel.sh: Image with
# virtio-blk).  TRIGGER.ko: the trigger module built for the first kernel.
# OUT.cpio is the first kernel's initramfs: the common part (user space, the
# trigger module, /init) followed by a second archive with /kdump/Image and
# /kdump/capture.cpio (the common part again, which the capture kernel gets).
#
# /init, run by the first kernel as `rdinit=/usr/bin/busybox -- sh /init`
# (the sample kernels have no BINFMT_SCRIPT), loads the capture kernel with
# `kexec -p`, then deletes what only the capture kernel needs (so that its
# pages are free when the dump is taken), then runs the trigger scenario.
# `rvmm_kdump_keep` on the first kernel's command line keeps those files
# (and the trigger module, which is deleted once loaded).
# In the capture kernel (it has /proc/vmcore) /init writes to /dev/vda:
#   sector 0: "RVMMKDUMP KOFF KSIZE EOFF ESIZE DOFF DSIZE"
#   the `makedumpfile -c -d 31` file, the unfiltered /proc/vmcore copy and
#   vmcore-dmesg's text at those byte offsets (MiB-aligned).
# RVMM_KDUMP_APPEND adds to the capture kernel's command line.
set -eu
cdir=${1:?usage: build-initramfs.sh CAPTURE_DIR TRIGGER.ko OUT.cpio}
ko=${2:?usage: build-initramfs.sh CAPTURE_DIR TRIGGER.ko OUT.cpio}
out=${3:?usage: build-initramfs.sh CAPTURE_DIR TRIGGER.ko OUT.cpio}
here=$(cd "$(dirname "$0")" && pwd)
stage=$("$here/fetch-userspace.sh")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
r=$tmp/common
mkdir -p "$r/usr/bin" "$r/usr/sbin" "$r/usr/lib/riscv64-linux-gnu" \
	"$r/proc" "$r/sys" "$r/dev" "$r/tmp" "$r/mnt" "$r/kdump"
ln -s usr/bin "$r/bin"
ln -s usr/sbin "$r/sbin"
ln -s usr/lib "$r/lib"
cp "$stage/usr/bin/busybox" "$stage/usr/bin/makedumpfile" "$r/usr/bin/"
cp "$stage/usr/sbin/kexec" "$stage/usr/sbin/vmcore-dmesg" "$r/usr/sbin/"
cp -P "$stage/usr/lib/ld-linux-riscv64-lp64d.so.1" "$r/usr/lib/"
# the shared libraries (not gconv, not the debugging helpers)
for f in "$stage"/usr/lib/riscv64-linux-gnu/*.so*; do
	case ${f##*/} in libc_malloc_debug*|libmemusage*|libpcprofile*|\
		libthread_db*|libBrokenLocale*|libnss*|libnsl*|libanl*) continue ;; esac
	cp -P "$f" "$r/usr/lib/riscv64-linux-gnu/"
done
for a in sh mount umount mkdir cat echo grep insmod rmmod dd stat sync \
	poweroff reboot sleep ls head tail sed tr dmesg od cut awk rm du; do
	ln -s busybox "$r/usr/bin/$a"
done
mknod "$r/dev/console" c 5 1
mknod "$r/dev/null" c 1 3
cp "$ko" "$r/rvmm_trigger.ko"
cat >"$r/init" <<INIT
#!/bin/sh
export PATH=/usr/sbin:/usr/bin LD_LIBRARY_PATH=/usr/lib/riscv64-linux-gnu
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
capture_append="console=ttyS0 earlycon 1 maxcpus=1 nr_cpus=1 reset_devices panic=1 ${RVMM_KDUMP_APPEND:-}"
INIT
cat >>"$r/init" <<'INIT'
pagetables() {
	echo 1 >/proc/sys/vm/stat_refresh 2>/dev/null
	echo "rvmm-init: $1: $(grep '^PageTables:' /proc/meminfo)"
}
memfree() { awk '$1 == "MemFree:" { print $2 " kB" }' /proc/meminfo; }
die() { echo "rvmm-kdump: $*"; sync; poweroff -f; sleep 5; reboot -f; }
mib() { echo $(( ($1 + 1048575) / 1048576 * 1048576 )); }
if [ -e /proc/vmcore ]; then
	echo "rvmm-kdump: capture kernel, /proc/vmcore $(stat -c %s /proc/vmcore) bytes"
	echo "rvmm-kdump: $(makedumpfile -v 2>&1 | head -1)"
	echo "rvmm-kdump: $(kexec -v 2>&1 | head -1)"
	# the first kernel's log as kexec-tools reads it: an oracle apart
	# from rvmm, and the oops lines the serial console never showed
	vmcore-dmesg /proc/vmcore >/tmp/vmcore-dmesg.txt 2>&1 ||
		echo "rvmm-kdump: vmcore-dmesg failed ($?)"
	# message level 22: common, error and report (the counts of the
	# excluded page classes), no progress indicator
	makedumpfile -c -d 31 --message-level 22 /proc/vmcore /tmp/vmcore.kdump ||
		die "makedumpfile failed ($?)"
	ksize=$(stat -c %s /tmp/vmcore.kdump)
	dsize=$(stat -c %s /tmp/vmcore-dmesg.txt)
	esize=$(stat -c %s /proc/vmcore)
	koff=1048576
	doff=$(mib $((koff + ksize)))
	eoff=$(mib $((doff + dsize)))
	[ -b /dev/vda ] || die "no /dev/vda"
	dd if=/tmp/vmcore.kdump of=/dev/vda bs=1M seek=$((koff / 1048576)) conv=notrunc 2>&1 ||
		die "writing the kdump file failed"
	dd if=/tmp/vmcore-dmesg.txt of=/dev/vda bs=1M seek=$((doff / 1048576)) conv=notrunc 2>&1 ||
		die "writing vmcore-dmesg's text failed"
	rm -f /tmp/vmcore.kdump
	echo "rvmm-kdump: wrote makedumpfile -c -d 31 ($ksize bytes), vmcore-dmesg ($dsize bytes)"
	dd if=/proc/vmcore of=/dev/vda bs=1M seek=$((eoff / 1048576)) conv=notrunc 2>&1 ||
		die "copying /proc/vmcore failed"
	echo "rvmm-kdump: wrote /proc/vmcore ($esize bytes)"
	printf 'RVMMKDUMP %s %s %s %s %s %s\n' $koff $ksize $eoff $esize $doff $dsize |
		dd of=/dev/vda conv=notrunc,sync bs=512 count=1 2>/dev/null
	sync
	die "capture done"
fi
echo "rvmm-kdump: first kernel: $(cat /proc/cmdline)"
cat /proc/iomem
# kexec-tools 2.0.32 (riscv) leaves every "Reserved" resource inside System
# RAM out of the dump's PT_LOADs; on riscv those are all memblock
# reservations (vmemmap, mem_section, early page tables, the initrd), which
# a dump must have.  Keep only the firmware's device-tree reserved-memory
# regions out (OpenSBI's, not mappable), through a filtered copy of
# /proc/iomem mounted over it.  RVMM_KDUMP_IOMEM=raw on the kernel command
# line keeps kexec-tools' own choice.
if ! grep -q 'RVMM_KDUMP_IOMEM=raw' /proc/cmdline; then
	keep=
	for r in /sys/firmware/devicetree/base/reserved-memory/*/reg; do
		[ -f "$r" ] || continue
		a=$(od -An -tx1 -v "$r" | tr -d ' \n' | cut -c1-16 | sed 's/^0*//')
		echo "rvmm-kdump: firmware reserved-memory ${r%/reg}: $a"
		keep="$keep $a"
	done
	awk -v keep="$keep" '/: Reserved$/ { split($1, a, "-"); s = a[1]
		sub(/^0+/, "", s); if (index(" " keep " ", " " s " ") == 0) next }
		{ print }' /proc/iomem >/tmp/iomem
	mount --bind /tmp/iomem /proc/iomem && echo "rvmm-kdump: /proc/iomem for kexec:" &&
		cat /proc/iomem
fi
kexec -d -c -p /kdump/Image --initrd=/kdump/capture.cpio \
	--append="$capture_append" >/tmp/kexec.log 2>&1
rc=$?
tail -n 30 /tmp/kexec.log
echo "rvmm-kdump: kexec -p Image: $rc"
echo "rvmm-kdump: kexec_crash_loaded=$(cat /sys/kernel/kexec_crash_loaded 2>/dev/null)"
# kexec_load copied the capture kernel and its initramfs into the crash
# kernel region: the files, and the dynamic user space only the capture
# kernel runs, are garbage now.  Deleted, their ramfs pages are free when
# the dump is taken (and zero with init_on_free=1), so that makedumpfile
# -d 31 leaves them out and the ELF copy compresses.
if [ $rc -eq 0 ] && ! grep -q rvmm_kdump_keep /proc/cmdline; then
	before=$(memfree)
	used=$(du -sk /kdump /usr/sbin /usr/lib /usr/bin/makedumpfile /tmp/kexec.log |
		awk '{ n += $1 } END { print n }')
	rm -rf /kdump /usr/sbin/kexec /usr/sbin/vmcore-dmesg /usr/bin/makedumpfile \
		/usr/lib/riscv64-linux-gnu /usr/lib/ld-linux-riscv64-lp64d.so.1 \
		/tmp/kexec.log
	echo "rvmm-kdump: deleted ${used} kB of files the first kernel no longer needs; MemFree $before -> $(memfree)"
fi
echo "rvmm-init: start"
pagetables "before load"
insmod /rvmm_trigger.ko || { echo "rvmm-init: load failed"; echo "rvmm-init: scenario done"; exec sleep 100000; }
echo "rvmm-init: loaded"
grep -q rvmm_kdump_keep /proc/cmdline || rm -f /rvmm_trigger.ko
pagetables "after load"
rmmod rvmm_trigger || { echo "rvmm-init: unload failed"; echo "rvmm-init: scenario done"; exec sleep 100000; }
echo "rvmm-init: unloaded"
pagetables "after unload"
echo "rvmm-init: scenario done"
sync
poweroff -f
INIT
chmod 755 "$r/init"
pack() { (cd "$1" && find . | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet); }
pack "$r" >"$tmp/capture.cpio"
f=$tmp/first
mkdir -p "$f/kdump"
cp "$cdir/Image" "$f/kdump/Image"
cp "$tmp/capture.cpio" "$f/kdump/capture.cpio"
{ cat "$tmp/capture.cpio"; pack "$f"; } >"$out"
echo "$out"
