// SPDX-License-Identifier: GPL-2.0
/*
 * `vmemmap`: mem_section decoding and consistency checks between the
 * sections and the vmemmap mappings: memmap not mapped, mappings with no
 * section, struct pages outside VMEMMAP_START..END (the Sv48 wrap for
 * pfns near 2^44) and 2 MiB vmemmap blocks shared by two sections (freeing
 * one frees the other's memmap).
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

#define SZ_2M (2ULL << 20)

struct vm {
	struct rvmm_session *s;
	struct rvmm_out *o;
	struct rvmm_json j;
	int check; /* run the cross-checks (all sections) */
	uint64_t *present; /* section numbers, ascending */
	size_t nr, cap;
	uint64_t prev_nr, prev_last_block;
	int have_prev;
	unsigned long problems;
};

static void problem(struct vm *v, const char *kind, uint64_t nr, uint64_t va,
		    const char *fmt_detail, uint64_t x)
{
	v->problems++;
	if (v->o->json) {
		rvmm_json_obj_begin(&v->j, NULL);
		rvmm_json_str(&v->j, "type", "problem");
		rvmm_json_str(&v->j, "problem", kind);
		rvmm_json_u64(&v->j, "section", nr);
		rvmm_json_hex(&v->j, "va", va);
		rvmm_json_hex(&v->j, "detail", x);
		rvmm_json_obj_end(&v->j);
		return;
	}
	rvmm_printf(v->o, "!! section %" PRIu64 ": %s at 0x%016" PRIx64 " ", nr,
		    kind, va);
	rvmm_printf(v->o, fmt_detail, x);
	rvmm_puts(v->o, "\n");
}

/* Bytes of [a, b) not mapped; first unmapped VA in *first. */
static uint64_t unmapped_bytes(struct rvmm_session *s, uint64_t a, uint64_t b,
			       uint64_t *first)
{
	struct rvmm_xlate x;
	uint64_t va = a, step, miss = 0;

	*first = 0;
	while (va < b && va >= a) {
		rvmm_translate(&s->src, s->layout.swapper_pg_dir_pa,
			       s->layout.levels, va, &x);
		if (x.status == RVMM_XL_OK)
			step = x.map_size;
		else if (x.status != RVMM_XL_NON_CANONICAL && x.nr)
			/* the entry that failed covers this much */
			step = rvmm_level_size(s->layout.levels, x.nr - 1);
		else
			step = RVMM_PAGE_SIZE;
		step -= va & (step - 1);
		if (x.status == RVMM_XL_NON_CANONICAL)
			/* up to the bottom of the upper canonical half */
			step = (0 - (1ULL << (s->layout.va_bits - 1))) - va;
		if (step > b - va)
			step = b - va;
		if (x.status != RVMM_XL_OK) {
			if (!miss)
				*first = va;
			miss += step;
		}
		va += step;
	}
	return miss;
}

static void check_section(struct vm *v, const struct rvmm_section *sec)
{
	const struct rvmm_layout *l = &v->s->layout;
	uint64_t first, miss, alias;

	if (sec->first_page < l->vmemmap_start ||
	    sec->end_page > l->vmemmap_end || sec->end_page < sec->first_page) {
		alias = rvmm_canonical(l, sec->first_page);
		problem(v, "struct pages outside VMEMMAP_START..END", sec->nr,
			sec->first_page,
			"(MMU index bits alias it to 0x%016" PRIx64 ")", alias);
	}
	miss = unmapped_bytes(v->s, sec->first_page, sec->end_page, &first);
	if (miss)
		problem(v, "present section with unmapped struct pages",
			sec->nr, first, "(0x%" PRIx64 " bytes unmapped)", miss);
	if (v->have_prev && sec->first_page / SZ_2M == v->prev_last_block &&
	    sec->nr != v->prev_nr)
		problem(v, "2M vmemmap block shared with previous section",
			sec->nr, v->prev_last_block * SZ_2M,
			"(previous section %" PRIu64 ")", v->prev_nr);
	v->have_prev = 1;
	v->prev_nr = sec->nr;
	v->prev_last_block = (sec->end_page - 1) / SZ_2M;
}

static void print_section(struct vm *v, const struct rvmm_section *sec)
{
	const struct rvmm_section_layout *sl = &v->s->sections;
	struct rvmm_json *j = &v->j;

	if (v->o->json) {
		rvmm_json_obj_begin(j, NULL);
		rvmm_json_str(j, "type", "section");
		rvmm_json_u64(j, "nr", sec->nr);
		rvmm_json_u64(j, "start_pfn", sec->start_pfn);
		rvmm_json_u64(j, "nr_pages", sl->pages_per_section);
		rvmm_json_hex(j, "mem_section", sec->ms_va);
		rvmm_json_hex(j, "section_mem_map", sec->raw);
		rvmm_json_bool(j, "present", sec->present);
		rvmm_json_bool(j, "has_mem_map", sec->has_mem_map);
		rvmm_json_bool(j, "online", sec->online);
		rvmm_json_bool(j, "early", sec->early);
		rvmm_json_bool(j, "zone_device", sec->zone_device);
		rvmm_json_hex(j, "mem_map_decoded", sec->map_decoded);
		rvmm_json_hex(j, "first_page", sec->first_page);
		rvmm_json_hex(j, "end_page", sec->end_page);
		rvmm_json_obj_end(j);
		return;
	}
	rvmm_printf(v->o,
		    "%7" PRIu64 "  %010" PRIx64 "  %016" PRIx64
		    "  %c%c%c%c%c  %016" PRIx64 "-%016" PRIx64 "\n",
		    sec->nr, sec->start_pfn, sec->raw, sec->present ? 'P' : '-',
		    sec->has_mem_map ? 'M' : '-', sec->online ? 'O' : '-',
		    sec->early ? 'E' : '-', sec->zone_device ? 'Z' : '-',
		    sec->first_page, sec->end_page);
}

static int each(void *arg, const struct rvmm_section *sec)
{
	struct vm *v = arg;

	if (!sec->present)
		return 0;
	print_section(v, sec);
	if (!v->check)
		return 0;
	if (v->nr == v->cap) {
		size_t cap = v->cap ? 2 * v->cap : 256;
		uint64_t *n = realloc(v->present, cap * sizeof(*n));

		if (!n)
			return 1;
		v->present = n;
		v->cap = cap;
	}
	v->present[v->nr++] = sec->nr;
	check_section(v, sec);
	return 0;
}

/* Is a present section numbered first..last?  (present[] is sorted.) */
static int has_section(const struct vm *v, uint64_t first, uint64_t last)
{
	size_t lo = 0, hi = v->nr;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (v->present[mid] < first)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < v->nr && v->present[lo] <= last;
}

/* A vmemmap leaf whose struct pages belong to no present section. */
static int leaf_visit(void *arg, const struct rvmm_visit *w)
{
	struct vm *v = arg;
	const struct rvmm_layout *l = &v->s->layout;
	uint64_t lo, hi, shift;

	if (w->kind != RVMM_VISIT_LEAF)
		return 0;
	shift = v->s->layout.section_size_bits - RVMM_PAGE_SHIFT;
	lo = (w->va - l->vmemmap) / l->page_struct_size;
	hi = (w->va + w->size - 1 - l->vmemmap) / l->page_struct_size;
	/* one search, not a loop over (garbage-sized) section ranges */
	if (has_section(v, lo >> shift, hi >> shift))
		return 0;
	problem(v, "vmemmap mapping with no present section", lo >> shift,
		w->va, "(maps PA 0x%016" PRIx64 ")", w->pa);
	return 0;
}

static int one(struct vm *v, uint64_t nr, uint64_t pfn, int by_pfn)
{
	struct rvmm_section sec;
	struct rvmm_xlate x;
	uint64_t page;
	int r = rvmm_section_get(v->s, nr, &sec);

	if (r < 0 && v->s->sections.ok && nr >= v->s->sections.nr_sections) {
		rvmm_err(v->s, v->o,
			 "section %" PRIu64
			 " is beyond NR_MEM_SECTIONS (%" PRIu64 ")",
			 nr, v->s->sections.nr_sections);
		return -1;
	}
	if (r) {
		rvmm_err(v->s, v->o, "section %" PRIu64 " %s", nr,
			 r > 0 ? "has no root: not present" : "unreadable");
		return -1;
	}
	if (v->o->json) {
		rvmm_json_init(&v->j, v->o);
		rvmm_json_obj_begin(&v->j, NULL);
		rvmm_json_str(&v->j, "command", "vmemmap");
		rvmm_json_arr_begin(&v->j, "entries");
	} else {
		rvmm_printf(
			v->o,
			"section  start_pfn   section_mem_map   flags  struct pages\n");
	}
	print_section(v, &sec);
	if (by_pfn) {
		page = rvmm_pfn_to_page(&v->s->layout, pfn);
		rvmm_translate(&v->s->src, v->s->layout.swapper_pg_dir_pa,
			       v->s->layout.levels, page, &x);
		if (v->o->json) {
			rvmm_json_obj_begin(&v->j, NULL);
			rvmm_json_str(&v->j, "type", "pfn");
			rvmm_json_u64(&v->j, "pfn", pfn);
			rvmm_json_hex(&v->j, "page", page);
			rvmm_json_str(&v->j, "status",
				      rvmm_xlate_status_str(x.status));
			if (x.status == RVMM_XL_OK)
				rvmm_json_hex(&v->j, "page_pa", x.pa);
			else
				rvmm_json_null(&v->j, "page_pa");
			rvmm_json_obj_end(&v->j);
		} else {
			rvmm_printf(v->o,
				    "pfn 0x%" PRIx64
				    ": struct page 0x%016" PRIx64 " -> %s",
				    pfn, page, rvmm_xlate_status_str(x.status));
			if (x.status == RVMM_XL_OK)
				rvmm_printf(v->o, " PA 0x%016" PRIx64, x.pa);
			rvmm_puts(v->o, "\n");
		}
	}
	if (v->o->json) {
		rvmm_json_arr_end(&v->j);
		rvmm_json_obj_end(&v->j);
		rvmm_json_finish(&v->j);
	}
	return 0;
}

int rvmm_cmd_vmemmap(struct rvmm_session *s, struct rvmm_out *o,
		     enum rvmm_vmemmap_sel sel, uint64_t arg)
{
	uint64_t shift = s->layout.section_size_bits - RVMM_PAGE_SHIFT;
	unsigned long bad = 0;
	struct vm v;
	int ret;

	if (!s->sections.ok) {
		rvmm_err(s, o, "%s", s->sections.err.msg);
		return -1;
	}
	memset(&v, 0, sizeof(v));
	v.s = s;
	v.o = o;
	if (sel == RVMM_VMEMMAP_PFN)
		return one(&v, arg >> shift, arg, 1);
	if (sel == RVMM_VMEMMAP_SECTION)
		return one(&v, arg, 0, 0);
	v.check = 1;
	if (o->json) {
		rvmm_json_init(&v.j, o);
		rvmm_json_obj_begin(&v.j, NULL);
		rvmm_json_str(&v.j, "command", "vmemmap");
		rvmm_json_arr_begin(&v.j, "entries");
	} else {
		rvmm_printf(
			o,
			"section  start_pfn   section_mem_map   flags  struct pages   (P present M mem_map O online E early Z zone-device)\n");
	}
	ret = rvmm_for_each_section(s, 0, each, &v, &bad);
	if (!ret)
		ret = rvmm_walk(&s->src, s->layout.swapper_pg_dir_pa,
				s->layout.levels, s->layout.vmemmap_start,
				s->layout.vmemmap_end, s->opt.max_tables,
				leaf_visit, &v, NULL);
	if (o->json) {
		rvmm_json_arr_end(&v.j);
		rvmm_json_u64(&v.j, "present_sections", v.nr);
		rvmm_json_u64(&v.j, "problems", v.problems);
		rvmm_json_u64(&v.j, "unreadable_roots", bad);
		rvmm_json_obj_end(&v.j);
		rvmm_json_finish(&v.j);
	} else {
		rvmm_printf(
			o,
			"%zu present sections, %lu problems, %lu unreadable roots\n",
			v.nr, v.problems, bad);
	}
	free(v.present);
	return ret;
}
