/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A riscv64 vmlinux read with elfutils: ELF symbols, struct layout and
 * enumerators from DWARF (indexed once at open), formal parameters of
 * functions, and the line table.
 */
#ifndef RVMM_DEBUGINFO_H
#define RVMM_DEBUGINFO_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

struct rvmm_debuginfo;

/*
 * Open a vmlinux and index its symbols and DWARF types.  On failure return
 * NULL with a one-line message naming the file and the problem in err.
 */
struct rvmm_debuginfo *rvmm_debuginfo_open(const char *path,
					   struct rvmm_error *err);
void rvmm_debuginfo_close(struct rvmm_debuginfo *di);

const char *rvmm_debuginfo_path(const struct rvmm_debuginfo *di);
/*
 * The kernel image's run-time minus link-time address (KASLR's
 * KERNELOFFSET).  The rvmm_debuginfo_* calls below all speak link-time
 * addresses; the source ops in debuginfo_ops.c convert at the boundary,
 * so that every address crossing struct rvmm_source is a run-time one.
 */
void rvmm_debuginfo_set_image_offset(struct rvmm_debuginfo *di, int64_t off);
int64_t rvmm_debuginfo_image_offset(const struct rvmm_debuginfo *di);
/* Number of compilation units indexed (for the record). */
size_t rvmm_debuginfo_cu_count(const struct rvmm_debuginfo *di);

/*
 * Symbol value from .symtab; global definitions win over local ones.
 * 0 on success, -1 if unknown.  size may be NULL.
 */
int rvmm_debuginfo_symbol(const struct rvmm_debuginfo *di, const char *name,
			  uint64_t *value, uint64_t *size);
/*
 * Copy len bytes of the initialised image at kernel virtual address va
 * (e.g. linux_banner) out of the vmlinux file.  0 or -1.
 */
int rvmm_debuginfo_read_image(const struct rvmm_debuginfo *di, uint64_t va,
			      void *buf, size_t len);

/* The GNU build-id as lowercase hex.  0, or -1 if the file has none. */
int rvmm_debuginfo_build_id(const struct rvmm_debuginfo *di, char *hex,
			    size_t len);
/* linux_banner from the file's image, without its newline.  0 or -1. */
int rvmm_debuginfo_banner(const struct rvmm_debuginfo *di, char *buf,
			  size_t len);

/* sizeof(struct type) (also "struct x", "union x" or a typedef), or -1. */
long rvmm_debuginfo_struct_size(struct rvmm_debuginfo *di, const char *type);
/*
 * Byte offset of a dotted member path such as "lru.prev" through nested
 * and anonymous structs and unions, or -1.  Results are cached.
 */
long rvmm_debuginfo_member_offset(struct rvmm_debuginfo *di, const char *type,
				  const char *member);
/* Value of an enumerator from any CU.  0 or -1. */
int rvmm_debuginfo_enumerator(const struct rvmm_debuginfo *di, const char *name,
			      int64_t *value);
/*
 * 1 if some DWARF instance of function func (out of line, abstract origin
 * of inlined copies, or declaration) has a formal parameter named param,
 * 0 if the function is known but none has it, -1 if func is unknown.
 */
int rvmm_debuginfo_has_param(struct rvmm_debuginfo *di, const char *func,
			     const char *param);

/*
 * Addresses whose line-table rows are FILE:LINE, file matched as a path
 * suffix ("include/linux/mm.h").  Fills up to max addresses, sorted and
 * unique; returns how many exist (may exceed max), or -1 on error.
 */
long rvmm_debuginfo_line_addrs(struct rvmm_debuginfo *di, const char *file,
			       int line, uint64_t *addrs, size_t max);
/* The line-table row for addr: file name and line.  0 or -1. */
int rvmm_debuginfo_addr_line(struct rvmm_debuginfo *di, uint64_t addr,
			     const char **file, int *line);

/*
 * The FUNC symbol whose [start, start + size) holds link-time addr: name
 * and addr - start.  0 on success, -1 if none.
 */
int rvmm_debuginfo_symbol_at(const struct rvmm_debuginfo *di, uint64_t addr,
			     char *name, size_t len, uint64_t *offset);
/*
 * Functions at addr from the DWARF, innermost (possibly inlined) first,
 * the out-of-line function last; returns how many, or -1.
 */
int rvmm_debuginfo_inline_chain(const struct rvmm_debuginfo *di, uint64_t addr,
				char (*names)[64], int max);

#endif
