/* SPDX-License-Identifier: GPL-2.0 */
/* Internals shared by debuginfo*.c. */
#ifndef RVMM_DEBUGINFO_PRIV_H
#define RVMM_DEBUGINFO_PRIV_H

#include <elfutils/libdw.h>
#include <gelf.h>

#include "debuginfo.h"
#include "strmap.h"

/* Subprogram DIEs sharing one name, chained through next (index + 1). */
struct func_die {
	Dwarf_Off off;
	size_t next;
};

struct rvmm_debuginfo {
	char *path;
	int fd;
	Elf *elf;
	Dwarf *dwarf;
	size_t cu_count;
	struct strmap symbols; /* name -> index into sym_values */
	struct sym_value {
		uint64_t value;
		uint64_t size;
		int global;
	} * sym_values;
	size_t sym_count;
	struct strmap types; /* struct/union name -> DIE offset */
	struct strmap typedefs; /* typedef name -> DIE offset */
	struct strmap enumerators; /* name -> value */
	struct strmap funcs; /* name -> first func_die index + 1 */
	struct func_die *func_dies;
	size_t func_count, func_cap;
	struct strmap member_cache; /* "type\nmember" (owned) -> offset+1 */
	/* run-time minus link-time address of the kernel image (KASLR) */
	int64_t image_offset;
};

#endif
