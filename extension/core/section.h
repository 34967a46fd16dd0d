/* SPDX-License-Identifier: GPL-2.0 */
/* mem_section: layout and decoding (section.c). */
#ifndef RVMM_SECTION_H
#define RVMM_SECTION_H

#include <stdint.h>

#include "layout.h"

struct rvmm_session;

struct rvmm_section_layout {
	int ok;
	struct rvmm_error err; /* why not, when !ok */
	int present_bit, has_mem_map_bit, online_bit, early_bit;
	int zone_device_bit; /* -1 if the kernel has none */
	int map_last_bit;
	uint64_t map_mask; /* ~((1 << map_last_bit) - 1) */
	uint64_t sections_per_root;
	uint64_t pages_per_section;
	uint64_t nr_sections; /* 1 << (MAX_PHYSMEM_BITS - SECTION_SIZE_BITS) */
};

struct rvmm_section {
	uint64_t nr;
	uint64_t ms_va; /* VA of the struct mem_section */
	uint64_t raw; /* section_mem_map as stored */
	uint64_t start_pfn;
	int present, has_mem_map, online, early, zone_device;
	uint64_t map_decoded; /* raw & mask: struct page VA of pfn 0 */
	uint64_t first_page; /* struct page VA of start_pfn */
	uint64_t end_page; /* first_page + pages_per_section * SIZE */
};

int rvmm_section_layout_resolve(const struct rvmm_source *src,
				const struct rvmm_layout *l,
				struct rvmm_section_layout *sl,
				struct rvmm_notes *notes);
/* Decode one raw section_mem_map word into s (nr set by caller). */
void rvmm_section_decode(const struct rvmm_section_layout *sl,
			 const struct rvmm_layout *l, uint64_t nr, uint64_t raw,
			 struct rvmm_section *s);

/* Over an open session (section_read.c).  Return non-zero to stop. */
typedef int (*rvmm_section_fn)(void *arg, const struct rvmm_section *s);
/*
 * Call fn for each section whose section_mem_map is non-zero (or for all
 * with all=1).  Unreadable roots are skipped and counted in *bad_roots.
 */
int rvmm_for_each_section(const struct rvmm_session *s, int all,
			  rvmm_section_fn fn, void *arg,
			  unsigned long *bad_roots);
/* 0 ok, -1 unreadable/out of range, 1 root not allocated. */
int rvmm_section_get(const struct rvmm_session *s, uint64_t nr,
		     struct rvmm_section *out);

#endif
