#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Print a sample's manifest: provenance, sha256 of each file, and facts the
# tests may assert, each read from an independent oracle (the console log,
# QEMU's registers, the kernel config), never from rvmm itself.
set -eu
name=$1 variant=$2 cmdline=$3 kdir=$4 dest=$5 vmlinux=$6
# The serial console ends lines with CR LF.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
tr -d '\r' <"$dest/console.log" >"$log"
. "$(dirname "$0")/lib/console-facts.sh"
satp=$(awk '$1 == "satp" { print $2; exit }' "$dest/info-registers.txt")
fact name "$name"
fact variant "$variant"
fact kernel_source "$(cat "$kdir/source")"
case $variant in
fixed) fact fix_21f1b85c8912 present ;;
v7.2) fact fix_21f1b85c8912 "present (Debian's tree as is)" ;;
v6.1) fact fix_21f1b85c8912 "not applicable: no riscv memory hot-remove before 6.11" ;;
backport*) fact fix_21f1b85c8912 "partial: is_vmemmap kept, guard removed by samples/kernel/partial-backport.patch" ;;
*) fact fix_21f1b85c8912 "reverted by samples/kernel/revert-21f1b85c8912.patch" ;;
esac
config() { grep -q "^CONFIG_$1=y" "$kdir/config" && echo y || echo n; }
fact debug_vm "$(config DEBUG_VM)"
fact debug_bugverbose "$(config DEBUG_BUGVERBOSE)"
fact memcg "$(config MEMCG)"
fact randomize_base "$(config RANDOMIZE_BASE)"
# sizeof(struct page) as GDB reads the DWARF: an oracle apart from rvmm
fact page_struct_size "$(gdb-multiarch -nx -batch -ex 'print sizeof(struct page)' \
	"$kdir/vmlinux" 2>/dev/null | sed -n 's/^\$1 = //p')"
fact qemu "qemu-system-riscv64 -machine virt -cpu ${RVMM_QEMU_CPU:-rv64} -smp 2 -m 256M"
fact qemu_version "$("${RVMM_QEMU:-qemu-system-riscv64}" --version | head -1)"
fact cmdline "console=ttyS0 earlycon panic=0 $cmdline"
fact dt_mmu_type "${RVMM_MMU_TYPE:-as QEMU writes it}"
fact vmlinux "$vmlinux"
console_facts "$satp"
# The trigger's range spans two 128 MiB sections, removed in ascending order;
# the vmemmap PMD table empties, and the BUG fires, only at the last one,
# whose section_mem_map then still has its present bit.  A completed unload,
# or a hot-add that oopsed before marking sections present, leaves none.
if grep -q 'rvmm-trigger: unmapped' "$log" || ! grep -q 'rvmm-trigger: mapped' "$log"; then
	fact kmem_n_trigger_sections 0
	fact kmem_n_trigger_state none
elif grep -qi 'kernel BUG at' "$log" &&
	[ "$(gdb-multiarch -nx -batch -ex 'print sizeof(struct page)' "$kdir/vmlinux" 2>/dev/null |
		sed -n 's/^\$1 = //p')" = 64 ]; then
	# (with 64-byte struct pages each section's memmap is 2 MiB-aligned;
	# other sizes share a vmemmap leaf across sections: no simple rule)
	fact kmem_n_trigger_sections 1
	fact kmem_n_trigger_state P
else
	fact kmem_n_trigger_sections unknown
fi
# The options the bundled crash (make crash) needs.  It opens Sv48 dumps
# with no option: scripts/crash-patches/9.0.2-riscv64-sv48-pmd-index.patch
# (upstream 4f66cea2487d) fixes the Sv48 walk that made an unpatched 9.0.2
# stop at start-up while it loads module data.
# crash 9.0.2 stops on SLUB_TINY kernels ("invalid structure member
# offset: kmem_cache_s_num" in kmem_cache_init); --no_kmem_cache opens them.
opts=
# So does 6.1 with SLOB (tinyconfig's allocator there).
# And 7.1 and later, whose kmem_cache has per_node[] where crash 9.0.2
# reads node[] ("invalid structure member offset: kmem_cache_local_node";
# upstream crash bb9a3fa67a79).
[ "$(config SLUB_TINY)" = n ] && [ "$(config SLOB)" = n ] &&
	! gdb-multiarch -nx -batch -ex 'ptype struct kmem_cache' "$kdir/vmlinux" \
		2>/dev/null | grep -q ' per_node\[' ||
	opts="--no_kmem_cache"
[ -z "$opts" ] || fact crash_options "$opts"
# KASLR: where QEMU's own page-table dump maps the image's first PA (the
# load address), against the link address KERNEL_LINK_ADDR of 64-bit
# riscv; 0 without RANDOMIZE_BASE.
img=$(awk '$2 == "0000000080200000" && $1 ~ /^ffffffff/ { print $1; exit }' "$dest/info-mem.txt")
# (both in the top 4 GiB: the low halves subtract without overflow)
[ -z "$img" ] || fact kaslr_offset "$(printf '0x%x' $((0x${img#ffffffff} - 0x80000000)))"
# the built Image, which tests/live/guest.sh rebuilds from the vmlinux
fact image_sha256 "$(sha256sum "$kdir/Image" | cut -d' ' -f1)"
[ -f "$dest/rela.dyn.xz" ] || fact image_from "objcopy of vmlinux"
[ ! -f "$dest/rela.dyn.xz" ] || fact image_from "riscv64-linux-gnu-objcopy -O binary -R .note -R .note.gnu.build-id -R .comment -S vmlinux, with rela.dyn written at DT_RELA - _start"
fact scenario_done "$(grep -q 'rvmm-init: scenario done' "$log" && echo yes || echo no)"
cd "$dest"
for f in $(ls | grep -v '^manifest$'); do
	fact "sha256 $f" "$(sha256sum "$f" | cut -d' ' -f1)"
done
