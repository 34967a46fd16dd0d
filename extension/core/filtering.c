// SPDX-License-Identifier: GPL-2.0
/*
 * What a filtered dump left out, and whether the filter chose its pages
 * by the rules it claims (filtering.h).
 *
 * The rules are makedumpfile's (1.7.x, __exclude_unnecessary_pages()),
 * taken from the numbers the kernel exports for it in VMCOREINFO, applied
 * pfn by pfn in the same order: a buddy block head leaves out 1 << order
 * pages, a compound head its whole folio, a tail page is never judged on
 * its own.  A page outside the dump's memory is skipped, as makedumpfile
 * skips memory holes.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filtering.h"
#include "internal.h"

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

static enum rvmm_read_result page_state(const struct rvmm_session *s,
					uint64_t pa)
{
	unsigned char byte;

	if (s->src.ops->page_state)
		return s->src.ops->page_state(s->src.ctx, pa);
	return s->src.ops->read_phys(s->src.ctx, pa, &byte, 1);
}

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

static int rules_init(const struct rvmm_session *s, struct rules *r,
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

/*
 * The class of the page whose struct page is p (next: the following
 * struct page, for a compound order; NULL where makedumpfile has none) and
 * how many pages it leaves out from pfn.  Tail pages are RVMM_FC_NR.
 */
static enum rvmm_fclass classify(const struct rules *r, const unsigned char *p,
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

/*
 * Read the struct pages [va, va + len) 4 KiB of VA at a time, as
 * makedumpfile's readmem() does.  misread: a page of VA mapped by a leaf
 * above the PTE level is read at the leaf's base plus only the offset
 * inside the 4 KiB page, the translation of makedumpfile <= 1.7.9.
 */
static void read_memmap(struct replay *rp, uint64_t va, unsigned char *buf,
			unsigned char *ok, uint64_t len, int misread)
{
	const struct rvmm_session *s = rp->s;
	uint64_t off;

	for (off = 0; off < len; off += RVMM_PAGE_SIZE) {
		struct rvmm_xlate x;
		uint64_t pa;

		ok[off / RVMM_PAGE_SIZE] = 0;
		rvmm_translate(&s->src, s->layout.swapper_pg_dir_pa,
			       s->layout.levels, va + off, &x);
		if (x.status != RVMM_XL_OK)
			continue;
		if (x.map_size > rp->fc->memmap_leaf)
			rp->fc->memmap_leaf = x.map_size;
		pa = x.pa;
		if (misread && x.leaf_level < s->layout.levels - 1)
			pa -= (va + off) & (x.map_size - 1) &
			      ~(RVMM_PAGE_SIZE - 1);
		ok[off / RVMM_PAGE_SIZE] =
			s->src.ops->read_phys(s->src.ctx, pa, buf + off,
					      RVMM_PAGE_SIZE) == RVMM_READ_OK;
	}
}

/* Struct page i lies in readable 4 KiB pieces only. */
static int page_ok(const struct replay *rp, const unsigned char *ok, uint64_t i)
{
	uint64_t a = i * rp->r.size, b = a + rp->r.size - 1;

	return ok[a / RVMM_PAGE_SIZE] && ok[b / RVMM_PAGE_SIZE];
}

/* makedumpfile's loop over one section: which pages it leaves out. */
static void predict(struct replay *rp, uint64_t start_pfn,
		    const unsigned char *buf, const unsigned char *ok,
		    unsigned char *pred, unsigned char *cls)
{
	uint64_t i, k, nr;

	memset(pred, 0, rp->n);
	for (i = 0; i < rp->n; i++) {
		const unsigned char *p = buf + i * rp->r.size;
		enum rvmm_fclass c;
		int has_next;

		if (rp->state[i] == ST_OUT || !page_ok(rp, ok, i))
			continue;
		/* makedumpfile reads 512 struct pages at a time */
		has_next = i + 1 < rp->n && (start_pfn + i) % 512 != 511 &&
			   page_ok(rp, ok, i + 1);
		c = classify(&rp->r, p, has_next ? p + rp->r.size : NULL,
			     start_pfn + i, &nr);
		if (c == RVMM_FC_NR || c == RVMM_FC_KEEP)
			continue;
		for (k = 0; k < nr && i + k < rp->n; k++) {
			pred[i + k] = 1;
			if (cls)
				cls[i + k] = (unsigned char)c;
		}
		i += nr - 1;
	}
}

static int32_t refcount_of(const struct replay *rp, uint64_t i)
{
	return (int32_t)rvmm_load(rp->own + i * rp->r.size, rp->r.refcount, 4);
}

static void tally(struct replay *rp, uint64_t start_pfn)
{
	struct rvmm_filter_check *fc = rp->fc;
	uint64_t i;

	for (i = 0; i < rp->n; i++) {
		int absent = rp->state[i] == ST_ABSENT;

		if (rp->state[i] == ST_OUT)
			continue;
		fc->pfns++;
		fc->absent += absent;
		if (!rp->with_rules)
			continue;
		if (page_ok(rp, rp->mis_ok, i)) {
			fc->misread_pfns++;
			fc->misread_agree += rp->mpred[i] == absent;
		}
		if (!page_ok(rp, rp->own_ok, i)) {
			fc->unjudged++;
		} else if (rp->pred[i] == absent) {
			fc->agree++;
		} else if (rp->pred[i]) {
			fc->kept[rp->cls[i]]++;
		} else {
			int32_t ref = refcount_of(rp, i);

			fc->dropped++;
			if (ref > 0)
				fc->dropped_in_use++;
			if (fc->dropped == 1 ||
			    (ref > 0 && fc->dropped_in_use == 1)) {
				fc->dropped_pfn = start_pfn + i;
				fc->dropped_flags =
					rvmm_load(rp->own + i * rp->r.size,
						  rp->r.flags, 8);
				fc->dropped_refcount = ref;
			}
		}
	}
}

static int section_visit(void *arg, const struct rvmm_section *sec)
{
	struct replay *rp = arg;
	const struct rvmm_session *s = rp->s;
	uint64_t i, held = 0, len = rp->n * rp->r.size;

	if (rvmm_interrupted(&s->src)) {
		rp->fc->interrupted = 1;
		return 1;
	}
	if (!sec->present || !sec->has_mem_map)
		return 0;
	for (i = 0; i < rp->n; i++) {
		enum rvmm_read_result rr =
			page_state(s, (sec->start_pfn + i) << RVMM_PAGE_SHIFT);

		rp->state[i] = rr == RVMM_READ_OK	     ? ST_HELD
			       : rr == RVMM_READ_NOT_IN_DUMP ? ST_ABSENT
							     : ST_OUT;
		held += rp->state[i] != ST_OUT;
	}
	/* no page of it in the dump: makedumpfile reads none of its memmap */
	if (!held)
		return 0;
	if (rp->with_rules) {
		read_memmap(rp, sec->first_page, rp->own, rp->own_ok, len, 0);
		read_memmap(rp, sec->first_page, rp->mis, rp->mis_ok, len, 1);
		predict(rp, sec->start_pfn, rp->own, rp->own_ok, rp->pred,
			rp->cls);
		predict(rp, sec->start_pfn, rp->mis, rp->mis_ok, rp->mpred,
			NULL);
	}
	tally(rp, sec->start_pfn);
	return 0;
}

struct live_walk {
	const struct rvmm_session *s;
	struct rvmm_filter_check *fc;
};

/* Page tables and the pages behind the vmemmap: never a dropped class. */
static int live_visit(void *arg, const struct rvmm_visit *v)
{
	struct live_walk *lw = arg;
	const struct rvmm_layout *l = &lw->s->layout;
	uint64_t off;

	if (v->kind == RVMM_VISIT_TABLE) {
		lw->fc->tables++;
	} else if (v->kind == RVMM_VISIT_ANOMALY &&
		   v->anomaly == RVMM_AN_NOT_IN_DUMP) {
		lw->fc->tables++;
		lw->fc->tables_absent++;
	} else if (v->kind == RVMM_VISIT_LEAF && v->va >= l->vmemmap_start &&
		   v->va < l->vmemmap_end) {
		for (off = 0; off < v->size; off += RVMM_PAGE_SIZE) {
			lw->fc->memmap_pages++;
			lw->fc->memmap_absent +=
				page_state(lw->s, v->pa + off) ==
				RVMM_READ_NOT_IN_DUMP;
		}
	}
	return rvmm_interrupted(&lw->s->src);
}

int rvmm_filter_check(const struct rvmm_session *s,
		      struct rvmm_filter_check *fc)
{
	struct replay rp = {.s = s, .fc = fc};
	struct live_walk lw = {.s = s, .fc = fc};
	uint64_t pieces;
	unsigned long bad = 0;

	memset(fc, 0, sizeof(*fc));
	fc->level = s->dump_level;
	if (fc->level < 0) {
		rvmm_fail(&fc->why, RVMM_EFAILED,
			  "the dump records no dump level");
		return 0;
	}
	if (!s->sections.ok) {
		rvmm_fail(&fc->why, RVMM_EFAILED, "mem_section: %s",
			  s->sections.err.msg);
		return 0;
	}
	rp.n = s->sections.pages_per_section;
	if (!rp.n || rp.n > (1ULL << 24)) {
		rvmm_fail(&fc->why, RVMM_EFAILED,
			  "%" PRIu64 " pages per section", rp.n);
		return 0;
	}
	rp.with_rules = (fc->level & RVMM_DL_HOLES) &&
			!rules_init(s, &rp.r, &fc->why);
	if (!(fc->level & RVMM_DL_HOLES))
		rvmm_fail(&fc->why, RVMM_EFAILED,
			  "dump level %d leaves no page class out", fc->level);
	pieces = (rp.n * (rp.with_rules ? rp.r.size : 1) + RVMM_PAGE_SIZE - 1) /
		 RVMM_PAGE_SIZE;
	rp.state = malloc(rp.n);
	if (rp.with_rules) {
		rp.own = malloc(pieces * RVMM_PAGE_SIZE);
		rp.mis = malloc(pieces * RVMM_PAGE_SIZE);
		rp.own_ok = malloc(pieces);
		rp.mis_ok = malloc(pieces);
		rp.pred = malloc(rp.n);
		rp.mpred = malloc(rp.n);
		rp.cls = calloc(rp.n, 1);
	}
	if (!rp.state ||
	    (rp.with_rules && (!rp.own || !rp.mis || !rp.own_ok || !rp.mis_ok ||
			       !rp.pred || !rp.mpred || !rp.cls))) {
		rvmm_fail(&fc->why, RVMM_EFAILED, "out of memory");
		rp.with_rules = 0;
	} else {
		rvmm_for_each_section(s, 0, section_visit, &rp, &bad);
		fc->ran = rp.with_rules && fc->pfns;
		fc->misread_ran = fc->ran && fc->misread_pfns;
		if (!fc->pfns)
			rvmm_fail(
				&fc->why, RVMM_EFAILED,
				"no section of the dump's memory is readable in mem_section (%lu roots unreadable)",
				bad);
	}
	free(rp.state);
	free(rp.own);
	free(rp.mis);
	free(rp.own_ok);
	free(rp.mis_ok);
	free(rp.pred);
	free(rp.mpred);
	free(rp.cls);
	if ((fc->level & RVMM_DL_HOLES) || fc->absent)
		rvmm_walk(&s->src, s->layout.swapper_pg_dir_pa,
			  s->layout.levels, 0, 0, s->opt.max_tables, live_visit,
			  &lw, NULL);
	if (rvmm_interrupted(&s->src))
		fc->interrupted = 1;
	return fc->interrupted ? -1 : 0;
}

static const char *class_name(enum rvmm_fclass c)
{
	static const char *const name[] = {"kept",	    "free", "cache",
					   "cache-private", "user", "hwpoison",
					   "offline"};

	return c < ARRAY_SIZE(name) ? name[c] : "?";
}

static void add(struct rvmm_filter_line *line, int *n, int max,
		const char *kind, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void add(struct rvmm_filter_line *line, int *n, int max,
		const char *kind, const char *fmt, ...)
{
	va_list ap;

	if (*n >= max)
		return;
	line[*n].kind = kind;
	va_start(ap, fmt);
	vsnprintf(line[*n].text, sizeof(line[*n].text), fmt, ap);
	va_end(ap);
	(*n)++;
}

/* "cache, cache-private, user and free" */
static void classes_str(int level, char *buf, size_t len)
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

/* "N free, N cache, ..." of the pages kept against the rules */
static void kept_str(const struct rvmm_filter_check *fc, char *buf, size_t len)
{
	int c;

	buf[0] = '\0';
	for (c = RVMM_FC_FREE; c < RVMM_FC_NR; c++)
		if (fc->kept[c])
			snprintf(buf + strlen(buf), len - strlen(buf),
				 "%s%" PRIu64 " %s", buf[0] ? ", " : "",
				 fc->kept[c], class_name(c));
}

int rvmm_filter_lines(const struct rvmm_session *s,
		      const struct rvmm_filter_check *fc,
		      struct rvmm_filter_line *line, int max)
{
	uint64_t kept = 0, judged = fc->pfns - fc->unjudged;
	char classes[64], what[96], flags[160], count[96];
	int n = 0, c, level = fc->level;

	if (level < 0)
		return 0;
	for (c = RVMM_FC_FREE; c < RVMM_FC_NR; c++)
		kept += fc->kept[c];
	classes_str(level & RVMM_DL_HOLES, classes, sizeof(classes));
	if (fc->pfns)
		snprintf(count, sizeof(count),
			 ": %" PRIu64 " of %" PRIu64
			 " pages of the dump's memory are not in the file",
			 fc->absent, fc->pfns);
	else
		snprintf(count, sizeof(count),
			 ": which pages the file lacks is unknown");
	if (level & RVMM_DL_HOLES)
		add(line, &n, max, "filtered",
		    "dump level %d (makedumpfile -d %d) leaves out %s pages%s%s",
		    level, level, classes,
		    level & RVMM_DL_ZERO
			    ? " and stores zero pages once (read as zeroes)"
			    : "",
		    count);
	else
		add(line, &n, max, "filtered", "dump level %d%s%s%s", level,
		    level & RVMM_DL_ZERO
			    ? " stores zero pages once (they read as zeroes) and leaves no page out"
			    : " leaves no page out",
		    count,
		    fc->absent ? ": the file lacks pages its level keeps" : "");
	if (level & RVMM_DL_HOLES) {
		what[0] = '\0';
		if (level & RVMM_DL_USER)
			snprintf(what, sizeof(what), ", user pages");
		if (level & (RVMM_DL_CACHE | RVMM_DL_CACHE_PRIVATE))
			snprintf(what + strlen(what),
				 sizeof(what) - strlen(what),
				 ", the page cache");
		if (level & RVMM_DL_FREE)
			add(line, &n, max, "missing",
			    "not in the file: free pages (a page-table page freed before the crash, as the silent form's vmemmap PMD table, cannot be read, only its struct page)%s",
			    what);
		else
			add(line, &n, max, "missing", "not in the file: %s",
			    what + 2);
	}
	if (!fc->ran) {
		if (level & RVMM_DL_HOLES)
			add(line, &n, max, "filtered",
			    "the file's choice of pages is not checked: %s",
			    fc->why.msg);
	} else if (judged && fc->agree == judged) {
		add(line, &n, max, "filtered",
		    "the file holds exactly the pages makedumpfile's rules for level %d keep, each judged by its own struct page (%" PRIu64
		    " pages%s)",
		    level, judged, fc->unjudged ? ", some unreadable" : "");
	} else if (judged) {
		char parts[160] = "";

		kept_str(fc, what, sizeof(what));
		rvmm_page_flags_str(&s->pages, fc->dropped_flags, flags,
				    sizeof(flags));
		if (kept)
			snprintf(parts, sizeof(parts),
				 "%" PRIu64
				 " kept that the level leaves out (%s)",
				 kept, what);
		if (fc->dropped)
			snprintf(parts + strlen(parts),
				 sizeof(parts) - strlen(parts),
				 "%s%" PRIu64
				 " left out that it keeps (%" PRIu64 " in use)",
				 kept ? ", " : "", fc->dropped,
				 fc->dropped_in_use);
		add(line, &n, max, "filtered",
		    "the file disagrees with makedumpfile's level %d rules, each page judged by its own struct page, on %" PRIu64
		    " of %" PRIu64 " pages: %s",
		    level, judged - fc->agree, judged, parts);
		if (fc->misread_ran && fc->misread_agree == fc->misread_pfns &&
		    fc->memmap_leaf > RVMM_PAGE_SIZE) {
			char sz[24];

			add(line, &n, max, "filtered",
			    "that choice is, for all %" PRIu64
			    " pages, the rules on the struct page read through the %s vmemmap leaves without the offset bits above 4 KiB: makedumpfile <= 1.7.9's riscv64 huge-leaf bug (fixed upstream by 863e2c4)",
			    fc->misread_pfns,
			    rvmm_size_str(fc->memmap_leaf, sz, sizeof(sz)));
		} else if (fc->misread_ran) {
			add(line, &n, max, "filtered",
			    "nor is it makedumpfile's riscv64 huge-leaf misreading (<= 1.7.9): that agrees on %" PRIu64
			    " of %" PRIu64 " pages",
			    fc->misread_agree, fc->misread_pfns);
		}
		if (fc->dropped == 1)
			add(line, &n, max, "missing",
			    "1 page the level keeps is not in the file, %s: pfn 0x%" PRIx64
			    " (flags 0x%" PRIx64 "%s%s, refcount %" PRId32 ")",
			    fc->dropped_in_use ? "in use" : "not in use",
			    fc->dropped_pfn, fc->dropped_flags,
			    flags[0] ? " " : "", flags, fc->dropped_refcount);
		else if (fc->dropped)
			add(line, &n, max, "missing",
			    "%" PRIu64
			    " pages the level keeps are not in the file, %" PRIu64
			    " of them in use: e.g. pfn 0x%" PRIx64
			    " (flags 0x%" PRIx64 "%s%s, refcount %" PRId32 ")",
			    fc->dropped, fc->dropped_in_use, fc->dropped_pfn,
			    fc->dropped_flags, flags[0] ? " " : "", flags,
			    fc->dropped_refcount);
	}
	if (fc->tables_absent || fc->memmap_absent) {
		what[0] = '\0';
		if (fc->tables_absent)
			snprintf(what, sizeof(what),
				 "%" PRIu64 " of %" PRIu64 " page-table pages",
				 fc->tables_absent, fc->tables);
		if (fc->memmap_absent)
			snprintf(what + strlen(what),
				 sizeof(what) - strlen(what),
				 "%s%" PRIu64 " of %" PRIu64
				 " pages of the struct page array",
				 what[0] ? ", " : "", fc->memmap_absent,
				 fc->memmap_pages);
		add(line, &n, max, "missing",
		    "live kernel memory that no dump level leaves out is not in the file: %s (page-table pages from swapper_pg_dir; what an absent table maps cannot be found)",
		    what);
	}
	return n;
}

/* Replace the first "old" in buf by "new", within len bytes. */
static void rename_in(char *buf, size_t len, const char *old, const char *new)
{
	char *at = strstr(buf, old), tail[256];

	if (!at)
		return;
	snprintf(tail, sizeof(tail), "%s", at + strlen(old));
	snprintf(at, len - (size_t)(at - buf), "%s%s", new, tail);
}

void rvmm_triage_filtering(const struct rvmm_session *s, struct rvmm_triage *t)
{
	struct rvmm_filter_line line[RVMM_FILTER_LINES];
	struct rvmm_filter_check fc;
	int i, n;

	if (s->dump_level < 0)
		return;
	/* called once already (the lines are there): nothing to add */
	for (i = 0; i < t->nr; i++)
		if (!strcmp(t->ev[i].kind, "filtered"))
			return;
	rvmm_filter_check(s, &fc);
	/* a level that leaves nothing out, and a file that holds it all */
	if (!(s->dump_level & RVMM_DL_HOLES) && !fc.absent &&
	    !fc.tables_absent && !fc.memmap_absent)
		return;
	if (s->dump_level & RVMM_DL_HOLES)
		for (i = 0; i < t->nr; i++) {
			if (strcmp(t->ev[i].kind, "missing"))
				continue;
			rename_in(t->ev[i].detail, sizeof(t->ev[i].detail),
				  "not in the dump (filtered out)", s->absent);
			rename_in(t->ev[i].detail, sizeof(t->ev[i].detail),
				  "not in the dump", s->absent);
		}
	n = rvmm_filter_lines(s, &fc, line, RVMM_FILTER_LINES);
	for (i = 0; i < n; i++)
		rvmm_evidence(t, line[i].kind, "%s", line[i].text);
}
