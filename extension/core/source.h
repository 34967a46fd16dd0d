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

/*
 * makedumpfile's dump level (-d N) is a mask of the page classes the
 * writer left out of the dump.  Zero pages of a kdump-compressed file are
 * stored once and read back as zeroes; the other classes are not stored.
 */
#define RVMM_DL_ZERO 1
#define RVMM_DL_CACHE 2 /* page cache, not PG_private */
#define RVMM_DL_CACHE_PRIVATE 4 /* page cache, PG_private too */
#define RVMM_DL_USER 8 /* anonymous (user process) and hugetlb pages */
#define RVMM_DL_FREE 16 /* free pages of the buddy allocator */
#define RVMM_DL_MAX 31
/* zero pages read back as zeroes: only these classes leave holes */
#define RVMM_DL_HOLES \
	(RVMM_DL_CACHE | RVMM_DL_CACHE_PRIVATE | RVMM_DL_USER | RVMM_DL_FREE)

/* Run-time code addresses [lo, hi). */
struct rvmm_code_range {
	uint64_t lo, hi;
};

#define RVMM_FN_RANGES 8

/* One concrete instance of a function in the debug info (fn_instances). */
struct rvmm_fn_instance {
	uint64_t id; /* opaque to the core (the front end's DIE) */
	uint64_t entry; /* run-time entry pc */
	int inlined; /* 1 an inlined copy, 0 out of line */
	int nr_ranges; /* filled; 0 if it has no code */
	int truncated; /* it has more than RVMM_FN_RANGES ranges */
	struct rvmm_code_range range[RVMM_FN_RANGES];
};

enum rvmm_loc_kind {
	RVMM_LOC_REG, /* in register reg */
	RVMM_LOC_MEM, /* in memory at register reg + value */
	RVMM_LOC_CONST, /* the constant value */
	RVMM_LOC_OTHER, /* some form the core does not follow */
};

/*
 * Where a variable is over run-time pcs [lo, hi) (lo 0, hi UINT64_MAX:
 * wherever its instance is).  Registers are DWARF numbers: riscv x0..x31
 * are 0..31.
 */
struct rvmm_var_loc {
	uint64_t lo, hi;
	enum rvmm_loc_kind kind;
	int reg;
	int64_t value;
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

	/*
	 * Optional members below (NULL = unsupported: the analyses that need
	 * them then report the evidence as missing instead of guessing).
	 */

	/*
	 * The function symbol containing run-time address addr (the nearest
	 * FUNC/text symbol at or below addr, within its size when known):
	 * its name into name (NUL-terminated, truncated to len) and
	 * addr - start into *offset.  0 on success, -1 if none.
	 */
	int (*symbol_at)(void *ctx, uint64_t addr, char *name, size_t len,
			 uint64_t *offset);
	/*
	 * 1 if some debug-info instance of function func (out-of-line copy,
	 * abstract origin of inlined copies, or declaration) has a formal
	 * parameter named param; 0 if func is known and none has it; -1 if
	 * func is unknown or there is no debug info.
	 */
	int (*function_has_param)(void *ctx, const char *func,
				  const char *param);
	/*
	 * The inline chain at addr, innermost first: names[0] is the
	 * function whose code is at addr (possibly inlined), each next one
	 * the function it was inlined into, the last one the out-of-line
	 * function.  Fills at most max names (NUL-terminated, truncated to
	 * 64 bytes); returns how many were filled, or -1 if unknown.
	 */
	int (*inline_chain)(void *ctx, uint64_t addr, char (*names)[64],
			    int max);
	/*
	 * The vmlinux's own identity, read from the file, not the dump: its
	 * GNU build-id as lowercase hex (the form of VMCOREINFO's BUILD-ID)
	 * and its linux_banner string.  0 on success, -1 if unknown.
	 */
	int (*vmlinux_build_id)(void *ctx, char *hex, size_t len);
	int (*vmlinux_banner)(void *ctx, char *buf, size_t len);
	/*
	 * The concrete instances of function func that have code: out-of-line
	 * copies and inlined copies.  within NULL: every instance in the
	 * debug info; else only those nested, at any depth, inside instance
	 * within (as an earlier call filled it).  Fills at most max and
	 * returns how many there are (may exceed max), or -1 if unknown.
	 */
	int (*fn_instances)(void *ctx, const char *func,
			    const struct rvmm_fn_instance *within,
			    struct rvmm_fn_instance *out, int max);
	/*
	 * Formal parameter number index (0 = first, in declaration order)
	 * of instance inst: its name into name (truncated to len) and where
	 * it lives into loc (at most max entries, run-time pcs).  Returns the
	 * number of entries (0: optimised out), -1 if the function has no
	 * parameter index, -2 if unknown.
	 */
	int (*param_locations)(void *ctx, const struct rvmm_fn_instance *inst,
			       int index, char *name, size_t len,
			       struct rvmm_var_loc *loc, int max);
	/*
	 * The dump level its writer recorded (RVMM_DL_* bits: what a
	 * makedumpfile-filtered kdump file left out), or -1 when the dump
	 * records none (ELF, live memory).
	 */
	int (*dump_level)(void *ctx);
	/*
	 * Whether the dump holds the page at pa, without reading it: the
	 * result read_phys would give (RVMM_READ_NOT_IN_DUMP for a page of
	 * the dump's memory that its file left out).  When NULL the core
	 * reads a byte instead.
	 */
	enum rvmm_read_result (*page_state)(void *ctx, uint64_t pa);
};

struct rvmm_source {
	const struct rvmm_source_ops *ops;
	void *ctx;
	const char *name; /* for messages: the dump file, "crash", "qemu" */
};

#endif
