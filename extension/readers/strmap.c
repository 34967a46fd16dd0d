// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "strmap.h"

static uint64_t hash_string(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static struct strmap_entry *probe(struct strmap_entry *slots, size_t size,
				  const char *key)
{
	size_t i = hash_string(key) & (size - 1);

	while (slots[i].key && strcmp(slots[i].key, key))
		i = (i + 1) & (size - 1);
	return &slots[i];
}

static int grow(struct strmap *map)
{
	size_t size = map->size ? map->size * 2 : 1024;
	struct strmap_entry *slots = calloc(size, sizeof(*slots));

	if (!slots)
		return -1;
	for (size_t i = 0; i < map->size; i++)
		if (map->slots[i].key)
			*probe(slots, size, map->slots[i].key) = map->slots[i];
	free(map->slots);
	map->slots = slots;
	map->size = size;
	return 0;
}

int strmap_add(struct strmap *map, const char *key, uint64_t value)
{
	struct strmap_entry *slot;

	/* keep the load factor at or below one half */
	if ((map->count + 1) * 2 > map->size && grow(map))
		return -1;
	slot = probe(map->slots, map->size, key);
	if (slot->key)
		return 1;
	slot->key = key;
	slot->value = value;
	map->count++;
	return 0;
}

struct strmap_entry *strmap_find(const struct strmap *map, const char *key)
{
	struct strmap_entry *slot;

	if (!map->size)
		return NULL;
	slot = probe(map->slots, map->size, key);
	return slot->key ? slot : NULL;
}

void strmap_free(struct strmap *map)
{
	free(map->slots);
	memset(map, 0, sizeof(*map));
}
