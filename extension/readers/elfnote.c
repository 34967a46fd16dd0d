// SPDX-License-Identifier: GPL-2.0
#include <elf.h>
#include <string.h>

#include "elfnote.h"

int elfnote_next(const void *blob, size_t len, size_t *pos,
		 struct elfnote *note)
{
	const unsigned char *p = blob;
	Elf64_Nhdr nh;
	size_t name_at, desc_at, end;

	if (*pos + sizeof(nh) > len)
		return 0;
	memcpy(&nh, p + *pos, sizeof(nh));
	name_at = *pos + sizeof(nh);
	desc_at = name_at + ELFNOTE_ALIGN(nh.n_namesz);
	end = desc_at + ELFNOTE_ALIGN(nh.n_descsz);
	if (nh.n_namesz > len || nh.n_descsz > len || end > len ||
	    (nh.n_namesz && p[name_at + nh.n_namesz - 1] != '\0'))
		return -1;
	note->name = nh.n_namesz ? (const char *)p + name_at : "";
	note->type = nh.n_type;
	note->desc = p + desc_at;
	note->descsz = nh.n_descsz;
	*pos = end;
	return 1;
}

size_t elfnote_size(const char *name, size_t descsz)
{
	return sizeof(Elf64_Nhdr) + ELFNOTE_ALIGN(strlen(name) + 1) +
	       ELFNOTE_ALIGN(descsz);
}

size_t elfnote_put(void *buf, const char *name, uint32_t type, const void *desc,
		   size_t descsz)
{
	unsigned char *p = buf;
	Elf64_Nhdr nh = {
		.n_namesz = strlen(name) + 1,
		.n_descsz = descsz,
		.n_type = type,
	};
	size_t size = elfnote_size(name, descsz);

	memset(p, 0, size);
	memcpy(p, &nh, sizeof(nh));
	memcpy(p + sizeof(nh), name, nh.n_namesz);
	memcpy(p + sizeof(nh) + ELFNOTE_ALIGN(nh.n_namesz), desc, descsz);
	return size;
}

const struct elfnote *elfnote_find(const void *blob, size_t len,
				   const char *name, struct elfnote *note)
{
	size_t pos = 0;

	while (elfnote_next(blob, len, &pos, note) == 1)
		if (!strcmp(note->name, name))
			return note;
	return NULL;
}
