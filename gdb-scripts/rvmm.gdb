# SPDX-License-Identifier: GPL-2.0
# rvmm.gdb: riscv64 kernel page tables, struct page / ptdesc and
# mem_section on a live QEMU guest, in GDB's own command language (no
# Python).  Use with gdb-multiarch (GDB >= 10) and the guest's vmlinux:
#
#   gdb-multiarch vmlinux -ex 'target remote :1234' \
#       -ex 'source gdb-scripts/rvmm.gdb'
#   (gdb) help user-defined
#
# Memory: every read these commands make is PHYSICAL.  Each read switches
# QEMU's gdbstub to physical mode (maintenance packet Qqemu.PhyMemMode:1)
# around one single `set $var = *(TYPE *)PA` (the identity check: around
# the `set`s of the banner's words, their addresses formatted by eval
# beforehand) and switches it straight back
# to 0, so the mode is never left on when a command ends, also when it
# stops on an error: in physical mode QEMU's `m` packet cannot fail (it
# ignores the bus result), so nothing between the two switches can abort
# the command.  No read goes through the guest MMU, so the commands work
# whatever the CPU was doing (user mode, idle, another satp).  If GDB is
# interrupted (^C) between the two switches, run rvmm-restore.
# The packets go through `pipe ... | cat >/dev/null` to keep them quiet;
# that pipe also restores GDB's output if the packet fails.
#
# Whole-table walks are too slow in this language: rvmm-ptdump,
# rvmm-preflight and rvmm-live hand off to build/rvmm-live, which maps the
# guest RAM file while GDB stays attached.  Set, before starting GDB:
#   RVMM_LIVE     path of rvmm-live (default: rvmm-live in $PATH)
#   RVMM_VMLINUX  the guest's vmlinux
#   RVMM_MEM      QEMU's mem-path (-object memory-backend-file,...,
#                 share=on -machine memory-backend=...)
#
# Identity: every rvmm- command first checks that the guest runs the
# build GDB's vmlinux describes (its linux_banner, read physically through
# the guest's own page tables, against the banner in the vmlinux file, read
# through a clone of the inferior that has no target: GDB then reads the
# file's sections) and refuses to answer otherwise.  KASLR kernels are
# refused the same way while GDB's symbols are link-time addresses: run
# rvmm-kaslr once, which finds the offset in guest memory (physical reads)
# and reloads the symbols there (symbol-file -o OFFSET).
#
# Kernel configs differ: fields and enumerators that only some kernels
# have (struct page's memcg_data without CONFIG_MEMCG, struct ptdesc
# before 6.6, enum pagetype before 6.12, SECTION_TAINT_ZONE_DEVICE_BIT
# without CONFIG_ZONE_DEVICE) are probed once (ptype / info types through
# a shell pipe and $_shell_exitcode) and skipped with a note when absent.

# Probed facts about the vmlinux; sourcing the file again probes again.
set $rvmm_probed = 0

# ---------------------------------------------------------------------
# Internal helpers (documented, so that help user-defined shows them too)

define rvmm-restore
  pipe maintenance packet Qqemu.PhyMemMode:0 | cat >/dev/null
end
document rvmm-restore
Switch QEMU's gdbstub back to virtual-memory mode.
Switch QEMU's gdbstub back to virtual-memory mode (Qqemu.PhyMemMode:0).
The rvmm- commands do this after every read; use it only after ^C.
end

define rvmm-phys-read64
  # The address is evaluated before the switch: a bad expression fails
  # while the gdbstub is still in virtual mode.
  set $rvmm_rd_pa = (unsigned long)($arg0)
  pipe maintenance packet Qqemu.PhyMemMode:1 | cat >/dev/null
  set $rvmm_val = *(unsigned long *)$rvmm_rd_pa
  pipe maintenance packet Qqemu.PhyMemMode:0 | cat >/dev/null
end
document rvmm-phys-read64
rvmm-phys-read64 PA: read the 64-bit word at physical PA into $rvmm_val.
rvmm-phys-read64 PA: read the 64-bit word at physical address PA into
$rvmm_val (QEMU physical-memory mode around this one read).  PA is one
word for GDB's argument splitting: a variable, or an expression without
spaces.
end

define rvmm-level-name
  # $arg0: level index (0 = root); names as in the kernel's pgtable.h,
  # the rule of walk.c rvmm_level_name (the root is PGD in every mode)
  if $arg0 == 0
    echo PGD
  else
    set $rvmm_ln = $arg0 + 5 - $rvmm_levels
    if $rvmm_ln == 1
      echo P4D
    end
    if $rvmm_ln == 2
      echo PUD
    end
    if $rvmm_ln == 3
      echo PMD
    end
    if $rvmm_ln == 4
      echo PTE
    end
  end
end
document rvmm-level-name
rvmm-level-name N: print the name of page-table level N.
rvmm-level-name N: print the name of page-table level N (0 = root) in the
current paging mode (PGD, P4D, PUD, PMD, PTE).
end

define rvmm-pte-bits
  set $rvmm_b = (unsigned long)($arg0)
  if $rvmm_b & 1
    echo V
  else
    echo -
  end
  if $rvmm_b & 2
    echo \ R
  else
    echo \ -
  end
  if $rvmm_b & 4
    echo \ W
  else
    echo \ -
  end
  if $rvmm_b & 8
    echo \ X
  else
    echo \ -
  end
  if $rvmm_b & 0x10
    echo \ U
  else
    echo \ -
  end
  if $rvmm_b & 0x20
    echo \ G
  else
    echo \ -
  end
  if $rvmm_b & 0x40
    echo \ A
  else
    echo \ -
  end
  if $rvmm_b & 0x80
    echo \ D
  else
    echo \ -
  end
  if ($rvmm_b >> 61) & 3
    printf " PBMT=%lu", ($rvmm_b >> 61) & 3
  end
  if $rvmm_b >> 63
    echo \ N
  end
end
document rvmm-pte-bits
rvmm-pte-bits ENTRY: print the bits of a page-table entry.
rvmm-pte-bits ENTRY: print the V R W X U G A D bits of a page-table entry
(plus Svpbmt and Svnapot bits when set).
end

define rvmm-status-name
  # $arg0: a $rvmm_status; the words of walk.c rvmm_xlate_status_str
  if $arg0 == 0
    echo ok
  end
  if $arg0 == 1
    echo not mapped
  end
  if $arg0 == 2
    echo table outside memory
  end
  if $arg0 == 3
    echo table page not in dump
  end
  if $arg0 == 4
    echo non-canonical address
  end
  if $arg0 == 5
    echo reserved PTE encoding
  end
  if $arg0 == 6
    echo misaligned or bad NAPOT leaf
  end
end
document rvmm-status-name
rvmm-status-name N: print the name of translation status N.
rvmm-status-name N: print the name of a $rvmm_status (enum
rvmm_xlate_status in extension/core/rvmm.h: 0 ok, 1 not mapped, 4
non-canonical address, 5 reserved PTE encoding, 6 misaligned or bad
NAPOT leaf) as walk.c's rvmm_xlate_status_str names it.
end

define rvmm-walk
  # $arg0 root PA, $arg1 VA, $arg2 1 = print every level.
  # Out: $rvmm_ok (1 translated), $rvmm_status, $rvmm_pa, $rvmm_leaf_size.
  # Mirrors walk.c rvmm_translate step by step; the rule each step
  # follows is named beside it.
  set $rvmm_w_table = (unsigned long)($arg0)
  set $rvmm_w_va = (unsigned long)($arg1)
  set $rvmm_w_lvl = 0
  set $rvmm_ok = 0
  # walk.c rvmm_translate: a walk that runs out of levels is "not mapped"
  set $rvmm_status = 1
  set $rvmm_w_more = 1
  while $rvmm_w_more
    # walk.c level_shift: 12 + 9 bits per level below this one
    set $rvmm_w_shift = 12 + 9 * ($rvmm_levels - 1 - $rvmm_w_lvl)
    set $rvmm_w_idx = ($rvmm_w_va >> $rvmm_w_shift) & 511
    set $rvmm_w_epa = $rvmm_w_table + 8 * $rvmm_w_idx
    rvmm-phys-read64 $rvmm_w_epa
    set $rvmm_w_e = $rvmm_val
    if $arg2
      printf "  "
      rvmm-level-name $rvmm_w_lvl
      printf " table 0x%016lx [%3lu] @0x%016lx = 0x%016lx  ", $rvmm_w_table, $rvmm_w_idx, $rvmm_w_epa, $rvmm_w_e
      rvmm-pte-bits $rvmm_w_e
      echo \n
    end
    set $rvmm_w_more = 0
    # pte.c rvmm_pte_decode: V clear is RVMM_PTE_NONE, whatever else is set
    if ($rvmm_w_e & 1) == 0
      set $rvmm_status = 1
      if $arg2
        echo \ \ not mapped (V clear)\n
      end
    else
      # pte.c rvmm_pte_decode: the PFN is bits 53:10 (RVMM_PTE_PFN_MASK)
      set $rvmm_w_pfn = ($rvmm_w_e >> 10) & ((1UL << 44) - 1)
      # walk.c is_reserved, over pte.c rvmm_pte_decode's reserved_wx,
      # reserved_bits (RVMM_PTE_RSVD_MASK) and pbmt == RVMM_PBMT_RSVD:
      # for a table entry as for a leaf, the MMU faults, so does the walk
      set $rvmm_w_rsvd = 0
      if ($rvmm_w_e & 0x6) == 0x4
        set $rvmm_w_rsvd = 1
      end
      if ($rvmm_w_e >> 54) & 0x7f
        set $rvmm_w_rsvd = 2
      end
      if (($rvmm_w_e >> 61) & 3) == 3
        set $rvmm_w_rsvd = 3
      end
      if $rvmm_w_rsvd
        set $rvmm_status = 5
        if $arg2
          # walk.c rvmm_anomaly_str(RVMM_AN_RESERVED), and which part
          echo \ \ reserved PTE encoding
          if $rvmm_w_rsvd == 1
            echo \ (W without R)\n
          end
          if $rvmm_w_rsvd == 2
            echo \ (bits 60:54 set)\n
          end
          if $rvmm_w_rsvd == 3
            echo \ (PBMT=3)\n
          end
        end
      else
      # pte.c rvmm_pte_decode: a leaf is any entry with R, W or X
      if ($rvmm_w_e & 0xe) != 0
        # walk.c rvmm_level_size: the leaf maps its level's size
        set $rvmm_leaf_size = 1UL << $rvmm_w_shift
        set $rvmm_w_bad = 0
        if $rvmm_w_e >> 63
          # walk.c check_leaf: Svnapot defines only 64 KiB (order 4, pfn
          # bits 3:0 = 1000, pte.c's napot_order) at the PTE level
          if $rvmm_w_lvl != $rvmm_levels - 1 || ($rvmm_w_pfn & 0xf) != 8
            set $rvmm_w_bad = 1
          else
            set $rvmm_leaf_size = 0x10000
            set $rvmm_w_pfn = $rvmm_w_pfn & ~0xfUL
          end
        else
          # walk.c check_leaf: a superpage's PFN is aligned to its size
          if $rvmm_w_pfn & (($rvmm_leaf_size >> 12) - 1)
            set $rvmm_w_bad = 2
          end
        end
        if $rvmm_w_bad
          set $rvmm_status = 6
          if $arg2
            # walk.c rvmm_anomaly_str: RVMM_AN_BAD_NAPOT, RVMM_AN_MISALIGNED
            if $rvmm_w_bad == 1
              echo \ \ bad NAPOT leaf\n
            else
              echo \ \ misaligned superpage leaf\n
            end
          end
        else
          # walk.c rvmm_translate: the leaf's base plus the VA's offset
          set $rvmm_pa = ($rvmm_w_pfn << 12) + ($rvmm_w_va & ($rvmm_leaf_size - 1))
          set $rvmm_leaf_level = $rvmm_w_lvl
          set $rvmm_ok = 1
          set $rvmm_status = 0
        end
      else
        # walk.c rvmm_translate: a table entry at the last level is
        # reserved (RVMM_XL_RESERVED)
        if $rvmm_w_lvl == $rvmm_levels - 1
          set $rvmm_status = 5
          if $arg2
            echo \ \ reserved PTE encoding (a table entry at the last level)\n
          end
        else
          set $rvmm_w_table = $rvmm_w_pfn << 12
          set $rvmm_w_lvl = $rvmm_w_lvl + 1
          set $rvmm_w_more = 1
        end
      end
      end
    end
  end
end
document rvmm-walk
rvmm-walk ROOT-PA VA VERBOSE: walk VA from the table at ROOT-PA.
rvmm-walk ROOT-PA VA VERBOSE: walk VA through the page tables rooted at
physical address ROOT-PA (physical reads only), with the C walker's rules
(extension/core/walk.c rvmm_translate, pte.c rvmm_pte_decode): reserved
encodings (W without R, bits 60:54, PBMT=3, a table entry at the last
level) and misaligned superpages or bad NAPOT leaves stop the walk as the
MMU would fault.  Sets $rvmm_ok, $rvmm_status (see rvmm-status-name),
$rvmm_pa, $rvmm_leaf_size, $rvmm_leaf_level; prints every level when
VERBOSE is 1.
end

define rvmm-file-banner
  # A clone of the current inferior has the same vmlinux and no target:
  # reads in it come from the file's sections, not from the guest.  The
  # banner is kept as words ($rvmm_fb0, $rvmm_fb1, ...): a convenience
  # variable set from an array in memory keeps only its address.
  set $rvmm_bsz = sizeof(linux_banner)
  set $rvmm_bwords = ($rvmm_bsz + 7) / 8
  set $rvmm_file_banner_ok = 0
  set $rvmm_cur_inf = $_inferior
  pipe clone-inferior | awk '/Added inferior/ { n = $3 + 0 } END { exit n }'
  set $rvmm_file_inf = $_shell_exitcode
  if $rvmm_file_inf > 0
    eval "pipe inferior %d | cat >/dev/null", $rvmm_file_inf
    # the clone loads the symbols anew, at their link-time addresses
    set $rvmm_link_banner = (unsigned long)&linux_banner
    set $rvmm_i = 0
    while $rvmm_i < $rvmm_bwords
      eval "set $rvmm_fb%d = ((unsigned long *)&linux_banner)[%d]", $rvmm_i, $rvmm_i
      set $rvmm_i = $rvmm_i + 1
    end
    eval "pipe inferior %d | cat >/dev/null", $rvmm_cur_inf
    eval "pipe remove-inferiors %d | cat >/dev/null", $rvmm_file_inf
    set $rvmm_file_banner_ok = 1
  end
end
document rvmm-file-banner
Read the vmlinux's own linux_banner from the file into $rvmm_fb0...
Read linux_banner as the vmlinux file holds it (through a clone of the
current inferior, which has no target) into $rvmm_fb0, $rvmm_fb1, ...
($rvmm_bwords words); $rvmm_file_banner_ok says whether it worked.
end

define rvmm-probe
  # struct page: memcg_data exists only with CONFIG_MEMCG
  pipe ptype struct page | grep -qw memcg_data
  set $rvmm_has_memcg_data = $_shell_exitcode == 0
  # struct ptdesc (6.6+) and enum pagetype with PGTY_table (6.12+)
  pipe -d @@ info types ^\(ptdesc\|pagetype\)$ @@ awk '/struct ptdesc;/ { p = 1 } /enum pagetype;/ { t = 2 } END { exit p + t }'
  set $rvmm_has_ptdesc = $_shell_exitcode & 1
  set $rvmm_has_pgty = ($_shell_exitcode & 2) != 0
  rvmm-file-banner
  set $rvmm_probed = 1
end
document rvmm-probe
Probe which optional fields the vmlinux has (run once by rvmm-init).
Probe the vmlinux once for what only some kernels have: struct page's
memcg_data (CONFIG_MEMCG) into $rvmm_has_memcg_data, struct ptdesc into
$rvmm_has_ptdesc, enum pagetype (PGTY_table, 6.12+) into $rvmm_has_pgty;
and read the file's linux_banner (rvmm-file-banner).  Sourcing rvmm.gdb
again probes again.
end

define rvmm-print-banner
  # $arg0: fb (the file's words) or gb (the guest's)
  set $rvmm_i = 0
  set $rvmm_pb_more = 1
  while $rvmm_i < $rvmm_bwords && $rvmm_pb_more
    eval "set $rvmm_pb_w = $rvmm_$arg0%d", $rvmm_i
    set $rvmm_j = 0
    while $rvmm_j < 8 && $rvmm_pb_more
      set $rvmm_c = ($rvmm_pb_w >> (8 * $rvmm_j)) & 0xff
      if $rvmm_c == 0 || $rvmm_c == 10 || 8 * $rvmm_i + $rvmm_j >= $rvmm_bsz
        set $rvmm_pb_more = 0
      else
        if $rvmm_c < 32 || $rvmm_c > 126
          printf "\\x%02x", $rvmm_c
        else
          printf "%c", $rvmm_c
        end
      end
      set $rvmm_j = $rvmm_j + 1
    end
    set $rvmm_i = $rvmm_i + 1
  end
  echo \n
end
document rvmm-print-banner
rvmm-print-banner fb|gb: print the file's or the guest's banner words.
rvmm-print-banner fb|gb: print the banner kept as words by
rvmm-file-banner (fb) or rvmm-check-banner (gb), up to its newline.
end

define rvmm-check-banner
  # $rvmm_root and $rvmm_levels are set.  Out: $rvmm_same_build.
  set $rvmm_same_build = 0
  rvmm-walk $rvmm_root &linux_banner 0
  if !$rvmm_file_banner_ok
    echo rvmm: cannot read linux_banner from the vmlinux file: cannot tell whether it is the guest's kernel; refusing\n
  else
    if !$rvmm_ok
      printf "rvmm: linux_banner (0x%lx) is not mapped in the guest: not the guest's kernel, or a KASLR kernel (run rvmm-kaslr); refusing\n", &linux_banner
    else
      # the guest's words, all read in one physical-mode window
      set $rvmm_bpa = $rvmm_pa
      set $rvmm_i = 0
      pipe maintenance packet Qqemu.PhyMemMode:1 | cat >/dev/null
      while $rvmm_i < $rvmm_bwords
        eval "set $rvmm_gb%d = *(unsigned long *)%lu", $rvmm_i, $rvmm_bpa + 8 * $rvmm_i
        set $rvmm_i = $rvmm_i + 1
      end
      pipe maintenance packet Qqemu.PhyMemMode:0 | cat >/dev/null
      set $rvmm_same_build = 1
      set $rvmm_i = 0
      while $rvmm_i < $rvmm_bwords
        eval "set $rvmm_cb_diff = $rvmm_fb%d ^ $rvmm_gb%d", $rvmm_i, $rvmm_i
        # the last word only as far as the array goes
        if 8 * $rvmm_i + 8 > $rvmm_bsz
          set $rvmm_cb_diff = $rvmm_cb_diff & ((1UL << (8 * ($rvmm_bsz - 8 * $rvmm_i))) - 1)
        end
        if $rvmm_cb_diff
          set $rvmm_same_build = 0
        end
        set $rvmm_i = $rvmm_i + 1
      end
      if !$rvmm_same_build
        echo rvmm: the vmlinux is not the guest's kernel; refusing to answer\n
        printf "  vmlinux: "
        rvmm-print-banner fb
        if ($rvmm_gb0 & 0xffffffffffffff) == 0x762078756e694c
          printf "  guest:   "
          rvmm-print-banner gb
        else
          printf "  guest:   no banner at linux_banner's address (PA 0x%lx): another build, or KASLR (run rvmm-kaslr)\n", $rvmm_bpa
        end
      end
    end
  end
end
document rvmm-check-banner
Check that the guest runs the vmlinux's build (run by rvmm-init).
Compare linux_banner in the guest (its address walked through satp's
tables, read physically, word by word) with the words rvmm-file-banner
read from the vmlinux file; print both and set $rvmm_same_build to 0 when
they differ.
end

define rvmm-init
  rvmm-restore
  set $rvmm_inited = 0
  if !$rvmm_probed
    rvmm-probe
  end
  # Paging mode from satp, then kernel_map found by walking its VA with
  # physical reads: nothing here depends on the CPU's current mode.
  set $rvmm_satp = (unsigned long)$satp
  set $rvmm_satp_mode = $rvmm_satp >> 60
  set $rvmm_levels = $rvmm_satp_mode - 5
  set $rvmm_same_build = 0
  if $rvmm_satp_mode < 8 || $rvmm_satp_mode > 10
    printf "rvmm: satp 0x%016lx has mode %lu: paging is off\n", $rvmm_satp, $rvmm_satp_mode
    set $rvmm_levels = 0
  else
    set $rvmm_va_bits = 39 + 9 * ($rvmm_levels - 3)
    set $rvmm_root = ($rvmm_satp & ((1UL << 44) - 1)) << 12
    rvmm-check-banner
  end
  if $rvmm_same_build
    rvmm-walk $rvmm_root &kernel_map 0
    if !$rvmm_ok
      echo rvmm: kernel_map does not translate through satp's tables\n
    else
      set $rvmm_km_pa = $rvmm_pa
      pipe maintenance packet Qqemu.PhyMemMode:1 | cat >/dev/null
      set $rvmm_km = *(struct kernel_mapping *)$rvmm_km_pa
      pipe maintenance packet Qqemu.PhyMemMode:0 | cat >/dev/null
      set $rvmm_page_offset = (unsigned long)$rvmm_km.page_offset
      set $rvmm_va_pa_offset = (unsigned long)$rvmm_km.va_pa_offset
      set $rvmm_kimg_offset = (unsigned long)$rvmm_km.va_kernel_pa_offset
      set $rvmm_kimg_va = (unsigned long)$rvmm_km.virt_addr
      set $rvmm_swapper_pa = (unsigned long)&swapper_pg_dir - $rvmm_kimg_offset
      set $rvmm_tmp = (unsigned long)&vmemmap_start_pfn - $rvmm_kimg_offset
      rvmm-phys-read64 $rvmm_tmp
      set $rvmm_vmemmap_start_pfn = $rvmm_val
      # pgtable.h: VMALLOC_START = PAGE_OFFSET - KERN_VIRT_SIZE / 2,
      # VMEMMAP_START = VMALLOC_START - VMEMMAP_SIZE,
      # VMEMMAP_SIZE = 1 << (VA_BITS - PAGE_SHIFT - 1 + STRUCT_PAGE_MAX_SHIFT)
      set $rvmm_kern_virt_size = (256UL << (12 + 9 * ($rvmm_levels - 1))) >> 1
      set $rvmm_vmalloc_start = $rvmm_page_offset - ($rvmm_kern_virt_size >> 1)
      set $rvmm_spms = 0
      while (1UL << $rvmm_spms) < sizeof(struct page)
        set $rvmm_spms = $rvmm_spms + 1
      end
      set $rvmm_vmemmap_start = $rvmm_vmalloc_start - (1UL << ($rvmm_va_bits - 12 - 1 + $rvmm_spms))
      set $rvmm_vmemmap = $rvmm_vmemmap_start - $rvmm_vmemmap_start_pfn * sizeof(struct page)
      set $rvmm_inited = 1
    end
  end
end
document rvmm-init
Read the layout the rvmm- commands need (run by each of them).
Read the layout rvmm- commands need: paging mode from satp, the
identity check (rvmm-check-banner), kernel_map (found by walking its
address through satp's tables with physical reads), swapper_pg_dir's PA
and the vmemmap base (VMEMMAP_START from pgtable.h, minus
vmemmap_start_pfn).  Every rvmm- command runs it first and answers only
when it sets $rvmm_inited.
end

define rvmm-kva-to-pa
  # Kernel image by formula, everything else by a walk of swapper_pg_dir.
  set $rvmm_kva = (unsigned long)($arg0)
  if $rvmm_kva >= $rvmm_kimg_va
    set $rvmm_pa = $rvmm_kva - $rvmm_kimg_offset
    set $rvmm_ok = 1
  else
    rvmm-walk $rvmm_swapper_pa $rvmm_kva 0
  end
end
document rvmm-kva-to-pa
rvmm-kva-to-pa VA: kernel VA to PA, result in $rvmm_pa.
rvmm-kva-to-pa VA: kernel VA to PA in $rvmm_pa ($rvmm_ok 1 on success):
the kernel image by kernel_map.va_kernel_pa_offset, anything else by a
walk of swapper_pg_dir.
end

# ---------------------------------------------------------------------
# Commands

define rvmm-kaslr
  # riscv64 KASLR moves only the image's virtual address: the image stays
  # where the boot loader put it (2 MiB aligned) and kernel_map sits at the
  # same offset from it as in the file.  Find the image by its banner
  # (physical reads of 2 MiB-aligned RAM addresses, RAM + 2 MiB first, as
  # rvmm-live does), read kernel_map beside it: the offset is
  # kernel_map.virt_addr - the link-time _start.  Differences of two
  # symbols are the same whatever offset GDB's symbols have; the link-time
  # banner address comes from the file (rvmm-file-banner's clone).
  rvmm-restore
  if !$rvmm_probed
    rvmm-probe
  end
  set $rvmm_kaslr_ok = 0
  if !$rvmm_file_banner_ok
    echo rvmm-kaslr: cannot read linux_banner from the vmlinux file; no offset\n
  else
    set $rvmm_sym_off = (unsigned long)&linux_banner - $rvmm_link_banner
    set $rvmm_banner_rel = (unsigned long)&linux_banner - (unsigned long)&_start
    set $rvmm_kmap_rel = (unsigned long)&kernel_map - (unsigned long)&_start
    set $rvmm_link_start = (unsigned long)&_start - $rvmm_sym_off
    set $rvmm_img_pa = 0
    set $rvmm_cand = 0x80200000
    set $rvmm_k = -1
    while $rvmm_img_pa == 0 && $rvmm_k < 512
      if $rvmm_k >= 0
        set $rvmm_cand = 0x80000000 + ($rvmm_k << 21)
      end
      set $rvmm_tmp = $rvmm_cand + $rvmm_banner_rel
      rvmm-phys-read64 $rvmm_tmp
      if $rvmm_val == $rvmm_fb0
        # the whole banner, word by word (the build time is in it)
        set $rvmm_same = 1
        set $rvmm_i = 1
        while $rvmm_i < $rvmm_bwords && $rvmm_same
          set $rvmm_tmp = $rvmm_cand + $rvmm_banner_rel + 8 * $rvmm_i
          rvmm-phys-read64 $rvmm_tmp
          eval "set $rvmm_cb_diff = $rvmm_fb%d ^ $rvmm_val", $rvmm_i
          if 8 * $rvmm_i + 8 > $rvmm_bsz
            set $rvmm_cb_diff = $rvmm_cb_diff & ((1UL << (8 * ($rvmm_bsz - 8 * $rvmm_i))) - 1)
          end
          if $rvmm_cb_diff
            set $rvmm_same = 0
          end
          set $rvmm_i = $rvmm_i + 1
        end
        if $rvmm_same
          set $rvmm_img_pa = $rvmm_cand
        end
      end
      set $rvmm_k = $rvmm_k + 1
    end
    if $rvmm_img_pa == 0
      echo rvmm-kaslr: the vmlinux's linux_banner is at no 2 MiB-aligned image address in the first GiB of RAM: the guest does not run this build\n
    else
      set $rvmm_km_pa = $rvmm_img_pa + $rvmm_kmap_rel
      pipe maintenance packet Qqemu.PhyMemMode:1 | cat >/dev/null
      set $rvmm_km = *(struct kernel_mapping *)$rvmm_km_pa
      pipe maintenance packet Qqemu.PhyMemMode:0 | cat >/dev/null
      set $rvmm_kaslr = (unsigned long)$rvmm_km.virt_addr - $rvmm_link_start
      if (unsigned long)$rvmm_km.phys_addr != $rvmm_img_pa || (unsigned long)$rvmm_km.va_kernel_pa_offset != (unsigned long)$rvmm_km.virt_addr - $rvmm_img_pa || ($rvmm_kaslr & 0x1fffff)
        printf "rvmm-kaslr: kernel_map at PA 0x%lx is not consistent (virt_addr 0x%lx, phys_addr 0x%lx, va_kernel_pa_offset 0x%lx; image at PA 0x%lx); no offset\n", $rvmm_km_pa, $rvmm_km.virt_addr, $rvmm_km.phys_addr, $rvmm_km.va_kernel_pa_offset, $rvmm_img_pa
      else
        printf "image at PA 0x%lx, kernel_map.virt_addr 0x%lx: KASLR offset 0x%lx\n", $rvmm_img_pa, $rvmm_km.virt_addr, $rvmm_kaslr
        if $rvmm_kaslr == $rvmm_sym_off
          printf "GDB's symbols are already at that offset\n"
          set $rvmm_kaslr_ok = 1
        else
          rvmm-kaslr-reload
        end
      end
    end
  end
end
define rvmm-kaslr-reload
  # symbol-file -o needs the vmlinux's path, which only `info files`
  # shows: a shell writes the command into a file named after GDB's pid
  # (the pipe shell's $PPID), and GDB learns that pid byte by byte
  # through $_shell_exitcode.
  eval "pipe info files | sed -n 's/^Symbols from \"\\(.*\\)\"\\.$/symbol-file -o 0x%lx \"\\1\"/p' | (f=/tmp/rvmm-kaslr-$PPID.gdb; rm -f $f; umask 077; set -C; cat >$f)", $rvmm_kaslr
  pipe echo | exit $((PPID & 255))
  set $rvmm_gdb_pid = $_shell_exitcode
  pipe echo | exit $(((PPID >> 8) & 255))
  set $rvmm_gdb_pid = $rvmm_gdb_pid + ($_shell_exitcode << 8)
  pipe echo | exit $(((PPID >> 16) & 255))
  set $rvmm_gdb_pid = $rvmm_gdb_pid + ($_shell_exitcode << 16)
  set $rvmm_confirm = $_gdb_setting("confirm")
  set confirm off
  eval "source /tmp/rvmm-kaslr-%d.gdb", $rvmm_gdb_pid
  if $rvmm_confirm
    set confirm on
  end
  pipe echo | rm -f /tmp/rvmm-kaslr-$PPID.gdb
  if (unsigned long)&linux_banner - $rvmm_link_banner == $rvmm_kaslr
    printf "symbols reloaded at offset 0x%lx (symbol-file -o 0x%lx); the rvmm- commands now answer\n", $rvmm_kaslr, $rvmm_kaslr
    set $rvmm_kaslr_ok = 1
  else
    printf "rvmm-kaslr: could not reload the symbols; type: symbol-file -o 0x%lx VMLINUX\n", $rvmm_kaslr
  end
end
document rvmm-kaslr-reload
rvmm-kaslr-reload: reload the symbols at offset $rvmm_kaslr (rvmm-kaslr).
rvmm-kaslr-reload: run symbol-file -o $rvmm_kaslr on the vmlinux GDB has
loaded (its path from `info files`, through a generated script in /tmp);
prints the command to type when that did not work.
end
document rvmm-kaslr
rvmm-kaslr: find the KASLR offset in guest memory and reload the symbols.
rvmm-kaslr: on a kernel with RANDOMIZE_BASE, GDB's symbols are link-time
addresses and every rvmm- command refuses.  riscv64 KASLR moves only the
virtual address of the image: rvmm-kaslr finds the image in guest RAM (the
vmlinux's linux_banner, word for word, at a 2 MiB-aligned address, RAM + 2
MiB first; physical reads), reads kernel_map beside it (checked: phys_addr
is the image found, va_kernel_pa_offset = virt_addr - phys_addr), takes
the offset kernel_map.virt_addr - the link-time _start, and reloads the
vmlinux's symbols there (symbol-file -o OFFSET; the vmlinux's path from
`info files`).  Then the identity check and every rvmm- command work.
Says so when the symbols already have that offset (0 on a kernel without
KASLR); prints the symbol-file command to type if the reload failed.
end

define rvmm-satp
  rvmm-init
  if $rvmm_inited
    printf "satp 0x%016lx: mode %lu", $rvmm_satp, $rvmm_satp_mode
    if $rvmm_satp_mode == 8
      echo \ (Sv39)
    end
    if $rvmm_satp_mode == 9
      echo \ (Sv48)
    end
    if $rvmm_satp_mode == 10
      echo \ (Sv57)
    end
    printf ", ASID 0x%lx, root PPN 0x%lx (PA 0x%lx)\n", ($rvmm_satp >> 44) & 0xffff, $rvmm_satp & ((1UL << 44) - 1), ($rvmm_satp & ((1UL << 44) - 1)) << 12
    if $rvmm_root == $rvmm_swapper_pa
      printf "root: swapper_pg_dir (PA 0x%lx)\n", $rvmm_swapper_pa
    else
      printf "root: a process page table (swapper_pg_dir is at PA 0x%lx)\n", $rvmm_swapper_pa
    end
    set $rvmm_l5 = pgtable_l5_enabled
    set $rvmm_l4 = pgtable_l4_enabled
    printf "kernel: pgtable_l4_enabled %d, pgtable_l5_enabled %d: ", $rvmm_l4, $rvmm_l5
    if $rvmm_levels == 3 + $rvmm_l4 + $rvmm_l5
      printf "agrees with satp (%lu levels, VA_BITS %lu)\n", $rvmm_levels, $rvmm_va_bits
    else
      echo DISAGREES with satp\n
    end
  end
end
document rvmm-satp
rvmm-satp: decode satp (mode, ASID, root) and check it against the kernel.
Decode satp of the current CPU: MODE (8 Sv39, 9 Sv48, 10 Sv57), ASID and
root page-table PPN; say whether the root is swapper_pg_dir, and check the
mode against the kernel's pgtable_l4_enabled / pgtable_l5_enabled.
Note: pgtable_l*_enabled are read with a normal (virtual) GDB read.
end

define rvmm-vtop
  rvmm-init
  if $rvmm_inited
    set $rvmm_va = (unsigned long)($arg0)
    # walk.c rvmm_translate: canonical means bits 63..VA_BITS-1 all
    # equal (rvmm_sign_extend(va, va_bits) == va); no walk otherwise
    set $rvmm_hi = $rvmm_va >> ($rvmm_va_bits - 1)
    if $rvmm_hi != 0 && $rvmm_hi != (1UL << (65 - $rvmm_va_bits)) - 1
      set $rvmm_ok = 0
      set $rvmm_status = 4
      printf "VA 0x%016lx: non-canonical address in Sv%lu (bits 63-%lu must all equal bit %lu); no walk\n", $rvmm_va, $rvmm_va_bits, $rvmm_va_bits, $rvmm_va_bits - 1
    else
      rvmm-vtop-walk
    end
  end
end
define rvmm-vtop-walk
  if $rvmm_va >> 63
    set $rvmm_vroot = $rvmm_swapper_pa
    printf "VA 0x%016lx through swapper_pg_dir (PA 0x%lx), %lu levels\n", $rvmm_va, $rvmm_vroot, $rvmm_levels
  else
    set $rvmm_vroot = $rvmm_root
    printf "VA 0x%016lx through satp's root (PA 0x%lx), %lu levels\n", $rvmm_va, $rvmm_vroot, $rvmm_levels
  end
  rvmm-walk $rvmm_vroot $rvmm_va 1
  if $rvmm_ok
    printf "  -> PA 0x%016lx via a %lu KiB leaf at ", $rvmm_pa, $rvmm_leaf_size >> 10
    rvmm-level-name $rvmm_leaf_level
    echo \n
  else
    # the status as cmd_vtop.c prints it: walk.c rvmm_xlate_status_str
    printf "  -> "
    rvmm-status-name $rvmm_status
    echo \n
  end
  if $rvmm_va >= $rvmm_page_offset && $rvmm_va < $rvmm_kimg_va - (2UL << 30)
    printf "  linear-map formula gives PA 0x%016lx\n", $rvmm_va - $rvmm_va_pa_offset
  end
  if $rvmm_va >= $rvmm_vmemmap_start && $rvmm_va < $rvmm_vmalloc_start
    printf "  inside the struct page of pfn 0x%lx\n", ($rvmm_va - $rvmm_vmemmap) / sizeof(struct page)
  end
end
document rvmm-vtop-walk
rvmm-vtop-walk: the walk and the lines of rvmm-vtop for $rvmm_va.
rvmm-vtop-walk: the walk and the lines of rvmm-vtop for the canonical
address in $rvmm_va (rvmm-init must have run).
end
document rvmm-vtop
rvmm-vtop ADDR: walk ADDR through the page tables, every level shown.
rvmm-vtop ADDR: translate ADDR through the kernel page tables
(swapper_pg_dir for kernel addresses, satp's root for user ones), showing
every level: table PA, index, entry PA, entry value and its bits; then the
PA, the leaf size, and for linear-map / vmemmap addresses what the formula
gives and whose struct page it is.  An address that is not canonical in
the current mode (bits 63..VA_BITS-1 not all equal, as in the core's
walk) is reported as non-canonical without a walk.  Physical reads only.
end

define rvmm-page
  rvmm-init
  if $rvmm_inited
    set $rvmm_pfn = (unsigned long)($arg0)
    set $rvmm_page_va = $rvmm_vmemmap + $rvmm_pfn * sizeof(struct page)
    rvmm-walk $rvmm_swapper_pa $rvmm_page_va 0
    if !$rvmm_ok
      printf "pfn 0x%lx: struct page 0x%016lx is not mapped in vmemmap\n", $rvmm_pfn, $rvmm_page_va
    else
      rvmm-page-decode
    end
  end
end
define rvmm-page-decode
  set $rvmm_page_pa = $rvmm_pa
  # one read each, with the vmlinux's own types (only those it has)
  pipe maintenance packet Qqemu.PhyMemMode:1 | cat >/dev/null
  set $rvmm_pg = *(struct page *)$rvmm_page_pa
  pipe maintenance packet Qqemu.PhyMemMode:0 | cat >/dev/null
  if $rvmm_has_ptdesc
    pipe maintenance packet Qqemu.PhyMemMode:1 | cat >/dev/null
    set $rvmm_pt = *(struct ptdesc *)$rvmm_page_pa
    pipe maintenance packet Qqemu.PhyMemMode:0 | cat >/dev/null
    set $rvmm_hp = (unsigned long)$rvmm_pt.pmd_huge_pte
    set $rvmm_ty = (unsigned int)$rvmm_pt.__page_type
  else
    set $rvmm_hp = (unsigned long)$rvmm_pg.pmd_huge_pte
    set $rvmm_ty = (unsigned int)$rvmm_pg.page_type
  end
  set $rvmm_refs = (int)$rvmm_pg._refcount.counter
  printf "pfn 0x%lx  struct page 0x%016lx (PA 0x%lx)\n", $rvmm_pfn, $rvmm_page_va, $rvmm_page_pa
  printf "  flags          0x%016lx\n", $rvmm_pg.flags
  printf "  lru.next       0x%016lx\n", $rvmm_pg.lru.next
  printf "  pmd_huge_pte   0x%016lx", $rvmm_hp
  if $rvmm_hp == 0
    echo \ \ (NULL: what pagetable_pmd_ctor leaves)\n
  else
    if $rvmm_hp == 0xdead000000000122
      echo \ \ (LIST_POISON2: from the buddy allocator, no ctor)\n
    else
      if $rvmm_hp == $rvmm_page_va + 8
        echo \ \ (&page->lru: a memblock page, no ctor)\n
      else
        echo \n
      end
    end
  end
  printf "  mapping        0x%016lx\n", $rvmm_pg.mapping
  printf "  index          0x%016lx\n", $rvmm_pg.index
  printf "  private/ptl    0x%016lx\n", $rvmm_pg.private
  printf "  page_type      0x%08x", $rvmm_ty
  # 6.12+: the type in the top byte (enum pagetype); before: not decoded
  set $rvmm_is_table = 0
  if $rvmm_ty == 0xffffffff
    echo \ \ (no type)\n
  else
    if $rvmm_has_pgty
      if ($rvmm_ty >> 24) == PGTY_table
        set $rvmm_is_table = 1
        echo \ \ (PGTY_table)\n
      else
        if ($rvmm_ty >> 24) == PGTY_buddy
          echo \ \ (PGTY_buddy: free)\n
        else
          printf "  (type byte 0x%x)\n", $rvmm_ty >> 24
        end
      end
    else
      echo \ \ (kernel before 6.12: no enum pagetype, not decoded)\n
    end
  end
  printf "  refcount       %d\n", $rvmm_refs
  if $rvmm_has_memcg_data
    printf "  memcg_data     0x%016lx\n", $rvmm_pg.memcg_data
  else
    echo \ \ memcg_data     (none: kernel without CONFIG_MEMCG)\n
  end
  if $rvmm_is_table && $rvmm_hp == 0
    echo \ \ as a page table: constructed (ctor ran: PGTY_table, pmd_huge_pte NULL)\n
  else
    if $rvmm_is_table
      echo \ \ as a page table: PGTY_table but pmd_huge_pte set: a PMD dtor would BUG\n
    else
      if $rvmm_ty == 0xffffffff && $rvmm_refs > 0
        echo \ \ as a page table: NOT constructed (no PGTY_table)
        if $rvmm_hp
          echo ; a PMD dtor would hit VM_BUG_ON_PAGE(ptdesc->pmd_huge_pte)\n
        else
          echo \n
        end
      else
        if $rvmm_has_pgty
          echo \ \ as a page table: not one (free or typed otherwise)\n
        else
          if $rvmm_hp
            echo \ \ as a page table: pmd_huge_pte set: a PMD dtor would hit VM_BUG_ON_PAGE(ptdesc->pmd_huge_pte)\n
          else
            echo \ \ as a page table: pmd_huge_pte NULL (page_type not decoded before 6.12)\n
          end
        end
      end
    end
  end
end
document rvmm-page-decode
rvmm-page-decode: the lines of rvmm-page for the struct page at $rvmm_pa.
rvmm-page-decode: read and print the struct page (and ptdesc) at physical
$rvmm_pa for $rvmm_pfn / $rvmm_page_va, with only the fields this
vmlinux has (rvmm-probe), and the verdict.
end
document rvmm-page
rvmm-page PFN: decode the struct page / struct ptdesc of PFN.
rvmm-page PFN: decode the struct page of PFN, also as a struct ptdesc,
with the vmlinux's own types (so any config's layout works): flags, lru,
pmd_huge_pte, mapping, index, private, page_type, refcount, memcg_data,
and whether it is a constructed page table (page_type PGTY_table and a NULL
pmd_huge_pte: Linux 6.12's top-byte page_type encoding).  The struct page
address is vmemmap + PFN * sizeof(struct page), vmemmap being VMEMMAP_START
(pgtable.h) - vmemmap_start_pfn * sizeof(struct page); it is translated by a
walk of swapper_pg_dir and read physically in one piece.  Fields only
some kernels have are read only when this vmlinux has them (rvmm-probe):
without CONFIG_MEMCG memcg_data is shown as absent, before 6.12 (no enum
pagetype) the page_type is not decoded and the verdict rests on
pmd_huge_pte, before 6.6 (no struct ptdesc) struct page's own fields are
used.  The verdict line is always printed.
end

define rvmm-section
  rvmm-init
  if $rvmm_inited
    rvmm-section-probe
    set $rvmm_nr = (unsigned long)($arg0)
    set $rvmm_per_root = 4096 / sizeof(struct mem_section)
    set $rvmm_pages_per_section = 1UL << (27 - 12)
    set $rvmm_tmp = (unsigned long)&mem_section - $rvmm_kimg_offset
    rvmm-phys-read64 $rvmm_tmp
    set $rvmm_roots = $rvmm_val
    set $rvmm_sec_ok = 0
    if $rvmm_roots
      set $rvmm_tmp = $rvmm_roots + 8 * ($rvmm_nr / $rvmm_per_root)
      rvmm-kva-to-pa $rvmm_tmp
      if $rvmm_ok
        rvmm-phys-read64 $rvmm_pa
        set $rvmm_root_va = $rvmm_val
        if $rvmm_root_va
          set $rvmm_ms_va = $rvmm_root_va + ($rvmm_nr % $rvmm_per_root) * sizeof(struct mem_section)
          rvmm-kva-to-pa $rvmm_ms_va
          if $rvmm_ok
            rvmm-phys-read64 $rvmm_pa
            set $rvmm_smm = $rvmm_val
            set $rvmm_sec_ok = 1
          end
        end
      end
    end
    if !$rvmm_sec_ok
      printf "section %lu: no mem_section (root not allocated)\n", $rvmm_nr
    else
      set $rvmm_start_pfn = $rvmm_nr * $rvmm_pages_per_section
      printf "section %lu: pfn 0x%lx-0x%lx, PA 0x%lx-0x%lx\n", $rvmm_nr, $rvmm_start_pfn, $rvmm_start_pfn + $rvmm_pages_per_section - 1, $rvmm_start_pfn << 12, (($rvmm_start_pfn + $rvmm_pages_per_section) << 12) - 1
      printf "  mem_section 0x%016lx: section_mem_map 0x%016lx\n", $rvmm_ms_va, $rvmm_smm
      echo \ \ flags:
      if $rvmm_smm & (1UL << SECTION_MARKED_PRESENT_BIT)
        echo \ present
      end
      if $rvmm_smm & (1UL << SECTION_HAS_MEM_MAP_BIT)
        echo \ has_mem_map
      end
      if $rvmm_smm & (1UL << SECTION_IS_ONLINE_BIT)
        echo \ online
      end
      if $rvmm_smm & (1UL << SECTION_IS_EARLY_BIT)
        echo \ early
      end
      if $rvmm_has_zone_device_bit
        if $rvmm_smm & (1UL << SECTION_TAINT_ZONE_DEVICE_BIT)
          echo \ zone_device
        end
      end
      echo \n
      set $rvmm_map = $rvmm_smm & ~((1UL << SECTION_MAP_LAST_BIT) - 1)
      if $rvmm_map
        set $rvmm_first = $rvmm_map + $rvmm_start_pfn * sizeof(struct page)
        set $rvmm_last = $rvmm_first + $rvmm_pages_per_section * sizeof(struct page)
        printf "  memmap 0x%016lx-0x%016lx", $rvmm_first, $rvmm_last
        if $rvmm_map == $rvmm_vmemmap
          echo \ (= vmemmap + pfn * sizeof(struct page))\n
        else
          printf " (DIFFERS from vmemmap 0x%lx)\n", $rvmm_vmemmap
        end
        echo \ \ backing:\n
        set $rvmm_sva = $rvmm_first
        while $rvmm_sva < $rvmm_last
          rvmm-walk $rvmm_swapper_pa $rvmm_sva 0
          if $rvmm_ok
            printf "    0x%016lx -> PA 0x%016lx (%lu KiB ", $rvmm_sva, $rvmm_pa, $rvmm_leaf_size >> 10
            rvmm-level-name $rvmm_leaf_level
            echo \ leaf)\n
            set $rvmm_sva = ($rvmm_sva & ~($rvmm_leaf_size - 1)) + $rvmm_leaf_size
          else
            printf "    0x%016lx not mapped\n", $rvmm_sva
            set $rvmm_sva = ($rvmm_sva & ~0x1fffffUL) + 0x200000
          end
        end
      end
    end
  end
end
define rvmm-section-probe
  # SECTION_TAINT_ZONE_DEVICE_BIT exists only with CONFIG_ZONE_DEVICE
  pipe ptype SECTION_MAP_LAST_BIT | grep -qw SECTION_TAINT_ZONE_DEVICE_BIT
  set $rvmm_has_zone_device_bit = $_shell_exitcode == 0
end
document rvmm-section-probe
rvmm-section-probe: which SECTION_* bits the vmlinux has.
rvmm-section-probe: set $rvmm_has_zone_device_bit when the vmlinux has
SECTION_TAINT_ZONE_DEVICE_BIT (CONFIG_ZONE_DEVICE).
end
document rvmm-section
rvmm-section N: decode mem_section N and the vmemmap backing it.
rvmm-section N: decode mem_section N (SPARSEMEM_EXTREME roots, read
physically): its pfn range, section_mem_map and flag bits (present,
has_mem_map, online, early, zone_device), the memmap range it encodes and
the vmemmap leaves backing that range.
end

define rvmm-live
  if $argc == 0
    shell "${RVMM_LIVE:-rvmm-live}" --help
  else
    rvmm-init
    if $rvmm_inited
      if $argc == 1
        shell if [ -n "$RVMM_VMLINUX" ] && [ -n "$RVMM_MEM" ]; then "${RVMM_LIVE:-rvmm-live}" "$RVMM_VMLINUX" --mem "$RVMM_MEM" $arg0; else echo "rvmm: set RVMM_VMLINUX and RVMM_MEM (QEMU's mem-path) before starting gdb"; fi
      end
      if $argc == 2
        shell if [ -n "$RVMM_VMLINUX" ] && [ -n "$RVMM_MEM" ]; then "${RVMM_LIVE:-rvmm-live}" "$RVMM_VMLINUX" --mem "$RVMM_MEM" $arg0 $arg1; else echo "rvmm: set RVMM_VMLINUX and RVMM_MEM (QEMU's mem-path) before starting gdb"; fi
      end
      if $argc == 3
        shell if [ -n "$RVMM_VMLINUX" ] && [ -n "$RVMM_MEM" ]; then "${RVMM_LIVE:-rvmm-live}" "$RVMM_VMLINUX" --mem "$RVMM_MEM" $arg0 $arg1 $arg2; else echo "rvmm: set RVMM_VMLINUX and RVMM_MEM (QEMU's mem-path) before starting gdb"; fi
      end
      if $argc == 4
        shell if [ -n "$RVMM_VMLINUX" ] && [ -n "$RVMM_MEM" ]; then "${RVMM_LIVE:-rvmm-live}" "$RVMM_VMLINUX" --mem "$RVMM_MEM" $arg0 $arg1 $arg2 $arg3; else echo "rvmm: set RVMM_VMLINUX and RVMM_MEM (QEMU's mem-path) before starting gdb"; fi
      end
    end
  end
end
document rvmm-live
rvmm-live SUBCOMMAND [ARGS]: run the C helper on the guest RAM file.
rvmm-live SUBCOMMAND [ARGS]: run build/rvmm-live on the guest RAM file
while GDB stays attached (the gdbstub serves one client; the RAM file does
not need it).  Needs RVMM_VMLINUX and RVMM_MEM in GDB's environment,
RVMM_LIVE if rvmm-live is not in $PATH.  The guest is stopped while GDB
has control, so the walk is consistent.  E.g. rvmm-live info, rvmm-live
vmemmap --json.  Like every rvmm- command it first checks that GDB's
vmlinux is the guest's build; rvmm-live itself checks RVMM_VMLINUX.
end

define rvmm-ptdump
  if $argc == 0
    rvmm-live ptdump
  else
    rvmm-live ptdump $arg0
  end
end
document rvmm-ptdump
rvmm-ptdump [REGION]: dump the kernel page tables (hands off to rvmm-live).
rvmm-ptdump [REGION]: the whole kernel page table (or one region: linear,
vmemmap, vmalloc, modules, kernel, fixmap, pci-io), merged ranges with
their bits.  Too slow in GDB's language: handed off to rvmm-live (see
rvmm-live for the environment it needs).
end

define rvmm-preflight
  if $argc == 1
    rvmm-live preflight $arg0
  else
    rvmm-live preflight $arg0 $arg1
  end
end
document rvmm-preflight
rvmm-preflight RANGE [memory|device-private]: will removing RANGE hit the bug?
rvmm-preflight START-END|START+SIZE [memory|device-private]: which vmemmap
and linear-map page tables removing that physical range will free, their
constructed state, and whether this kernel will hit the PMD-table dtor bug.
Handed off to rvmm-live (see rvmm-live for the environment it needs).
end
