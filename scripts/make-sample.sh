#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Build, run and package one committed sample into samples/NAME/:
#   bug        revert of 21f1b85c8912, DEBUG_VM, Sv57: VM_BUG_ON_PAGE on unload
#   bug-silent the same without DEBUG_VM: no BUG, accounting goes wrong
#              (its kernel boots in the live tests; not committed as a sample,
#              backport-silent stands for the silent form)
#   fixed      Debian's tree as is, DEBUG_VM: unload is clean
#   bug-sv48   the bug kernel booted with no5lvl: the hot-add itself oopses
#   backport   a partial backport (is_vmemmap kept, guard gone), embedded
#              config (56-byte struct page, no BUGVERBOSE), KASLR: BUG
#   backport-silent  the same without DEBUG_VM: accounting goes wrong
#   bug-sv39   the bug kernel booted with no4lvl: free_pmd_table never runs
#   v7.2, v7.2-sv48, v7.2-sv39  Debian's 7.2 (fix in), DEBUG_VM, at each
#              paging mode (Sv57 through the DT's mmu-type, Sv48 is what
#              QEMU's own DT says, no4lvl): unload is clean
#   v6.1, v6.1-sv48, v6.1-sv39  Debian's 6.1, DEBUG_VM: no riscv hot-remove,
#              no trigger.  6.1 has no no4lvl/no5lvl and ignores the DT's
#              mmu-type, and bookworm's QEMU 7.2 cannot cap the hart's satp
#              modes: Sv48 and Sv39 boot on trixie's QEMU (qemu-new.sh)
# Needs build/rvmm-fixdump (make) to add the guest's VMCOREINFO to the dumps.
set -eu
seed= base= mmu= cpu=
name=${1:?usage: make-sample.sh SAMPLE (see the list above)}
here=$(cd "$(dirname "$0")" && pwd)
top=$here/..
cache=${RVMM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rvmm}
fixdump=$top/build/rvmm-fixdump
case $name in
bug) variant=bug cmdline= formats="elf kdump" ;;
bug-silent) variant=bug-silent cmdline= formats=kdump ;;
fixed) variant=fixed cmdline= formats=elf base=bug ;;
bug-sv48) variant=bug cmdline=no5lvl formats=elf ;;
# fixed seeds: the KASLR offset is part of what the tests check
backport) variant=backport cmdline= formats=elf seed=0x5eed0f0ff5e7c0de ;;
backport-silent) variant=backport-silent cmdline= formats=kdump
	seed=0x0123456789abcdef base=backport ;;
bug-sv39) variant=bug cmdline=no4lvl formats=elf ;;
v7.2) variant=v7.2 cmdline= formats=elf mmu=riscv,sv57 ;;
v7.2-sv48) variant=v7.2 cmdline= formats=elf ;;
v7.2-sv39) variant=v7.2 cmdline=no4lvl formats=kdump ;;
v6.1) variant=v6.1 cmdline= formats=elf ;;
v6.1-sv48) variant=v6.1 cmdline= formats=elf cpu=rv64,sv48=on ;;
v6.1-sv39) variant=v6.1 cmdline= formats=elf cpu=rv64,sv39=on ;;
*) echo "make-sample.sh: unknown sample '$name'" >&2; exit 2 ;;
esac
[ -x "$fixdump" ] || { echo "make-sample.sh: $fixdump missing: run make first" >&2; exit 1; }
# A sample that shares another's committed vmlinux (bug-sv48 boots bug's)
# boots the kernel derived from that vmlinux, so both are the same build
# even when build-kernel.sh would now build a different one.
if [ "$name" = "$variant" ]; then
	kdir=$("$here/build-kernel.sh" "$variant")
else
	[ -f "$top/samples/$variant/manifest" ] ||
		{ echo "make-sample.sh: make the $variant sample first" >&2; exit 1; }
	kdir=$cache/derived/$variant
	bash "$here/derive-kernel.sh" "$variant" "$kdir" >&2
fi
qemu=
[ -z "$cpu" ] || qemu=$("$here/qemu-new.sh")
runkey=$( (cat "$kdir/Image" "$kdir/initramfs.cpio"; echo "$cmdline $seed $mmu $cpu"
	cat "$here/run-sample.sh") | sha256sum | cut -c1-12)
run=$cache/runs/$name-$runkey
[ -s "$run/vmcore.flat" ] || RVMM_KASLR_SEED=$seed RVMM_MMU_TYPE=$mmu \
	RVMM_QEMU=${qemu:-qemu-system-riscv64} RVMM_QEMU_CPU=${cpu:-rv64} \
	"$here/run-sample.sh" "$kdir" "$run" "$cmdline" >/dev/null
dest=$top/samples/$name
rm -rf "$dest"
mkdir -p "$dest"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in $formats; do
	case $f in
	elf) cp "$run/vmcore.elf" "$tmp/raw.elf"
	     "$fixdump" "$kdir/vmlinux" "$tmp/raw.elf" "$tmp/vmcore.elf"
	     xz -T2 -6 -c "$tmp/vmcore.elf" >"$dest/vmcore.elf.xz" ;;
	kdump) makedumpfile -R "$tmp/raw.kdump" <"$run/vmcore.flat" >/dev/null
	       "$fixdump" "$kdir/vmlinux" "$tmp/raw.kdump" "$dest/vmcore.kdump" ;;
	esac
done
# The bug sample also keeps QEMU's unrepaired ELF dump for fixdump's tests.
[ "$name" != bug ] || xz -T2 -6 -c "$run/vmcore.elf" >"$dest/vmcore-noinfo.elf.xz"
# One vmlinux per kernel variant; bug-sv48 shares bug's.
if [ "$name" = "$variant" ]; then
	# the assembler's local labels (.L*: 60 MB of .symtab in a
	# RELOCATABLE build) name no function and no variable; the build-id,
	# code and DWARF stay as built
	riscv64-linux-gnu-objcopy --discard-locals "$kdir/vmlinux" "$tmp/vmlinux"
	xz -T2 -6 -c "$tmp/vmlinux" >"$dest/vmlinux.xz"
	vmlinux=vmlinux.xz
	# what the live tests need to boot this kernel without building it
	# (tests/live/guest.sh derive_kernel): the build's trigger module, and
	# for a RELOCATABLE kernel the .rela.dyn bytes its Image keeps but its
	# vmlinux lost after the link (arch/riscv/Makefile.postlink)
	[ ! -f "$kdir/rvmm_trigger.ko" ] ||
		xz -T2 -6 -c "$kdir/rvmm_trigger.ko" >"$dest/rvmm_trigger.ko.xz"
	dyn=$(riscv64-linux-gnu-readelf -d "$kdir/vmlinux")
	rela=$(echo "$dyn" | awk '$2 == "(RELA)" { print $3 }')
	if [ -n "$rela" ]; then
		relasz=$(echo "$dyn" | awk '$2 == "(RELASZ)" { print $3 }')
		start=$(riscv64-linux-gnu-nm "$kdir/vmlinux" | awk '$3 == "_start" { print $1 }')
		# (both in the top 4 GiB: dash's arithmetic would clamp the
		# full 64-bit values, their low halves subtract exactly)
		dd if="$kdir/Image" iflag=skip_bytes,count_bytes \
			skip=$((0x${rela#0xffffffff} - 0x${start#ffffffff})) \
			count="$relasz" 2>/dev/null |
			xz -T2 -6 >"$dest/rela.dyn.xz"
	fi
else
	vmlinux=../$variant/vmlinux.xz
fi
cp "$run/console.log" "$run/info-mem.txt" "$run/info-registers.txt" "$dest/"
RVMM_MMU_TYPE=$mmu RVMM_QEMU=${qemu:-qemu-system-riscv64} \
	RVMM_QEMU_CPU=${cpu:-rv64} "$here/write-manifest.sh" "$name" "$variant" "$cmdline" "$kdir" "$dest" \
	"$vmlinux" >"$dest/manifest"
# a vmlinux built from the same tree as the base sample's is kept as a delta
[ -z "$base" ] || "$here/delta-sample-file.sh" "$name" "$base"
echo "$dest"
