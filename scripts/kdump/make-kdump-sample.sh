#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Make the committed kdump sample samples/kdump-bug/ from one real kdump run
# (run-kdump.sh): the first kernel is the `bug` sample's own kernel, derived
# from its committed vmlinux (scripts/derive-kernel.sh bug), so the sample
# needs no vmlinux of its own; the capture kernel is the kdump kernel
# (scripts/kdump/build-kernel.sh: the bug config plus virtio-blk), which
# only writes the dumps.
#
# samples/kdump-bug/ gets:
#   vmcore.kdump        the `makedumpfile -c -d 31` file as the capture
#                       kernel wrote it (no repair)
#   vmcore.elf.xz       the capture kernel's unfiltered copy of /proc/vmcore
#   vmcore-dmesg.txt    kexec-tools' vmcore-dmesg on /proc/vmcore: the
#                       first kernel's log, oops included (the serial
#                       console never shows the BUG line: crash_kexec runs
#                       before the console is flushed)
#   console.log         the serial console up to the capture kernel's boot
#   capture-console.log the capture kernel's serial console (versions,
#                       makedumpfile's report of the pages it excluded)
#   info-mem.txt, info-registers.txt  QEMU's HMP `info mem` and `info
#                       registers -a` with the guest stopped at the first
#                       kernel's crash_kexec (GDB through QEMU's gdbstub)
#   manifest            the keys of scripts/write-manifest.sh where the facts
#                       exist (none otherwise), from console.log,
#                       vmcore-dmesg.txt, QEMU's registers and the build,
#                       never from rvmm; the kdump pipeline's facts; sha256s
#
# Usage: make-kdump-sample.sh [NAME]   (NAME defaults to kdump-bug)
# RVMM_KDUMP_CAPTURE=DIR uses that capture kernel directory instead of
# building one.  The run is cached under $RVMM_CACHE/runs/NAME-KEY.
set -eu
name=${1:-kdump-bug}
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
cache=${RVMM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rvmm}
mem=512M
ck=128M
# init_on_free=1: the pages the first kernel frees (the deleted files, the
# unpacked initramfs) hold zeroes, which makedumpfile stores once; without
# it makedumpfile 1.7.8 keeps their stale bytes (see docs/kdump-notes.md)
extra="init_on_free=1"
[ -x "$top/build/rvmm" ] ||
	{ echo "make-kdump-sample.sh: build/rvmm missing: run make first" >&2; exit 1; }
cdir=${RVMM_KDUMP_CAPTURE:-$("$here/build-kernel.sh")}
work=$cache/kdump-first
bash "$top/scripts/derive-kernel.sh" bug "$work" >&2
runkey=$( (sha256sum "$work/Image" "$cdir/Image" "$work/root/rvmm_trigger.ko" |
	cut -d' ' -f1; echo "$mem $ck $extra"
	cat "$here/run-kdump.sh" "$here/build-initramfs.sh") | sha256sum | cut -c1-12)
run=$cache/runs/$name-$runkey
if [ ! -s "$run/vmcore.kdump" ] || [ ! -s "$run/info-mem.txt" ]; then
	RVMM_KDUMP_MEM=$mem RVMM_CRASHKERNEL=$ck \
		"$here/run-kdump.sh" "$work" "$cdir" "$run" "$extra" >&2 ||
		{ echo "make-kdump-sample.sh: run-kdump.sh failed ($run)" >&2; exit 1; }
fi
[ -s "$run/info-mem.txt" ] ||
	{ echo "make-kdump-sample.sh: no QEMU oracles in $run" >&2; exit 1; }
dest=$top/samples/$name
rm -rf "$dest"
mkdir -p "$dest"
cp "$run/vmcore.kdump" "$run/vmcore-dmesg.txt" "$run/info-mem.txt" \
	"$run/info-registers.txt" "$dest/"
xz -T2 -6 -c "$run/vmcore.elf" >"$dest/vmcore.elf.xz"
# the capture kernel's boot starts with its own "Linux version" banner
awk -v a="$dest/console.log" -v b="$dest/capture-console.log" '
	/Linux version / { n++ } { print > (n > 1 ? b : a) }' "$run/console.log"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# the facts come from the first kernel's console and its log as
# vmcore-dmesg read it (the lines the console lost)
tr -d '\r' <"$dest/console.log" >"$tmp/log"
cat "$dest/vmcore-dmesg.txt" >>"$tmp/log"
tr -d '\r' <"$dest/capture-console.log" >"$tmp/capture"
log=$tmp/log
. "$here/../lib/console-facts.sh"
report() { awk -v k="$1" 'index($0, k) { sub(/.*: */, ""); print; exit }' "$tmp/capture"; }
satp=$(awk '$1 == "satp" { print $2; exit }' "$dest/info-registers.txt")
bug() { sed -n "s/^$1: //p" "$top/samples/bug/manifest" | head -1; }
page_size=$(gdb-multiarch -nx -batch -ex 'print sizeof(struct page)' \
	"$work/vmlinux" 2>/dev/null | sed -n 's/^\$1 = //p')
cmdline=$(cat "$run/cmdline")
{
fact name "$name"
fact variant bug
fact kernel_source "$(cat "$work/source")"
fact fix_21f1b85c8912 "reverted by samples/kernel/revert-21f1b85c8912.patch"
fact debug_vm "$(bug debug_vm)"
fact debug_bugverbose "$(bug debug_bugverbose)"
fact memcg "$(bug memcg)"
fact randomize_base "$(bug randomize_base)"
fact page_struct_size "$page_size"
fact qemu "$(cat "$run/qemu")"
fact cmdline "$cmdline"
# the first kernel is the bug sample's: its vmlinux serves both
fact vmlinux ../bug/vmlinux.xz
console_facts "$satp"
# as write-manifest.sh: the BUG leaves the last of the trigger's two
# sections present, with 64-byte struct pages in a section of its own
if grep -q 'kernel BUG at' "$log" && [ "$page_size" = 64 ]; then
	fact kmem_n_trigger_sections 1
	fact kmem_n_trigger_state P
else
	fact kmem_n_trigger_sections unknown
fi
fact scenario_done "$(grep -q 'rvmm-init: scenario done' "$log" && echo yes || echo no)"
img=$(awk '$2 == "0000000080200000" && $1 ~ /^ffffffff/ { print $1; exit }' "$dest/info-mem.txt")
[ -z "$img" ] || fact kaslr_offset "$(printf '0x%x' $((0x${img#ffffffff} - 0x80000000)))"
fact image_sha256 "$(sha256sum "$work/Image" | cut -d' ' -f1)"
fact image_from "the bug sample's (scripts/derive-kernel.sh bug)"
fact facts_from "console.log, vmcore-dmesg.txt, info-registers.txt, info-mem.txt (QEMU stopped at crash_kexec), the bug sample's build facts"
# the kdump pipeline
fact dump_pipeline "kdump makedumpfile -c -d 31"
fact dump_level 31
fact dump_level_excludes "zero cache cache-private user free"
fact crashkernel "$(first 'crashkernel reserved: 0x[0-9a-f]+ - 0x[0-9a-f]+' | cut -d' ' -f3-5)"
fact kexec "$(grep -m1 -oE 'kexec-tools [0-9.]+' "$tmp/capture"), kexec_load (-c -p), /proc/iomem without the memblock Reserved lines"
fact makedumpfile "$(grep -m1 -oE 'makedumpfile: version [0-9.]+' "$tmp/capture" | cut -d' ' -f3)"
fact capture_kernel "$(grep -m1 -oE 'Linux version [^ ]+' "$tmp/capture" | cut -d' ' -f3) bug config + scripts/kdump/kdump.config (virtio-blk), not committed"
# makedumpfile's own report of what it excluded (message level 16)
fact makedumpfile_original_pages "$(report 'Original pages')"
fact makedumpfile_zero_pages "$(report 'Pages filled with zero')"
fact makedumpfile_cache_pages "$(report 'Non-private cache pages')"
fact makedumpfile_cache_private_pages "$(report 'Private cache pages')"
fact makedumpfile_user_pages "$(report 'User process data pages')"
fact makedumpfile_free_pages "$(report 'Free pages')"
fact makedumpfile_remaining_pages "$(report 'Remaining pages')"
fact vmcore_elf_source "/proc/vmcore in the capture kernel, copied with dd"
cd "$dest"
for f in $(ls | grep -v '^manifest$'); do
	fact "sha256 $f" "$(sha256sum "$f" | cut -d' ' -f1)"
done
} >"$tmp/manifest"
mv "$tmp/manifest" "$dest/manifest"
echo "$dest"
