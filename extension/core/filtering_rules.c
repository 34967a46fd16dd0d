// SPDX-License-Identifier: GPL-2.0
/*
 * makedumpfile's page-class rules (1.7.x, __exclude_unnecessary_pages()),
 * taken from the numbers the kernel exports for it in VMCOREINFO, and the
 * names of a dump level's classes.  Applied pfn by pfn in makedumpfile's
 * order (filtering_replay.c): a buddy block head leaves out 1 << order
 * pages, a compound head its whole folio, a tail page is never judged on
 * its own.
 */
#include <stdio.h>
#include <string.h>

#include "filtering_priv.h"

static const char *const dl_name[] = {"zero", "cache", "cache-private", "user",
				      "free"};

char *rvmm_dump_level_str(int level, char *buf, size_t len)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < ARRAY_SIZE(dl_name); i++)
		if (level >= 0 && (level & (1 << i)))
			snprintf(buf + strlen(buf), len - strlen(buf), "%s%s",
				 buf[0] ? " " : "", dl_name[i]);
	return buf;
}

void filter_classes_str(int level, char *buf, size_t len)
{
	int i, left = 0;

	for (i = 0; i < (int)ARRAY_SIZE(dl_name); i++)
		left += !!(level & (1 << i));
	buf[0] = '\0';
	for (i = 0; i < (int)ARRAY_SIZE(dl_name); i++) {
		if (!(level & (1 << i)))
			continue;
		left--;
		snprintf(buf + strlen(buf), len - strlen(buf), "%s%s",
			 dl_name[i],
			 left > 1    ? ", "
			 : left == 1 ? " and "
				     : "");
	}
}

static int number(const struct rvmm_session *s, const char *name, int64_t *v)
{
	char key[96];
	uint64_t raw;

	snprintf(key, sizeof(key), "NUMBER(%s)", name);
	if (rvmm_vmci_get(&s->src, key, &raw) != RVMM_VMCI_OK)
		return -1;
	*v = (int64_t)raw;
	return 0;
}

static int bit_number(const struct rvmm_session *s, const char *name)
{
	int64_t v;

	return number(s, name, &v) || v < 0 || v > 63 ? -1 : (int)v;
}

static int value(const struct rvmm_session *s, const char *name, int32_t *v)
{
	int64_t n;

	if (number(s, name, &n))
		return 0;
	*v = (int32_t)n;
	return 1;
}

int filter_rules_init(const struct rvmm_session *s, struct rules *r,
		      struct rvmm_error *why)
{
	const struct rvmm_page_layout *p = &s->pages;
	uint64_t u;
	int64_t v;

	memset(r, 0, sizeof(*r));
	r->level = s->dump_level;
	if (!p->ok) {
		rvmm_fail(why, RVMM_EFAILED, "struct page layout: %s",
			  p->err.msg);
		return -1;
	}
	r->size = p->size;
	r->flags = p->flags;
	r->mapping = p->mapping;
	r->private_ = p->private_;
	/* makedumpfile reads _mapcount, which page_type shares */
	r->mapcount = p->mapcount >= 0 ? p->mapcount : p->page_type;
	r->refcount = p->refcount;
	r->head = p->compound_head;
	if (r->size <= 0 || r->size > 256 || r->mapping < 0 ||
	    r->private_ < 0 || r->mapcount < 0 || r->refcount < 0) {
		rvmm_fail(why, RVMM_EFAILED,
			  "struct page lacks a member the rules read");
		return -1;
	}
	r->lru = bit_number(s, "PG_lru");
	r->private_bit = bit_number(s, "PG_private");
	r->swapcache = bit_number(s, "PG_swapcache");
	r->swapbacked = bit_number(s, "PG_swapbacked");
	r->hwpoison = bit_number(s, "PG_hwpoison");
	r->hugetlb_bit = bit_number(s, "PG_hugetlb");
	if (number(s, "PG_head_mask", &v) || r->lru < 0 || r->private_bit < 0) {
		rvmm_fail(
			why, RVMM_EFAILED,
			"VMCOREINFO lacks NUMBER(PG_lru), NUMBER(PG_private) or NUMBER(PG_head_mask)");
		return -1;
	}
	r->head_mask = (uint64_t)v;
	r->have_buddy = value(s, "PAGE_BUDDY_MAPCOUNT_VALUE", &r->buddy);
	r->have_slab = value(s, "PAGE_SLAB_MAPCOUNT_VALUE", &r->slab);
	r->have_offline = value(s, "PAGE_OFFLINE_MAPCOUNT_VALUE", &r->offline);
	r->have_hugetlb = value(s, "PAGE_HUGETLB_MAPCOUNT_VALUE", &r->hugetlb);
	r->have_unacc =
		value(s, "PAGE_UNACCEPTED_MAPCOUNT_VALUE", &r->unaccepted);
	if ((r->level & RVMM_DL_FREE) && !r->have_buddy) {
		/* makedumpfile then walks the free lists instead */
		rvmm_fail(
			why, RVMM_EFAILED,
			"VMCOREINFO lacks NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE): free pages were found through the free lists");
		return -1;
	}
	r->nr_orders = 11;
	if (rvmm_vmci_get(&s->src, "LENGTH(zone.free_area)", &u) ==
		    RVMM_VMCI_OK &&
	    u && u < 64)
		r->nr_orders = u;
	r->order_off = -1;
	if (rvmm_vmci_get(&s->src, "OFFSET(page.compound_order)", &u) ==
		    RVMM_VMCI_OK &&
	    u < (uint64_t)r->size)
		r->order_off = (long)u;
	return 0;
}

static int test_bit(uint64_t flags, int bit)
{
	return bit >= 0 && (flags >> bit & 1);
}

enum rvmm_fclass filter_classify(const struct rules *r, const unsigned char *p,
				 const unsigned char *next, uint64_t pfn,
				 uint64_t *nr)
{
	uint64_t flags = rvmm_load(p, r->flags, 8);
	uint64_t mapping = rvmm_load(p, r->mapping, 8);
	uint64_t priv = rvmm_load(p, r->private_, 8);
	int32_t mapcount = (int32_t)rvmm_load(p, r->mapcount, 4);
	unsigned int order = 0;
	int slab, anon, cache, hugetlb = 0;

	*nr = 1;
	if (next && (flags & r->head_mask)) {
		uint64_t flags1 = rvmm_load(next, r->flags, 8);

		if (r->have_hugetlb || r->hugetlb_bit >= 0) {
			order = flags1 & 0xff;
			hugetlb = r->have_hugetlb
					  ? mapcount == r->hugetlb
					  : test_bit(flags1, r->hugetlb_bit);
		} else if (r->order_off >= 0) {
			order = (unsigned int)rvmm_load(next, r->order_off, 1);
		}
		if (order >= 64 || (pfn & ((1ULL << order) - 1)))
			order = 0;
	}
	*nr = 1ULL << order;
	if (r->head >= 0 && (rvmm_load(p, r->head, 8) & 1))
		return RVMM_FC_NR;
	slab = r->have_slab ? mapcount == r->slab : 0;
	if ((r->level & RVMM_DL_FREE) && r->have_buddy && !slab &&
	    mapcount == r->buddy) {
		if (priv >= r->nr_orders)
			return RVMM_FC_KEEP; /* makedumpfile warns, keeps */
		*nr = 1ULL << priv;
		return RVMM_FC_FREE;
	}
	if ((r->level & RVMM_DL_FREE) && r->have_unacc &&
	    mapcount == r->unaccepted) {
		*nr = 1ULL << (r->nr_orders - 1);
		return RVMM_FC_FREE;
	}
	anon = (mapping & 1) && !slab;
	cache = test_bit(flags, r->lru) ||
		((r->swapbacked < 0 || test_bit(flags, r->swapbacked)) &&
		 test_bit(flags, r->swapcache));
	if ((r->level & RVMM_DL_CACHE) && cache &&
	    !test_bit(flags, r->private_bit) && !anon)
		return RVMM_FC_CACHE;
	if ((r->level & RVMM_DL_CACHE_PRIVATE) && cache && !anon)
		return test_bit(flags, r->private_bit) ? RVMM_FC_CACHE_PRIVATE
						       : RVMM_FC_CACHE;
	if ((r->level & RVMM_DL_USER) && (anon || hugetlb))
		return RVMM_FC_USER;
	if (test_bit(flags, r->hwpoison))
		return RVMM_FC_HWPOISON;
	if (r->have_offline && mapcount == r->offline)
		return RVMM_FC_OFFLINE;
	*nr = 1;
	return RVMM_FC_KEEP;
}
