/* SPDX-License-Identifier: GPL-2.0 */
/* Walking and building Elf64 note blobs (PT_NOTE contents). */
#ifndef RVMM_ELFNOTE_H
#define RVMM_ELFNOTE_H

#include <stddef.h>
#include <stdint.h>

#define ELFNOTE_ALIGN(x) (((x) + 3) & ~(size_t)3)

struct elfnote {
	const char *name; /* NUL-terminated inside the blob, or "" */
	uint32_t type;
	const void *desc;
	size_t descsz;
};

/*
 * Decode the note at *pos of blob (len bytes) and advance *pos.  1 when a
 * note was decoded, 0 at the end, -1 if the blob is malformed.
 */
int elfnote_next(const void *blob, size_t len, size_t *pos,
		 struct elfnote *note);
/* Bytes one note takes (header, padded name and desc). */
size_t elfnote_size(const char *name, size_t descsz);
/* Write one note at buf (elfnote_size bytes); returns that size. */
size_t elfnote_put(void *buf, const char *name, uint32_t type, const void *desc,
		   size_t descsz);
/* The descriptor of the first note named name, or NULL. */
const struct elfnote *elfnote_find(const void *blob, size_t len,
				   const char *name, struct elfnote *note);

#endif
