/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A string-keyed hash map of 64-bit values, open addressing.  Keys are not
 * copied: they must outlive the map (ELF string tables, DWARF strings).
 */
#ifndef RVMM_STRMAP_H
#define RVMM_STRMAP_H

#include <stddef.h>
#include <stdint.h>

struct strmap_entry {
	const char *key;
	uint64_t value;
};

struct strmap {
	struct strmap_entry *slots;
	size_t size; /* power of two, or 0 */
	size_t count;
};

/* Insert key unless present; 0 added, 1 already there, -1 no memory. */
int strmap_add(struct strmap *map, const char *key, uint64_t value);
/* The entry for key, or NULL; its value may be updated in place. */
struct strmap_entry *strmap_find(const struct strmap *map, const char *key);
void strmap_free(struct strmap *map);

#endif
