// SPDX-License-Identifier: GPL-2.0
/* `vtop`: one VA through swapper_pg_dir, every level shown. */
#include <inttypes.h>
#include <string.h>

#include "cmd.h"

/*
 * Everything vtop reports, found once: the text and the JSON are two
 * renderings of these facts, so neither can claim what the other lacks.
 */
struct vtop_facts {
	uint64_t va;
	const char *region;
	struct rvmm_xlate x;
	/* the verdict of the table page each level's entry sits in */
	struct rvmm_page_info table_page[RVMM_MAX_LEVELS];
	int in_linear_map;
	uint64_t linear_formula_pa;
	/* the walk and the linear-map formula: 1 agree, 0 not, -1 no walk */
	int linear_formula_agrees;
	int in_struct_page;
	uint64_t struct_page_pfn;
};

/* The verdict of the table page an entry sits in: was it constructed? */
static void decode_table_page(const struct rvmm_session *s,
			      const struct rvmm_xlate_level *lv,
			      struct rvmm_page_info *pi)
{
	int is_pmd = !strcmp(lv->name, "PMD");

	if (rvmm_page_decode(s, lv->table_pa >> RVMM_PAGE_SHIFT, is_pmd, pi))
		pi->verdict = RVMM_TV_UNKNOWN;
}

static void gather(const struct rvmm_session *s, uint64_t va,
		   struct vtop_facts *f)
{
	const struct rvmm_layout *l = &s->layout;
	int i;

	memset(f, 0, sizeof(*f));
	f->va = va;
	f->region = rvmm_region_of(l, va);
	rvmm_translate(&s->src, l->swapper_pg_dir_pa, l->levels, va, &f->x);
	for (i = 0; i < f->x.nr; i++)
		decode_table_page(s, &f->x.lv[i], &f->table_page[i]);
	f->linear_formula_agrees = -1;
	if (va >= l->page_offset && va < l->linear_end) {
		f->in_linear_map = 1;
		f->linear_formula_pa = rvmm_linear_va_to_pa(l, va);
		if (f->x.status == RVMM_XL_OK)
			f->linear_formula_agrees = f->linear_formula_pa ==
						   f->x.pa;
	}
	f->in_struct_page =
		va >= l->vmemmap_start && va < l->vmemmap_end &&
		!rvmm_page_to_pfn(l,
				  va - (va - l->vmemmap) % l->page_struct_size,
				  &f->struct_page_pfn);
}

static void level_json(struct rvmm_json *j, const struct rvmm_xlate_level *lv,
		       const struct rvmm_page_info *pi)
{
	rvmm_json_obj_begin(j, NULL);
	rvmm_json_str(j, "level", lv->name);
	rvmm_json_hex(j, "table_pa", lv->table_pa);
	rvmm_json_u64(j, "index", lv->index);
	rvmm_json_hex(j, "entry_pa", lv->entry_pa);
	if (lv->rr == RVMM_READ_OK)
		rvmm_pte_json(j, "entry", lv->entry);
	else
		rvmm_json_null(j, "entry");
	rvmm_json_str(j, "table_verdict", rvmm_table_verdict_str(pi->verdict));
	if (pi->why)
		rvmm_json_str(j, "table_why", pi->why);
	rvmm_json_obj_end(j);
}

static void vtop_json(struct rvmm_out *o, const struct vtop_facts *f)
{
	const struct rvmm_xlate *x = &f->x;
	struct rvmm_json j;
	int i;

	rvmm_json_init(&j, o);
	rvmm_json_obj_begin(&j, NULL);
	rvmm_json_str(&j, "command", "vtop");
	rvmm_json_hex(&j, "va", f->va);
	rvmm_json_str(&j, "region", f->region);
	rvmm_json_str(&j, "status", rvmm_xlate_status_str(x->status));
	if (x->status == RVMM_XL_OK) {
		rvmm_json_hex(&j, "pa", x->pa);
		rvmm_json_str(&j, "leaf_level", x->lv[x->leaf_level].name);
		rvmm_json_u64(&j, "map_size", x->map_size);
	} else {
		rvmm_json_null(&j, "pa");
	}
	if (f->in_linear_map) {
		rvmm_json_hex(&j, "linear_formula_pa", f->linear_formula_pa);
		if (f->linear_formula_agrees < 0)
			rvmm_json_null(&j, "linear_formula_agrees");
		else
			rvmm_json_bool(&j, "linear_formula_agrees",
				       f->linear_formula_agrees);
	}
	if (f->in_struct_page)
		rvmm_json_u64(&j, "struct_page_of_pfn", f->struct_page_pfn);
	rvmm_json_arr_begin(&j, "levels");
	for (i = 0; i < x->nr; i++)
		level_json(&j, &x->lv[i], &f->table_page[i]);
	rvmm_json_arr_end(&j);
	rvmm_json_obj_end(&j);
	rvmm_json_finish(&j);
}

static void level_text(const struct rvmm_session *s, struct rvmm_out *o,
		       const struct rvmm_xlate_level *lv,
		       const struct rvmm_page_info *pi)
{
	char bits[64];

	rvmm_printf(o, "  %-3s table 0x%016" PRIx64 " [%3u] @0x%016" PRIx64,
		    lv->name, lv->table_pa, lv->index, lv->entry_pa);
	if (lv->rr != RVMM_READ_OK) {
		rvmm_printf(o, "  unreadable (%s)\n",
			    lv->rr == RVMM_READ_NOT_IN_DUMP ? s->absent
							    : "error");
		return;
	}
	rvmm_printf(o, " = 0x%016" PRIx64 "  %s\n", lv->entry,
		    rvmm_pte_bits_str(lv->entry, bits, sizeof(bits)));
	rvmm_printf(o, "      table page pfn 0x%" PRIx64 ": %s%s%s%s\n",
		    lv->table_pa >> RVMM_PAGE_SHIFT,
		    rvmm_table_verdict_str(pi->verdict), pi->why ? " (" : "",
		    pi->why ? pi->why : "", pi->why ? ")" : "");
}

static void vtop_text(const struct rvmm_session *s, struct rvmm_out *o,
		      const struct vtop_facts *f)
{
	const struct rvmm_xlate *x = &f->x;
	char sz[24];
	int i;

	rvmm_printf(o, "VA 0x%016" PRIx64 " (%s)", f->va, f->region);
	if (x->status == RVMM_XL_OK)
		rvmm_printf(o, " -> PA 0x%016" PRIx64 " via %s leaf at %s\n",
			    x->pa, rvmm_size_str(x->map_size, sz, sizeof(sz)),
			    x->lv[x->leaf_level].name);
	else if (x->status == RVMM_XL_NOT_IN_DUMP)
		rvmm_printf(o, ": %s: %s\n", rvmm_xlate_status_str(x->status),
			    s->absent);
	else
		rvmm_printf(o, ": %s\n", rvmm_xlate_status_str(x->status));
	for (i = 0; i < x->nr; i++)
		level_text(s, o, &x->lv[i], &f->table_page[i]);
	if (f->in_linear_map)
		rvmm_printf(o,
			    "  linear-map formula gives PA 0x%016" PRIx64
			    "%s\n",
			    f->linear_formula_pa,
			    f->linear_formula_agrees < 0 ? ""
			    : f->linear_formula_agrees	 ? " (agrees)"
							 : " (DISAGREES)");
	if (f->in_struct_page)
		rvmm_printf(o,
			    "  inside the struct page of pfn 0x%" PRIx64 "\n",
			    f->struct_page_pfn);
}

int rvmm_cmd_vtop(struct rvmm_session *s, struct rvmm_out *o, uint64_t va)
{
	struct vtop_facts f;

	gather(s, va, &f);
	if (o->json)
		vtop_json(o, &f);
	else
		vtop_text(s, o, &f);
	return f.x.status == RVMM_XL_OK ? 0 : -1;
}
