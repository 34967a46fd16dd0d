// SPDX-License-Identifier: GPL-2.0
/*
 * SPARSEMEM_EXTREME mem_section decoding: mem_section is a struct
 * mem_section ** (roots of PAGE_SIZE / SIZE(mem_section) sections each);
 * section_mem_map holds (mem_map - section_start_pfn) | flag bits, so the
 * masked value is the struct page VA of pfn 0 and adding the start pfn
 * gives the section's own memmap (sparse_encode_mem_map()).
 */
#include <string.h>

#include "internal.h"
#include "section.h"

static int enum_bit(const struct rvmm_source *src, const char *name, int dflt,
		    int *missing)
{
	int64_t v;

	if (!rvmm_enum(src, name, &v) && v >= 0 && v < 16)
		return (int)v;
	(*missing)++;
	return dflt;
}

int rvmm_section_layout_resolve(const struct rvmm_source *src,
				const struct rvmm_layout *l,
				struct rvmm_section_layout *sl,
				struct rvmm_notes *notes)
{
	int missing = 0, zd_missing = 0;

	memset(sl, 0, sizeof(*sl));
	/* Defaults: the 6.12 enum with CONFIG_ZONE_DEVICE (mmzone.h). */
	sl->present_bit =
		enum_bit(src, "SECTION_MARKED_PRESENT_BIT", 0, &missing);
	sl->has_mem_map_bit =
		enum_bit(src, "SECTION_HAS_MEM_MAP_BIT", 1, &missing);
	sl->online_bit = enum_bit(src, "SECTION_IS_ONLINE_BIT", 2, &missing);
	sl->early_bit = enum_bit(src, "SECTION_IS_EARLY_BIT", 3, &missing);
	sl->map_last_bit = enum_bit(src, "SECTION_MAP_LAST_BIT", 5, &missing);
	sl->zone_device_bit =
		enum_bit(src, "SECTION_TAINT_ZONE_DEVICE_BIT", 4, &zd_missing);
	if (missing == 5) {
		rvmm_note(
			notes,
			"no SECTION_*_BIT enumerators; assumed the 6.12 CONFIG_ZONE_DEVICE layout (bits 0-4, last 5)");
	} else if (zd_missing) {
		/* Other enumerators exist: the kernel has no ZONE_DEVICE. */
		sl->zone_device_bit = -1;
	}
	sl->map_mask = ~((1ULL << sl->map_last_bit) - 1);
	if (!l->mem_section || !l->mem_section_size ||
	    l->mem_section_size > RVMM_PAGE_SIZE) {
		rvmm_fail(
			&sl->err, RVMM_EINPUT,
			"mem_section unavailable (need SYMBOL(mem_section) and SIZE(mem_section))");
		return -1;
	}
	if (l->mem_section_size < 8 ||
	    l->section_mem_map_off > l->mem_section_size - 8) {
		rvmm_fail(
			&sl->err, RVMM_EINPUT,
			"OFFSET(mem_section.section_mem_map) lies outside SIZE(mem_section)");
		return -1;
	}
	sl->sections_per_root = RVMM_PAGE_SIZE / l->mem_section_size;
	sl->pages_per_section = 1ULL
				<< (l->section_size_bits - RVMM_PAGE_SHIFT);
	sl->nr_sections = 1ULL << (l->max_physmem_bits - l->section_size_bits);
	if (!l->nr_section_roots) {
		rvmm_fail(&sl->err, RVMM_EINPUT,
			  "number of mem_section roots unknown");
		return -1;
	}
	sl->ok = 1;
	return 0;
}

void rvmm_section_decode(const struct rvmm_section_layout *sl,
			 const struct rvmm_layout *l, uint64_t nr, uint64_t raw,
			 struct rvmm_section *s)
{
	memset(s, 0, sizeof(*s));
	s->nr = nr;
	s->raw = raw;
	s->start_pfn = nr * sl->pages_per_section;
	s->present = (raw >> sl->present_bit) & 1;
	s->has_mem_map = (raw >> sl->has_mem_map_bit) & 1;
	s->online = (raw >> sl->online_bit) & 1;
	s->early = (raw >> sl->early_bit) & 1;
	s->zone_device = sl->zone_device_bit >= 0 &&
			 ((raw >> sl->zone_device_bit) & 1);
	s->map_decoded = raw & sl->map_mask;
	s->first_page = s->map_decoded + s->start_pfn * l->page_struct_size;
	s->end_page =
		s->first_page + sl->pages_per_section * l->page_struct_size;
}

/* Read the raw word of every section in one root page. */
