/* SPDX-License-Identifier: GPL-2.0 */
/* Internal to dumpfile.c and dumprange.c: the dump and its own map. */
#ifndef RVMM_DUMPFILE_PRIV_H
#define RVMM_DUMPFILE_PRIV_H

#include <libkdumpfile/kdumpfile.h>

#include "dumpfile.h"

/* A sorted list of disjoint, non-adjacent physical ranges. */
struct range_list {
	struct rvmm_phys_range *r;
	size_t n;
};

struct rvmm_dump {
	char *path;
	int fd;
	kdump_ctx_t *kdump;
	const char *format;
	enum rvmm_dump_kind kind;
	uint64_t page_size;
	int dump_level; /* kdump sub-header's, -1 none */
	char *vmcoreinfo_raw;
	struct rvmm_vmcoreinfo_lines vmcoreinfo; /* vmcoreinfo_raw, split */
	struct range_list ranges; /* rvmm_dump_ranges(): libkdumpfile's map */
	struct range_list mem; /* memory the dump describes */
	struct range_list file; /* bytes the file holds: a subset of mem */
};

/*
 * dumprange.c: the maps, read when the dump is opened, and
 * rvmm_dump_read_phys(), which checks each read against them.
 */

/* dump->ranges: RAM from libkdumpfile's page bitmap. */
int dump_load_ranges(struct rvmm_dump *dump, struct rvmm_error *err);
/* dump->mem and dump->file of an ELF dump, from its PT_LOAD segments. */
int dump_load_elf_segments(struct rvmm_dump *dump, struct rvmm_error *err);
/* dump->mem and dump->file of a kdump file, from its page bitmaps. */
int dump_load_kdump_maps(struct rvmm_dump *dump, struct rvmm_error *err);

#endif
