// SPDX-License-Identifier: GPL-2.0
/* Reading mem_section roots and entries out of an open session's dump. */
#include <string.h>

#include "internal.h"
#include "section.h"
#include "session.h"

static int read_root(const struct rvmm_session *s, uint64_t root_va,
		     uint64_t *raw)
{
	const struct rvmm_layout *l = &s->layout;
	unsigned char buf[RVMM_PAGE_SIZE];
	uint64_t i;

	/* exactly the root: memblock aligns it to a cache line, not a page */
	if (rvmm_read_kva(s, root_va, buf,
			  s->sections.sections_per_root *
				  l->mem_section_size) != RVMM_READ_OK)
		return -1;
	for (i = 0; i < s->sections.sections_per_root; i++)
		raw[i] = rvmm_load(
			buf, i * l->mem_section_size + l->section_mem_map_off,
			8);
	return 0;
}

int rvmm_for_each_section(const struct rvmm_session *s, int all,
			  rvmm_section_fn fn, void *arg,
			  unsigned long *bad_roots)
{
	const struct rvmm_section_layout *sl = &s->sections;
	const struct rvmm_layout *l = &s->layout;
	uint64_t roots[RVMM_PAGE_SIZE / 8], raw[RVMM_PAGE_SIZE / 8];
	uint64_t r, i, j, chunk;
	struct rvmm_section sec;

	if (bad_roots)
		*bad_roots = 0;
	if (!sl->ok)
		return -1;
	for (r = 0; r < l->nr_section_roots; r += chunk) {
		chunk = l->nr_section_roots - r;
		if (chunk > ARRAY_SIZE(roots))
			chunk = ARRAY_SIZE(roots);
		if (rvmm_interrupted(&s->src))
			return -1;
		if (rvmm_read_kva(s, l->mem_section + r * 8, roots,
				  chunk * 8) != RVMM_READ_OK) {
			if (bad_roots)
				*bad_roots += chunk;
			continue;
		}
		for (i = 0; i < chunk; i++) {
			if (!roots[i])
				continue;
			if (read_root(s, roots[i], raw)) {
				if (bad_roots)
					(*bad_roots)++;
				continue;
			}
			for (j = 0; j < sl->sections_per_root; j++) {
				uint64_t nr =
					(r + i) * sl->sections_per_root + j;

				if (!raw[j] && !all)
					continue;
				if (nr >= sl->nr_sections)
					break;
				rvmm_section_decode(sl, l, nr, raw[j], &sec);
				sec.ms_va = roots[i] + j * l->mem_section_size;
				if (fn(arg, &sec))
					return 0;
			}
		}
	}
	return 0;
}

int rvmm_section_get(const struct rvmm_session *s, uint64_t nr,
		     struct rvmm_section *out)
{
	const struct rvmm_section_layout *sl = &s->sections;
	const struct rvmm_layout *l = &s->layout;
	uint64_t root, ms, raw;

	if (!sl->ok || nr >= sl->nr_sections)
		return -1;
	if (nr / sl->sections_per_root >= l->nr_section_roots)
		return -1;
	if (rvmm_read_kva(s, l->mem_section + nr / sl->sections_per_root * 8,
			  &root, 8) != RVMM_READ_OK)
		return -1;
	if (!root)
		return 1;
	ms = root + nr % sl->sections_per_root * l->mem_section_size;
	if (rvmm_read_kva(s, ms + l->section_mem_map_off, &raw, 8) !=
	    RVMM_READ_OK)
		return -1;
	rvmm_section_decode(sl, l, nr, raw, out);
	out->ms_va = ms;
	return 0;
}
