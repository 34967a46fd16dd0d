/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The one interface through which the rvmm core sees a kernel: physical
 * memory, symbols, type layout and VMCOREINFO.  The core never does I/O of
 * its own; each front end (stand-alone, crash, live QEMU) fills this in once.
 */
#ifndef RVMM_SOURCE_H
#define RVMM_SOURCE_H

#include <stddef.h>
#include <stdint.h>

/* Results of rvmm_source_ops.read_phys. */
enum rvmm_read_result {
	RVMM_READ_OK = 0,
	RVMM_READ_NOT_IN_DUMP = 1, /* page exists but the dump left it out */
	RVMM_READ_ERROR = 2, /* outside memory, I/O error, target gone */
};

struct rvmm_source_ops {
	/* Read len bytes of physical memory at pa into buf. */
	enum rvmm_read_result (*read_phys)(void *ctx, uint64_t pa, void *buf,
					   size_t len);
	/* Address of a kernel symbol; 0 on success, -1 if unknown. */
	int (*symbol)(void *ctx, const char *name, uint64_t *value);
	/* sizeof(struct type), or -1 if the type is unknown. */
	long (*struct_size)(void *ctx, const char *type);
	/*
	 * Offset of member in struct type, or -1.  member may be a dotted
	 * path through nested and anonymous members ("lru.prev").
	 */
	long (*member_offset)(void *ctx, const char *type, const char *member);
	/* Value of an enumerator ("PGTY_table"); 0 on success, -1 if none. */
	int (*enumerator)(void *ctx, const char *name, int64_t *value);
	/*
	 * The raw value string of a VMCOREINFO key such as
	 * "NUMBER(VA_BITS)" or "SYMBOL(swapper_pg_dir)", or NULL.  The string
	 * stays valid for the life of the source.
	 */
	const char *(*vmcoreinfo)(void *ctx, const char *key);
	/* Optional: non-zero when the user asked to stop (crash's Ctrl-C). */
	int (*interrupted)(void *ctx);
};

struct rvmm_source {
	const struct rvmm_source_ops *ops;
	void *ctx;
	const char *name; /* for messages: the dump file, "crash", "qemu" */
};

#endif
