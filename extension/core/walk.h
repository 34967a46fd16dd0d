/* SPDX-License-Identifier: GPL-2.0 */
/* One-VA translation and the bounded full-table walker (walk.c). */
#ifndef RVMM_WALK_H
#define RVMM_WALK_H

#include <stddef.h>
#include <stdint.h>

#include "pte.h"
#include "source.h"

/* Level index 0 is the root; names depend on the mode. */
const char *rvmm_level_name(int levels, int level);
/* Bytes mapped by one entry at level (1G for the Sv39 root, ...). */
uint64_t rvmm_level_size(int levels, int level);
/* "4K", "2M", "1G", "512G", "256T", or "%lluK". buf >= 24 */
char *rvmm_size_str(uint64_t size, char *buf, size_t len);

enum rvmm_xlate_status {
	RVMM_XL_OK = 0,
	RVMM_XL_NOT_MAPPED, /* an entry with V clear */
	RVMM_XL_READ_ERROR, /* table outside memory */
	RVMM_XL_NOT_IN_DUMP, /* table page filtered out of the dump */
	RVMM_XL_NON_CANONICAL, /* va bits above va_bits-1 not a sign ext. */
	RVMM_XL_RESERVED, /* reserved PTE encoding (W without R, ...) */
	RVMM_XL_BAD_LEAF, /* misaligned superpage or bad NAPOT */
};

struct rvmm_xlate_level {
	const char *name;
	uint64_t table_pa; /* PA of the table page */
	unsigned int index;
	uint64_t entry_pa;
	uint64_t entry;
	enum rvmm_read_result rr;
};

struct rvmm_xlate {
	uint64_t va;
	enum rvmm_xlate_status status;
	int nr; /* levels recorded */
	struct rvmm_xlate_level lv[RVMM_MAX_LEVELS];
	int leaf_level; /* -1 when not translated */
	uint64_t map_size; /* bytes mapped by the leaf (64K for NAPOT) */
	uint64_t pa;
};

const char *rvmm_xlate_status_str(enum rvmm_xlate_status st);
/* Translate va through the tables rooted at root_pa.  Returns status. */
enum rvmm_xlate_status rvmm_translate(const struct rvmm_source *src,
				      uint64_t root_pa, int levels, uint64_t va,
				      struct rvmm_xlate *x);

enum rvmm_visit_kind {
	RVMM_VISIT_TABLE, /* entering a table page (root included) */
	RVMM_VISIT_LEAF,
	RVMM_VISIT_ANOMALY,
	/* the table's last entry is done (rvmm_walk_post only) */
	RVMM_VISIT_TABLE_DONE,
};

enum rvmm_anomaly {
	RVMM_AN_NONE = 0,
	RVMM_AN_READ_ERROR, /* table outside memory: not followed */
	RVMM_AN_NOT_IN_DUMP, /* table page absent: not followed */
	RVMM_AN_CYCLE, /* table already on the current path */
	RVMM_AN_SHARED, /* table already visited elsewhere */
	RVMM_AN_RESERVED, /* reserved encoding (W without R, bits 60:54) */
	RVMM_AN_MISALIGNED, /* superpage leaf whose PFN is not aligned */
	RVMM_AN_BAD_NAPOT, /* N bit on a non-PTE level or bad order */
	RVMM_AN_TABLE_CAP, /* global cap on tables reached */
};

const char *rvmm_anomaly_str(enum rvmm_anomaly a);

struct rvmm_visit {
	enum rvmm_visit_kind kind;
	enum rvmm_anomaly anomaly;
	int level; /* level of the entry (or of the table page) */
	const char *level_name;
	uint64_t va; /* first VA covered */
	uint64_t size; /* bytes of VA covered */
	uint64_t pa; /* leaf: PA of va; table: PA of the table */
	uint64_t entry_pa; /* PA of the entry pointing here (0 for root) */
	uint64_t entry; /* raw entry value (0 for root) */
	/* TABLE and TABLE_DONE: the table's 512 entries as read, valid
	 * during the call; NULL otherwise */
	const uint64_t *entries;
};

/* Return non-zero to stop the walk. */
typedef int (*rvmm_visit_fn)(void *arg, const struct rvmm_visit *v);

struct rvmm_walk_stats {
	unsigned long tables, leaves, anomalies;
	int stopped; /* visitor asked to stop */
	int interrupted; /* ops->interrupted said so */
	int capped; /* max_tables reached */
};

#define RVMM_WALK_DEFAULT_MAX_TABLES (1U << 20)

/*
 * Visit every valid entry in [start, end) (end 0 = top of the address
 * space).  Bounded: each table page is walked at most once, at most
 * max_tables tables (0 = default).  Returns 0, or -1 on stop/interrupt.
 */
int rvmm_walk(const struct rvmm_source *src, uint64_t root_pa, int levels,
	      uint64_t start, uint64_t end, unsigned int max_tables,
	      rvmm_visit_fn fn, void *arg, struct rvmm_walk_stats *st);
/*
 * rvmm_walk, plus a RVMM_VISIT_TABLE_DONE after the last entry of every
 * table entered (post-order: after the done of each table below it), for
 * visitors that judge a table by what happened beneath it.  No done
 * follows once the walk stops; done visits are not counted in st.
 */
int rvmm_walk_post(const struct rvmm_source *src, uint64_t root_pa, int levels,
		   uint64_t start, uint64_t end, unsigned int max_tables,
		   rvmm_visit_fn fn, void *arg, struct rvmm_walk_stats *st);

#endif
