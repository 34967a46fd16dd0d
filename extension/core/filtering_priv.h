/* SPDX-License-Identifier: GPL-2.0 */
/* Internal to filtering*.c: makedumpfile's rules and their replay. */
#ifndef RVMM_FILTERING_PRIV_H
#define RVMM_FILTERING_PRIV_H

#include "filtering.h"
#include "internal.h"

/* makedumpfile's view of the kernel: VMCOREINFO's numbers. */
struct rules {
	int level;
	long size, flags, mapping, private_, mapcount, refcount, head;
	long order_off; /* OFFSET(page.compound_order), -1 none */
	int lru, private_bit, swapcache, swapbacked, hwpoison; /* -1 none */
	uint64_t head_mask;
	int have_buddy, have_slab, have_offline, have_hugetlb, have_unacc;
	int32_t buddy, slab, offline, hugetlb, unaccepted;
	int hugetlb_bit; /* PG_hugetlb, -1 none */
	uint64_t nr_orders;
};

/* Per section: what the file holds and what each reading predicts. */
enum { ST_OUT, ST_HELD, ST_ABSENT };

struct replay {
	const struct rvmm_session *s;
	struct rules r;
	struct rvmm_filter_check *fc;
	uint64_t n; /* pages per section */
	unsigned char *own, *mis; /* the section's struct pages, read twice */
	unsigned char *own_ok, *mis_ok; /* per 4 KiB of struct pages */
	unsigned char *state, *pred, *mpred, *cls;
	int with_rules;
};

/* filtering_rules.c */

/* "cache, cache-private, user and free": the classes of level, in prose. */
void filter_classes_str(int level, char *buf, size_t len);
/* makedumpfile's rules for s->dump_level into r; -1: why says why not. */
int filter_rules_init(const struct rvmm_session *s, struct rules *r,
		      struct rvmm_error *why);
/*
 * The class of the page whose struct page is p (next: the following
 * struct page, for a compound order; NULL where makedumpfile has none) and
 * how many pages it leaves out from pfn.  Tail pages are RVMM_FC_NR.
 */
enum rvmm_fclass filter_classify(const struct rules *r, const unsigned char *p,
				 const unsigned char *next, uint64_t pfn,
				 uint64_t *nr);

/* filtering_replay.c */

/*
 * Read the struct pages [va, va + len) 4 KiB of VA at a time, as
 * makedumpfile's readmem() does.  misread: a page of VA mapped by a leaf
 * above the PTE level is read at the leaf's base plus only the offset
 * inside the 4 KiB page, the translation of makedumpfile <= 1.7.9.
 */
void filter_read_memmap(struct replay *rp, uint64_t va, unsigned char *buf,
			unsigned char *ok, uint64_t len, int misread);
/* Struct page i lies in readable 4 KiB pieces only. */
int filter_page_ok(const struct replay *rp, const unsigned char *ok,
		   uint64_t i);
/*
 * makedumpfile's loop over one section: which pages it leaves out (pred)
 * and, if cls, the class that leaves each out.
 */
void filter_predict(struct replay *rp, uint64_t start_pfn,
		    const unsigned char *buf, const unsigned char *ok,
		    unsigned char *pred, unsigned char *cls);

#endif
