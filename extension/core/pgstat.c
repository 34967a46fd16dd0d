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
		snprintf(ps->counter_err, sizeof(ps->counter_err),
			 "no symbol nr_cpu_ids: per-cpu deltas of CPU 0 only");
	} else if (rd(c->s, ids_va, &ids, 4)) {
		return -1;
	}
	if (ids == 0 || ids > MAX_CPUS)
		return -1;
	if (ids > 64) {
		snprintf(ps->counter_err, sizeof(ps->counter_err),
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
		snprintf(ps->counter_err, sizeof(ps->counter_err),
			 "debug info "
			 "lacks NR_PAGETABLE or pglist_data.vm_stat/"
			 "per_cpu_nodestats");
		return;
	}
	if (cpus(&c, ps)) {
		snprintf(ps->counter_err, sizeof(ps->counter_err),
			 "cannot "
			 "read nr_cpu_ids/__per_cpu_offset");
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
		snprintf(ps->counter_err, sizeof(ps->counter_err),
			 "no symbol "
			 "contig_page_data or node_data");
		return;
	}
	ps->counter_ok = 1;
	ps->counter_exact = !ps->counter_err[0];
	return;
unreadable:
	snprintf(ps->counter_err, sizeof(ps->counter_err),
		 "node statistics "
		 "not readable in the dump");
}

struct scan {
	const struct rvmm_session *s;
	struct rvmm_pgtable_stat *ps;
};

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

/* Count the table pages among the struct pages of one section. */
static int scan_section(void *arg, const struct rvmm_section *sec)
{
	struct scan *sc = arg;
	const struct rvmm_session *s = sc->s;
	const struct rvmm_page_layout *p = &s->pages;
	unsigned char buf[RVMM_PAGE_SIZE];
	uint64_t per = RVMM_PAGE_SIZE / p->size, i, j, n, left, va;
	uint32_t pt;

	if (!sec->present || !sec->has_mem_map)
		return 0;
	if (rvmm_interrupted(&s->src)) {
		sc->ps->interrupted = 1;
		return 1;
	}
	for (i = 0; i < s->sections.pages_per_section; i += per) {
		va = sec->first_page + i * p->size;
		if (rvmm_read_kva(s, va, buf, per * p->size) != RVMM_READ_OK) {
			/* skip a whole unmapped span: a garbage section
			 * can be 2^28 struct pages */
			n = unmapped_span(s, va) / RVMM_PAGE_SIZE;
			left = (s->sections.pages_per_section - i + per - 1) /
			       per;
			if (n > left)
				n = left;
			if (!n)
				n = 1;
			sc->ps->unreadable_chunks += n;
			i += (n - 1) * per;
			continue;
		}
		for (j = 0; j < per; j++) {
			memcpy(&pt, buf + j * p->size + p->page_type, 4);
			sc->ps->scanned_pages++;
			if (rvmm_page_type_decode(p->scheme, pt) ==
			    RVMM_PT_TABLE)
				sc->ps->table_pages++;
		}
	}
	return 0;
}

static void scan_pages(const struct rvmm_session *s,
		       struct rvmm_pgtable_stat *ps)
{
	struct scan sc = {s, ps};
	unsigned long bad_roots;

	if (!s->pages.ok || s->pages.scheme == RVMM_PTYPE_UNKNOWN ||
	    !s->sections.ok || RVMM_PAGE_SIZE % s->pages.size) {
		snprintf(ps->scan_err, sizeof(ps->scan_err), "%s",
			 !s->pages.ok	   ? s->pages.err
			 : !s->sections.ok ? s->sections.err
					   : "page_type encoding unknown");
		return;
	}
	if (rvmm_for_each_section(s, 0, scan_section, &sc, &bad_roots)) {
		snprintf(ps->scan_err, sizeof(ps->scan_err),
			 "mem_section "
			 "not readable");
		return;
	}
	if (ps->interrupted) {
		snprintf(ps->scan_err, sizeof(ps->scan_err), "interrupted");
		return;
	}
	ps->scan_ok = 1;
	ps->scan_complete = !bad_roots && !ps->unreadable_chunks;
	if (!ps->scan_complete)
		snprintf(ps->scan_err, sizeof(ps->scan_err),
			 "%lu mem_section "
			 "roots and %lu memmap pages unreadable: count is a "
			 "lower bound",
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
