/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct rvmm_source over a live QEMU guest: physical memory through the
 * gdbstub (RSP, physical-memory mode) or through guest RAM shared as a
 * file; symbols and types from the vmlinux; VMCOREINFO read out of the
 * running kernel's own buffer.
 */
#ifndef RVMM_SOURCE_LIVE_H
#define RVMM_SOURCE_LIVE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "source.h"
#include "vmcoreinfo.h"

struct rsp;
struct rvmm_debuginfo;
struct rvmm_session;

struct live_target {
	struct rvmm_debuginfo *di; /* first: debuginfo_ops.h */
	struct rsp *rsp; /* --gdb, or NULL */
	const unsigned char *mem; /* --mem: mapped guest RAM, or NULL */
	size_t mem_len;
	uint64_t mem_base; /* guest PA of mem[0] */
	/* whole pages read through the gdbstub, kept while the guest is
	 * stopped: the walkers read one 8-byte entry at a time */
	uint64_t *cache_pfn; /* pfn + 1; 0 = empty slot */
	unsigned char **cache_page;
	size_t cache_size, cache_used;
	/* the guest kernel's VMCOREINFO, "KEY=VALUE" lines split in place */
	struct rvmm_vmcoreinfo_lines vmci; /* the guest's own, once read */
	volatile int *stop; /* set by SIGINT/SIGTERM */
	uint64_t reads, bytes; /* statistics */
};

/* Fill src to read through t (whose di and rsp/mem the caller set). */
void live_source_init(struct live_target *t, struct rvmm_source *src);
/*
 * Read the kernel's vmcoreinfo_data buffer through session s (opened
 * without VMCOREINFO) and make it t's VMCOREINFO.  0, or -1 with a
 * reason in why.
 */
int live_load_vmcoreinfo(struct live_target *t, const struct rvmm_session *s,
			 struct rvmm_error *err);
void live_source_free(struct live_target *t);

/* Map FILE read-only as guest RAM starting at PA base; 0 or -1. */
int live_map_memfile(struct live_target *t, const char *path, uint64_t base,
		     struct rvmm_error *err);

#endif
