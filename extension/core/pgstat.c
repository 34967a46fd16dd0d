// SPDX-License-Identifier: GPL-2.0
/*
 * Page-table page accounting.  The kernel counts constructed page tables
 * in the node counter NR_PAGETABLE (lruvec_stat_add_folio in
 * pagetable_*_ctor, _sub_ in the dtors): pgdat->vm_stat[] plus the s8
 * per-cpu deltas in pgdat->per_cpu_nodestats (mm/vmstat.c).  Independently
 * we count the struct pages whose page_type says "table".  A dtor run on a
 * table that never went through the ctor (the silent form of the vmemmap
 * PMD bug) lowers the counter without a matching page: a deficit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forensics.h"
#include "internal.h"

#define MAX_NODES 1024
#define MAX_CPUS 4096

struct counter {
	const struct rvmm_session *s;
	int64_t item;
	long vm_stat, pcp, diff;
	uint64_t cpu_off[64]; /* first 64 cpus' per-cpu offsets */
	int nr_cpus;
};

static int rd(const struct rvmm_session *s, uint64_t va, void *v, size_t n)
{
	return rvmm_read_kva(s, va, v, n) == RVMM_READ_OK ? 0 : -1;
}

/* CPUs whose per-cpu areas may hold deltas: cpu_possible_mask. */
static int cpus(struct counter *c, struct rvmm_pgtable_stat *ps)
{
	const struct rvmm_source *src = &c->s->src;
	uint64_t offs, ids_va, mask_va, mask = ~0ULL;
	uint32_t ids = 1;
	int cpu;

	if (rvmm_symbol(src, "__per_cpu_offset", &offs)) {
		c->cpu_off[0] = 0; /* UP: the per-cpu pointer is direct */
		c->nr_cpus = 1;
		return 0;
	}
	if (rvmm_symbol(src, "nr_cpu_ids", &ids_va)) {
		rvmm_fail(&ps->counter_err, RVMM_EFAILED,
			  "no symbol nr_cpu_ids: per-cpu deltas of CPU 0 only");
	} else if (rd(c->s, ids_va, &ids, 4)) {
		return -1;
	}
	if (ids == 0 || ids > MAX_CPUS)
		return -1;
	if (ids > 64) {
		rvmm_fail(&ps->counter_err, RVMM_EFAILED,
			  "%u CPUs: per-cpu deltas past 64 not read", ids);
		ids = 64;
	}
	if (!rvmm_symbol(src, "__cpu_possible_mask", &mask_va))
		rd(c->s, mask_va, &mask, 8);
	for (cpu = 0; cpu < (int)ids; cpu++) {
		if (!(mask >> cpu & 1))
			continue;
		if (rd(c->s, offs + 8 * cpu, &c->cpu_off[c->nr_cpus], 8))
			return -1;
		c->nr_cpus++;
	}
	return 0;
}

static int node_counter(struct counter *c, uint64_t pgdat, int64_t *vm,
			int64_t *total)
{
	uint64_t pcp;
	int64_t v;
	int8_t d;
	int i;

	if (rd(c->s, pgdat + c->vm_stat + 8 * c->item, &v, 8) ||
	    rd(c->s, pgdat + c->pcp, &pcp, 8))
		return -1;
	*vm += v;
	*total += v;
	for (i = 0; i < c->nr_cpus; i++) {
		/* vm_node_stat_diff[] is s8 (struct per_cpu_nodestat) */
		if (rd(c->s, pcp + c->cpu_off[i] + c->diff + c->item, &d, 1))
			return -1;
		*total += d;
	}
	return 0;
}

static void read_counter(const struct rvmm_session *s,
			 struct rvmm_pgtable_stat *ps)
{
	const struct rvmm_source *src = &s->src;
	struct counter c = {.s = s};
	uint64_t pgdat, nd, nr_va;
	uint32_t nr_nodes = 1;
	unsigned int n;

	c.vm_stat = rvmm_member(src, "pglist_data", "vm_stat");
	c.pcp = rvmm_member(src, "pglist_data", "per_cpu_nodestats");
	c.diff = rvmm_member(src, "per_cpu_nodestat", "vm_node_stat_diff");
	if (rvmm_enum(src, "NR_PAGETABLE", &c.item) || c.item < 0 ||
	    c.item > 255 || c.vm_stat < 0 || c.pcp < 0 || c.diff < 0) {
		rvmm_fail(
			&ps->counter_err, RVMM_EFAILED,
			"debug info lacks NR_PAGETABLE or pglist_data.vm_stat/per_cpu_nodestats");
		return;
	}
	if (cpus(&c, ps)) {
		rvmm_fail(&ps->counter_err, RVMM_EFAILED,
			  "cannot read nr_cpu_ids/__per_cpu_offset");
		return;
	}
	ps->nr_cpus = c.nr_cpus;
	if (!rvmm_symbol(src, "contig_page_data", &pgdat)) {
		if (node_counter(&c, pgdat, &ps->counter_vm_stat, &ps->counter))
			goto unreadable;
		ps->nr_nodes = 1;
	} else if (!rvmm_symbol(src, "node_data", &nd)) {
		if (!rvmm_symbol(src, "nr_node_ids", &nr_va))
			rd(s, nr_va, &nr_nodes, 4);
		for (n = 0; n < nr_nodes && n < MAX_NODES; n++) {
			if (rd(s, nd + 8 * n, &pgdat, 8))
				goto unreadable;
			if (!pgdat)
				continue;
			if (node_counter(&c, pgdat, &ps->counter_vm_stat,
					 &ps->counter))
				goto unreadable;
			ps->nr_nodes++;
		}
	} else {
		rvmm_fail(&ps->counter_err, RVMM_EFAILED,
			  "no symbol contig_page_data or node_data");
		return;
	}
	ps->counter_ok = 1;
	ps->counter_exact = !ps->counter_err.msg[0];
	return;
unreadable:
	rvmm_fail(&ps->counter_err, RVMM_EFAILED,
		  "node statistics not readable in the dump");
}

struct scan {
	const struct rvmm_session *s;
	struct rvmm_pgtable_stat *ps;
	unsigned char *buf; /* RUN_BYTES + one struct page */
};

/*
 * The memmap of a section is read in runs of up to RUN_BYTES of VA; a run
 * that does not read whole is retried one 4 KiB piece at a time up to its
 * end, so that one unreadable piece costs one piece.  Struct pages need not
 * divide 4096 (56 bytes without MEMCG, 72 or 80 with debug options): the
 * tail of a struct page that straddles the end of a run is carried over to
 * the next one, and a struct page with a byte in an unreadable piece is not
 * counted at all.
 */
#define RUN_BYTES (16 * RVMM_PAGE_SIZE)

/* Bytes from va on that cannot translate, as the failing entry says. */
static uint64_t unmapped_span(const struct rvmm_session *s, uint64_t va)
{
	struct rvmm_xlate x;
	uint64_t size;

	rvmm_translate(&s->src, s->layout.swapper_pg_dir_pa, s->layout.levels,
		       va, &x);
	if (x.status == RVMM_XL_OK || x.status == RVMM_XL_NON_CANONICAL ||
	    !x.nr)
		return 0;
	size = rvmm_level_size(s->layout.levels, x.nr - 1);
	return size - (va & (size - 1));
}

/* What is known of one section's memmap while it is being read. */
struct memmap {
	uint64_t start, end; /* [first_page, end_page) */
	uint64_t next; /* VA of the next struct page to count */
	uint64_t buf_va; /* VA of buf[0] */
	size_t have; /* bytes in buf */
};

/* Count the whole struct pages held in buf; keep the partial last one. */
static void count_pages(struct scan *sc, struct memmap *m)
{
	const struct rvmm_page_layout *p = &sc->s->pages;
	uint64_t stop = m->buf_va + m->have;
	uint32_t pt;

	for (; m->next + p->size <= stop; m->next += p->size) {
		memcpy(&pt, sc->buf + (m->next - m->buf_va) + p->page_type, 4);
		sc->ps->scanned_pages++;
		if (rvmm_page_type_decode_layout(p, pt) == RVMM_PT_TABLE)
			sc->ps->table_pages++;
	}
	if (m->next >= stop) {
		m->have = 0;
		return;
	}
	m->have = stop - m->next;
	memmove(sc->buf, sc->buf + (m->next - m->buf_va), m->have);
	m->buf_va = m->next;
}

/* Read [va, va + len) after what buf holds and count; 0 or -1. */
static int take(struct scan *sc, struct memmap *m, uint64_t va, size_t len)
{
	if (!m->have || m->buf_va + m->have != va) {
		m->have = 0;
		m->buf_va = va;
	}
	if (rvmm_read_kva(sc->s, va, sc->buf + m->have, len) != RVMM_READ_OK)
		return -1;
	m->have += len;
	if (m->next < m->buf_va) /* cannot happen: keep the count exact */
		m->next = m->buf_va;
	count_pages(sc, m);
	return 0;
}

/*
 * The piece at va did not read: count it (and the rest of an unmapped
 * span: a garbage section can be 2^28 struct pages) as unreadable, drop
 * the struct pages that have a byte in it, and return where to go on.
 */
static uint64_t skip_bad(struct scan *sc, struct memmap *m, uint64_t va)
{
	const struct rvmm_page_layout *p = &sc->s->pages;
	uint64_t piece_end = (va | (RVMM_PAGE_SIZE - 1)) + 1;
	uint64_t span = unmapped_span(sc->s, va), skip_end;

	skip_end = va + span > piece_end ? va + span : piece_end;
	if (skip_end > m->end || skip_end < va)
		skip_end = m->end;
	sc->ps->unreadable_chunks += ((skip_end - 1) >> RVMM_PAGE_SHIFT) -
				     (va >> RVMM_PAGE_SHIFT) + 1;
	m->have = 0;
	/* the first struct page that starts at or after skip_end */
	m->next = m->start +
		  (skip_end - m->start + p->size - 1) / p->size * p->size;
	return skip_end;
}

/* Count the table pages among the struct pages of one section. */
static int scan_section(void *arg, const struct rvmm_section *sec)
{
	struct scan *sc = arg;
	const struct rvmm_session *s = sc->s;
	struct memmap m;
	uint64_t va, run_end, slow_until = 0;
	size_t len;

	if (!sec->present || !sec->has_mem_map)
		return 0;
	if (rvmm_interrupted(&s->src)) {
		sc->ps->interrupted = 1;
		return 1;
	}
	m.start = sec->first_page;
	m.end = m.start + s->sections.pages_per_section * s->pages.size;
	m.next = m.start;
	m.buf_va = m.start;
	m.have = 0;
	for (va = m.start; va < m.end && va >= m.start;) {
		if (va >= slow_until) {
			/* a run ends on a RUN_BYTES boundary of VA */
			run_end = (va | (RUN_BYTES - 1)) + 1;
			if (run_end > m.end || run_end < va)
				run_end = m.end;
			len = run_end - va;
			if (!take(sc, &m, va, len)) {
				va = run_end;
				continue;
			}
			slow_until = run_end;
		}
		/* one 4 KiB piece at a time up to the end of the run */
		len = RVMM_PAGE_SIZE - (va & (RVMM_PAGE_SIZE - 1));
		if (len > m.end - va)
			len = m.end - va;
		if (!take(sc, &m, va, len))
			va += len;
		else
			va = skip_bad(sc, &m, va);
	}
	return 0;
}

static void scan_pages(const struct rvmm_session *s,
		       struct rvmm_pgtable_stat *ps)
{
	struct scan sc = {s, ps, NULL};
	unsigned long bad_roots;
	int rc;

	if (!s->pages.ok) {
		rvmm_fail(&ps->scan_err, RVMM_EFAILED, "%s", s->pages.err.msg);
		return;
	}
	if (s->pages.scheme == RVMM_PTYPE_UNKNOWN) {
		rvmm_fail(&ps->scan_err, RVMM_EFAILED,
			  "page_type encoding unknown (%s)",
			  s->pages.scheme_why ? s->pages.scheme_why : "?");
		return;
	}
	if (!s->sections.ok) {
		rvmm_fail(&ps->scan_err, RVMM_EFAILED, "%s",
			  s->sections.err.msg);
		return;
	}
	sc.buf = malloc(RUN_BYTES + s->pages.size);
	if (!sc.buf) {
		rvmm_fail(&ps->scan_err, RVMM_EFAILED,
			  "out of memory for the memmap scan");
		return;
	}
	rc = rvmm_for_each_section(s, 0, scan_section, &sc, &bad_roots);
	free(sc.buf);
	/* sections.ok was checked: -1 means the user stopped it */
	if (rc || ps->interrupted) {
		ps->interrupted = 1;
		rvmm_fail(&ps->scan_err, RVMM_EFAILED, "interrupted");
		return;
	}
	ps->scan_ok = 1;
	ps->scan_complete = !bad_roots && !ps->unreadable_chunks;
	if (!ps->scan_complete)
		rvmm_fail(
			&ps->scan_err, RVMM_EFAILED,
			"%lu mem_section roots and %lu memmap pages unreadable: count is a lower bound",
			bad_roots, ps->unreadable_chunks);
}

void rvmm_pgtable_stat(const struct rvmm_session *s,
		       struct rvmm_pgtable_stat *ps)
{
	memset(ps, 0, sizeof(*ps));
	read_counter(s, ps);
	scan_pages(s, ps);
	if (ps->counter_ok && ps->scan_ok)
		ps->deficit = (int64_t)ps->table_pages - ps->counter;
}
