// SPDX-License-Identifier: GPL-2.0
/* `info`: the resolved layout, the region table and where numbers came
 * from. */
#include <inttypes.h>

#include "cmd.h"
#include "filtering.h"

/* What a filtered dump (makedumpfile -d) left out; nothing for others. */
static void print_filtering(struct rvmm_session *s, struct rvmm_out *o,
			    struct rvmm_json *j)
{
	struct rvmm_filter_line line[RVMM_FILTER_LINES];
	struct rvmm_filter_check fc;
	int i, n;

	if (s->dump_level < 0) {
		if (j)
			rvmm_json_null(j, "dump_level");
		return;
	}
	rvmm_filter_check(s, &fc);
	n = rvmm_filter_lines(s, &fc, line, RVMM_FILTER_LINES);
	if (!j) {
		rvmm_printf(o, "filtering:\n");
		for (i = 0; i < n; i++)
			rvmm_printf(o, "  [%s] %s\n", line[i].kind,
				    line[i].text);
		return;
	}
	rvmm_json_s64(j, "dump_level", s->dump_level);
	rvmm_json_obj_begin(j, "filter_check");
	rvmm_json_bool(j, "ran", fc.ran);
	rvmm_json_u64(j, "pages", fc.pfns);
	rvmm_json_u64(j, "absent", fc.absent);
	rvmm_json_u64(j, "unjudged", fc.unjudged);
	rvmm_json_u64(j, "agree", fc.agree);
	rvmm_json_u64(j, "kept_free", fc.kept[RVMM_FC_FREE]);
	rvmm_json_u64(j, "kept_cache",
		      fc.kept[RVMM_FC_CACHE] + fc.kept[RVMM_FC_CACHE_PRIVATE]);
	rvmm_json_u64(j, "kept_user", fc.kept[RVMM_FC_USER]);
	rvmm_json_u64(j, "dropped", fc.dropped);
	rvmm_json_u64(j, "dropped_in_use", fc.dropped_in_use);
	if (fc.dropped)
		rvmm_json_u64(j, "dropped_example_pfn", fc.dropped_pfn);
	else
		rvmm_json_null(j, "dropped_example_pfn");
	rvmm_json_u64(j, "misread_pages", fc.misread_pfns);
	rvmm_json_u64(j, "misread_agree", fc.misread_agree);
	rvmm_json_u64(j, "memmap_leaf", fc.memmap_leaf);
	rvmm_json_u64(j, "tables_absent", fc.tables_absent);
	rvmm_json_u64(j, "memmap_absent", fc.memmap_absent);
	rvmm_json_obj_end(j);
	rvmm_json_arr_begin(j, "filtering");
	for (i = 0; i < n; i++) {
		rvmm_json_obj_begin(j, NULL);
		rvmm_json_str(j, "kind", line[i].kind);
		rvmm_json_str(j, "detail", line[i].text);
		rvmm_json_obj_end(j);
	}
	rvmm_json_arr_end(j);
}

int rvmm_cmd_info(struct rvmm_session *s, struct rvmm_out *o)
{
	const struct rvmm_layout *l = &s->layout;
	struct rvmm_region r[RVMM_MAX_REGIONS];
	uint64_t run_start;
	/* the image is linked at KERNEL_LINK_ADDR; KASLR moves _start */
	uint64_t kaslr = rvmm_symbol(&s->src, "_start", &run_start)
				 ? 0
				 : run_start - l->kernel_link_addr;
	const struct {
		const char *name;
		uint64_t v;
	} f[] = {
		{"phys_ram_base", l->phys_ram_base},
		{"PAGE_OFFSET", l->page_offset},
		{"va_kernel_pa_offset", l->va_kernel_pa_offset},
		{"KERNEL_LINK_ADDR", l->kernel_link_addr},
		{"kaslr_offset", kaslr},
		{"VMALLOC_START", l->vmalloc_start},
		{"VMALLOC_END", l->vmalloc_end},
		{"VMEMMAP_START", l->vmemmap_start},
		{"VMEMMAP_END", l->vmemmap_end},
		{"MODULES_VADDR", l->modules_vaddr},
		{"MODULES_END", l->modules_end},
		{"PCI_IO_START", l->pci_io_start},
		{"FIXADDR_START", l->fixaddr_start},
		{"vmemmap", l->vmemmap},
		{"swapper_pg_dir", l->swapper_pg_dir},
		{"swapper_pg_dir_pa", l->swapper_pg_dir_pa},
		{"mem_section", l->mem_section},
	};
	struct rvmm_json j;
	int i, n;

	n = rvmm_regions(l, r, RVMM_MAX_REGIONS);
	if (o->json) {
		rvmm_json_init(&j, o);
		rvmm_json_obj_begin(&j, NULL);
		rvmm_json_str(&j, "command", "info");
		rvmm_json_str(&j, "mode", l->mode);
		rvmm_json_u64(&j, "va_bits", l->va_bits);
		rvmm_json_u64(&j, "levels", l->levels);
		rvmm_json_u64(&j, "page_size", l->page_size);
		rvmm_json_str(&j, "osrelease", l->osrelease);
		rvmm_json_str(&j, "dump_format", s->dump_format);
		rvmm_json_str(&j, "source", s->src.name);
		rvmm_json_obj_begin(&j, "layout");
		for (i = 0; i < (int)ARRAY_SIZE(f); i++)
			rvmm_json_hex(&j, f[i].name, f[i].v);
		rvmm_json_u64(&j, "SIZE(page)", l->page_struct_size);
		rvmm_json_u64(&j, "SIZE(mem_section)", l->mem_section_size);
		rvmm_json_s64(&j, "SECTION_SIZE_BITS", l->section_size_bits);
		rvmm_json_s64(&j, "MAX_PHYSMEM_BITS", l->max_physmem_bits);
		rvmm_json_u64(&j, "mem_section_roots", l->nr_section_roots);
		rvmm_json_obj_end(&j);
		rvmm_json_arr_begin(&j, "regions");
		for (i = 0; i < n; i++) {
			rvmm_json_obj_begin(&j, NULL);
			rvmm_json_str(&j, "name", r[i].name);
			rvmm_json_hex(&j, "start", r[i].start);
			rvmm_json_hex(&j, "end", r[i].end);
			rvmm_json_str(&j, "desc", r[i].desc);
			rvmm_json_obj_end(&j);
		}
		rvmm_json_arr_end(&j);
		rvmm_json_str(&j, "page_type_scheme",
			      rvmm_ptype_scheme_str(s->pages.scheme));
		rvmm_json_str(&j, "page_type_scheme_why", s->pages.scheme_why);
		rvmm_json_bool(&j, "page_decoding", s->pages.ok);
		rvmm_json_bool(&j, "section_decoding", s->sections.ok);
		print_filtering(s, o, &j);
		rvmm_print_notes(s, o, &j);
		rvmm_json_obj_end(&j);
		rvmm_json_finish(&j);
		return 0;
	}
	rvmm_printf(o,
		    "riscv64 %s (VA_BITS %d, %d levels), PAGE_SIZE %" PRIu64
		    ", kernel %s, %s%s%s\n",
		    l->mode, l->va_bits, l->levels, l->page_size,
		    l->osrelease[0] ? l->osrelease : "?",
		    s->src.name ? s->src.name : "source",
		    s->dump_format ? " " : "",
		    s->dump_format ? s->dump_format : "");
	for (i = 0; i < (int)ARRAY_SIZE(f); i++)
		rvmm_printf(o, "  %-20s 0x%016" PRIx64 "\n", f[i].name, f[i].v);
	rvmm_printf(o,
		    "  SIZE(page) %" PRIu64 ", SIZE(mem_section) %" PRIu64
		    ", SECTION_SIZE_BITS %d, MAX_PHYSMEM_BITS %d, %" PRIu64
		    " section roots\n",
		    l->page_struct_size, l->mem_section_size,
		    l->section_size_bits, l->max_physmem_bits,
		    l->nr_section_roots);
	rvmm_printf(o, "  page_type encoding: %s (%s)\n",
		    rvmm_ptype_scheme_str(s->pages.scheme),
		    s->pages.scheme_why ? s->pages.scheme_why : "-");
	rvmm_printf(o, "regions:\n");
	for (i = 0; i < n; i++)
		rvmm_printf(o, "  %-8s 0x%016" PRIx64 "-0x%016" PRIx64 "  %s\n",
			    r[i].name, r[i].start, r[i].end, r[i].desc);
	print_filtering(s, o, NULL);
	rvmm_print_notes(s, o, NULL);
	return 0;
}
