#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Derive a bootable kernel from a committed sample, with no kernel build
# (make-sample.sh for samples that share a committed vmlinux, and the live
# tests through tests/live/guest.sh).
set -u
# derive-kernel.sh SAMPLE DIR: a bootable kernel directory (Image, vmlinux,
# initramfs.cpio, config) from what samples/SAMPLE commits, with no kernel
# tree and no kernel build: the live tests boot only kernels made this way,
# so that they run the same on every machine (make kernels is not needed):
# - Image: what arch/riscv/boot/Makefile makes, `objcopy -O binary -R .note
#   -R .note.gnu.build-id -R .comment -S` of the vmlinux (bug, fixed: not
#   RELOCATABLE, no .dynamic, manifest `image_from: objcopy of vmlinux`).
#   A RELOCATABLE (KASLR) kernel's Image is that of vmlinux.relocs: its
#   vmlinux has its .rela.dyn stripped after the link
#   (arch/riscv/Makefile.postlink), the Image keeps it for the kernel's
#   self-relocation.  objcopy of the vmlinux therefore leaves zeros there;
#   the sample commits those bytes (rela.dyn, 46 KB as xz), written at
#   DT_RELA - _start (DT_RELASZ bytes, both from the vmlinux's .dynamic).
#   The result must have the manifest's image_sha256.
# - initramfs.cpio: what build-kernel.sh packs with gen_init_cpio (/init
#   from samples/trigger/init.c, the sample's rvmm_trigger.ko, built
#   against the same tree and config, /dev, /proc), packed with cpio;
#   /dev/console only when mknod is allowed (the kernel's built-in
#   initramfs has one anyway).
# - config: the manifest's config facts (DEBUG_VM, DEBUG_BUGVERBOSE, MEMCG,
#   RANDOMIZE_BASE), and source: its kernel_source, for the tests and for
#   scripts/write-manifest.sh when make-sample.sh boots a derived kernel.
s=${1:?usage: derive-kernel.sh SAMPLE DIR} d=${2:?usage: derive-kernel.sh SAMPLE DIR}
top=$(cd "$(dirname "$0")/.." && pwd)
samples_dir=$top/build/samples
sd=$samples_dir/$s
manifest() { sed -n "s/^$2: //p" "$top/samples/$1/manifest" | head -1; }
[ -n "${RVMM_SAMPLES_UNPACKED:-}" ] ||
	"$top/scripts/unpack-samples.sh" "$samples_dir" >&2 || exit 1
# (a kernel without hot-remove, 6.1, has no trigger module)
[ -f "$sd/vmlinux" ] && { [ -f "$sd/rvmm_trigger.ko" ] ||
	[ ! -f "$top/samples/$s/rvmm_trigger.ko.xz" ]; } ||
	{ echo "derive-kernel.sh: $sd lacks vmlinux or rvmm_trigger.ko" >&2; exit 1; }
rm -rf "$d"
mkdir -p "$d/root/dev" "$d/root/proc"
ln -s "$sd/vmlinux" "$d/vmlinux"
riscv64-linux-gnu-objcopy -O binary -R .note -R .note.gnu.build-id \
	-R .comment -S "$sd/vmlinux" "$d/Image" || exit 1
rela=$(riscv64-linux-gnu-readelf -d "$sd/vmlinux" | awk '$2 == "(RELA)" { print $3 }')
if [ -z "$rela" ]; then
	# not RELOCATABLE: the Image is the objcopy as is
	[ ! -f "$sd/rela.dyn" ] ||
		{ echo "derive-kernel.sh: $sd has rela.dyn, its vmlinux no DT_RELA" >&2; exit 1; }
else
	start=$(riscv64-linux-gnu-nm "$sd/vmlinux" | awk '$3 == "_start" { print $1 }')
	relasz=$(riscv64-linux-gnu-readelf -d "$sd/vmlinux" | awk '$2 == "(RELASZ)" { print $3 }')
	[ -n "$start" ] && [ -f "$sd/rela.dyn" ] &&
		[ "$relasz" = "$(stat -c %s "$sd/rela.dyn" 2>/dev/null)" ] ||
		{ echo "derive-kernel.sh: _start '$start', DT_RELA '$rela', DT_RELASZ '$relasz' vs $sd/rela.dyn" >&2; exit 1; }
	dd if="$sd/rela.dyn" of="$d/Image" bs=65536 oflag=seek_bytes conv=notrunc \
		seek=$((rela - 0x$start)) 2>/dev/null || exit 1
fi
sum=$(sha256sum "$d/Image" | cut -d' ' -f1)
want=$(manifest "$s" image_sha256)
[ "$sum" = "$want" ] ||
	{ echo "derive-kernel.sh: Image sha256 $sum, the manifest's image_sha256 is '$want'" >&2; exit 1; }
riscv64-linux-gnu-gcc -static -O2 -Wall -Wextra -o "$d/root/init" \
	"$top/samples/trigger/init.c" || exit 1
[ ! -f "$sd/rvmm_trigger.ko" ] || cp "$sd/rvmm_trigger.ko" "$d/root/"
mknod -m 600 "$d/root/dev/console" c 5 1 2>/dev/null
(cd "$d/root" && ls -d dev dev/console proc init rvmm_trigger.ko 2>/dev/null |
	cpio -o -H newc --owner=0:0 2>/dev/null) >"$d/initramfs.cpio" || exit 1
{
	echo "# from samples/$s/manifest: its config facts only"
	for f in debug_vm debug_bugverbose memcg randomize_base; do
		o=$(echo "$f" | tr a-z A-Z)
		[ "$(manifest "$s" $f)" = y ] && echo "CONFIG_$o=y" ||
			echo "# CONFIG_$o is not set"
	done
} >"$d/config"
manifest "$s" kernel_source >"$d/source"
echo "Image sha256 $sum = the manifest's image_sha256 ($(manifest "$s" image_from | cut -c1-40))"
