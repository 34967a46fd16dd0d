/* SPDX-License-Identifier: GPL-2.0 */
/* Internal to layout*.c: the resolution's state and the rules' functions. */
#ifndef RVMM_LAYOUT_PRIV_H
#define RVMM_LAYOUT_PRIV_H

#include "internal.h"
#include "layout.h"

struct layout_ctx {
	const struct rvmm_source *src;
	struct rvmm_layout *l;
	struct rvmm_notes *notes;
	struct rvmm_error *err;
	int kimg_ok; /* va_kernel_pa_offset known: image reads work */
	uint64_t section_roots; /* NR_SECTION_ROOTS, 0 if unknown */
};

/* How a fallback went. */
enum fallback_result {
	FALLBACK_FOUND, /* the value is set: leave the rule's note */
	FALLBACK_QUIET, /* the value is set, and nothing worth a note */
	FALLBACK_NOT_HERE, /* nothing: the next rule (RULE_ELSE) tries */
	FALLBACK_FAILED, /* nothing, and no way on: the rule's error */
};

/* What a fallback found: the key's value, the pair key's, the note's. */
struct found {
	uint64_t v[2];
	uint64_t note_arg;
};

/* layout.c */

/* VMCOREINFO's key as a number into v: 0, else -1 (garbage is noted). */
int layout_vmci(struct layout_ctx *c, const char *key, uint64_t *v);
/* A layout the core cannot work with: the dump or vmlinux is unusable. */
int layout_fail(struct layout_ctx *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * layout_fallbacks.c: in the order of the rules in layout.c.  A fallback
 * finds the value VMCOREINFO lacks; a check (int (*)(c, v)) vets a value
 * from either source and derives from it; a derivation (int (*)(c)) sets
 * fields from those resolved before it.  Checks and derivations return 0,
 * else -1 with c->err set.
 */
enum fallback_result layout_va_pa_offset_from_kernel_map(struct layout_ctx *c,
							 struct found *f);
int layout_image_readable(struct layout_ctx *c, uint64_t *v);
enum fallback_result layout_phys_ram_base_from_symbol(struct layout_ctx *c,
						      struct found *f);
enum fallback_result layout_page_offset_from_kernel_map(struct layout_ctx *c,
							struct found *f);
enum fallback_result layout_va_bits_from_pgtable_levels(struct layout_ctx *c,
							struct found *f);
int layout_paging_mode(struct layout_ctx *c, uint64_t *v);
enum fallback_result layout_vmalloc_start_from_pgtable_h(struct layout_ctx *c,
							 struct found *f);
enum fallback_result layout_vmalloc_end_from_pgtable_h(struct layout_ctx *c,
						       struct found *f);
enum fallback_result layout_vmemmap_end_from_pgtable_h(struct layout_ctx *c,
						       struct found *f);
enum fallback_result layout_vmemmap_start_from_pgtable_h(struct layout_ctx *c,
							 struct found *f);
enum fallback_result layout_modules_from_image_symbols(struct layout_ctx *c,
						       struct found *f);
enum fallback_result layout_modules_below_link_addr(struct layout_ctx *c,
						    struct found *f);
int layout_fixed_regions(struct layout_ctx *c);
enum fallback_result layout_vmemmap_from_start_pfn(struct layout_ctx *c,
						   struct found *f);
enum fallback_result layout_vmemmap_from_ram_base(struct layout_ctx *c,
						  struct found *f);
enum fallback_result layout_swapper_pg_dir_from_symbol(struct layout_ctx *c,
						       struct found *f);
int layout_swapper_pg_dir_pa(struct layout_ctx *c, uint64_t *v);
enum fallback_result layout_mem_section_from_pointer(struct layout_ctx *c,
						     struct found *f);
enum fallback_result layout_mem_section_size_from_type(struct layout_ctx *c,
						       struct found *f);
enum fallback_result layout_section_mem_map_from_type(struct layout_ctx *c,
						      struct found *f);
int layout_bits_or_unknown(struct layout_ctx *c, uint64_t *v);
int layout_plausible_sections(struct layout_ctx *c, uint64_t *v);
int layout_section_roots(struct layout_ctx *c);
enum fallback_result layout_section_roots_computed(struct layout_ctx *c,
						   struct found *f);
int layout_at_most_section_roots(struct layout_ctx *c, uint64_t *v);

#endif
