/* SPDX-License-Identifier: GPL-2.0 */
/* Helpers shared by the core's files; not part of the public API. */
#ifndef RVMM_INTERNAL_H
#define RVMM_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "source.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static inline enum rvmm_read_result
rvmm_read_u64_phys(const struct rvmm_source *src, uint64_t pa, uint64_t *v)
{
	return src->ops->read_phys(src->ctx, pa, v, sizeof(*v));
}

static inline int rvmm_interrupted(const struct rvmm_source *src)
{
	return src->ops->interrupted && src->ops->interrupted(src->ctx);
}

/* Little-endian load of a field of width size from a byte buffer. */
static inline uint64_t rvmm_load(const unsigned char *buf, long off, int size)
{
	uint64_t v = 0;
	int i;

	for (i = size - 1; i >= 0; i--)
		v = (v << 8) | buf[off + i];
	return v;
}

/* Address of a kernel symbol through the source; 0 or -1. */
static inline int rvmm_symbol(const struct rvmm_source *src, const char *name,
			      uint64_t *v)
{
	return src->ops->symbol ? src->ops->symbol(src->ctx, name, v) : -1;
}

long rvmm_member(const struct rvmm_source *src, const char *type,
		 const char *member);
long rvmm_size(const struct rvmm_source *src, const char *type);
int rvmm_enum(const struct rvmm_source *src, const char *name, int64_t *v);

#endif
