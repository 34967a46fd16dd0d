// SPDX-License-Identifier: GPL-2.0
/* The ELF writer: headers read with libelf, written as raw Elf64 LE. */
#include <elf.h>
#include <endian.h>
#include <errno.h>
#include <gelf.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "writer.h"

#define PAGE 4096ULL

struct elf_layout {
	GElf_Ehdr ehdr;
	size_t phnum, shnum;
	GElf_Phdr *phdrs;
	int note; /* index of the PT_NOTE we extend */
	uint64_t data; /* first PT_LOAD data: all from here moves */
	uint64_t size; /* input file size */
};

static int read_layout(Elf *elf, int fd, struct elf_layout *l,
		       struct rvmm_error *err)
{
	struct stat st;

	if (!gelf_getehdr(elf, &l->ehdr) ||
	    l->ehdr.e_ident[EI_CLASS] != ELFCLASS64 ||
	    l->ehdr.e_ident[EI_DATA] != ELFDATA2LSB ||
	    elf_getphdrnum(elf, &l->phnum) || elf_getshdrnum(elf, &l->shnum) ||
	    fstat(fd, &st)) {
		rvmm_fail(err, RVMM_EINPUT,
			  "not a 64-bit little-endian ELF core");
		return -1;
	}
	l->size = st.st_size;
	l->data = l->size;
	l->note = -1;
	l->phdrs = calloc(l->phnum ? l->phnum : 1, sizeof(*l->phdrs));
	if (!l->phdrs)
		return -1;
	for (size_t i = 0; i < l->phnum; i++) {
		GElf_Phdr *p = &l->phdrs[i];

		if (!gelf_getphdr(elf, i, p))
			return -1;
		if (p->p_type == PT_NOTE && l->note < 0)
			l->note = (int)i;
		if (p->p_type == PT_LOAD && p->p_filesz &&
		    p->p_offset < l->data)
			l->data = p->p_offset;
	}
	if (l->note < 0) {
		rvmm_fail(err, RVMM_EINPUT,
			  "the ELF dump has no PT_NOTE to extend");
		return -1;
	}
	if (l->ehdr.e_phoff + l->phnum * sizeof(Elf64_Phdr) > l->data) {
		rvmm_fail(err, RVMM_EINPUT,
			  "program headers overlap PT_LOAD data");
		return -1;
	}
	return 0;
}

static uint64_t moved(uint64_t off, const struct elf_layout *l, uint64_t delta)
{
	return off >= l->data ? off + delta : off;
}

static int write_phdrs(int fd, const struct elf_layout *l, uint64_t delta,
		       uint64_t note_at, uint64_t note_len)
{
	for (size_t i = 0; i < l->phnum; i++) {
		const GElf_Phdr *p = &l->phdrs[i];
		int is_note = (int)i == l->note;
		Elf64_Phdr raw = {
			.p_type = htole32(p->p_type),
			.p_flags = htole32(p->p_flags),
			.p_offset =
				htole64(is_note ? note_at
						: moved(p->p_offset, l, delta)),
			.p_vaddr = htole64(p->p_vaddr),
			.p_paddr = htole64(p->p_paddr),
			.p_filesz = htole64(is_note ? note_len : p->p_filesz),
			/* QEMU sets p_memsz = p_filesz; a zero one stays */
			.p_memsz = htole64(is_note && p->p_memsz ? note_len
								 : p->p_memsz),
			.p_align = htole64(p->p_align),
		};

		if (write_all(fd, &raw, sizeof(raw),
			      l->ehdr.e_phoff + i * sizeof(raw)))
			return -1;
	}
	return 0;
}

/* Section headers (QEMU puts .shstrtab after the memory) move too. */
static int write_shdrs(Elf *elf, int fd, const struct elf_layout *l,
		       uint64_t delta)
{
	uint64_t shoff = moved(l->ehdr.e_shoff, l, delta);
	Elf64_Ehdr raw_eh;
	Elf_Scn *scn = NULL;
	size_t i = 0;

	if (!l->ehdr.e_shoff)
		return 0;
	for (i = 0; i < l->shnum; i++) {
		GElf_Shdr s;
		Elf64_Shdr raw;

		scn = elf_getscn(elf, i);
		if (!scn || !gelf_getshdr(scn, &s))
			return -1;
		raw = (Elf64_Shdr){
			.sh_name = htole32(s.sh_name),
			.sh_type = htole32(s.sh_type),
			.sh_flags = htole64(s.sh_flags),
			.sh_addr = htole64(s.sh_addr),
			.sh_offset =
				htole64(s.sh_type == SHT_NULL
						? s.sh_offset
						: moved(s.sh_offset, l, delta)),
			.sh_size = htole64(s.sh_size),
			.sh_link = htole32(s.sh_link),
			.sh_info = htole32(s.sh_info),
			.sh_addralign = htole64(s.sh_addralign),
			.sh_entsize = htole64(s.sh_entsize),
		};
		if (write_all(fd, &raw, sizeof(raw), shoff + i * sizeof(raw)))
			return -1;
	}
	if (shoff == l->ehdr.e_shoff)
		return 0;
	if (pread(fd, &raw_eh, sizeof(raw_eh), 0) != sizeof(raw_eh))
		return -1;
	raw_eh.e_shoff = htole64(shoff);
	return write_all(fd, &raw_eh, sizeof(raw_eh), 0);
}

int write_fixed_elf(int in_fd, int out_fd, const char *text, size_t len,
		    struct rvmm_error *err)
{
	Elf *elf = elf_begin(in_fd, ELF_C_READ, NULL);
	struct elf_layout l = {0};
	const GElf_Phdr *note;
	Elf_Data *old = NULL;
	void *blob = NULL;
	size_t blob_len;
	uint64_t note_at, delta;
	int ret = -1;

	if (!elf || read_layout(elf, in_fd, &l, err))
		goto out;
	note = &l.phdrs[l.note];
	if (note->p_filesz) {
		old = elf_getdata_rawchunk(elf, note->p_offset, note->p_filesz,
					   ELF_T_BYTE);
		if (!old) {
			rvmm_fail(err, RVMM_EINPUT, "cannot read PT_NOTE: %s",
				  elf_errmsg(-1));
			goto out;
		}
	}
	blob = build_notes(old ? old->d_buf : "", old ? old->d_size : 0, text,
			   len, &blob_len);
	if (!blob)
		goto io;
	/* the new notes go where the data began; the data moves up */
	note_at = (l.data + 7) & ~7ULL;
	delta = (note_at + blob_len - l.data + PAGE - 1) & ~(PAGE - 1);
	if (ftruncate(out_fd, 0) || copy_range(in_fd, 0, out_fd, 0, l.data) ||
	    write_all(out_fd, blob, blob_len, note_at) ||
	    copy_range(in_fd, l.data, out_fd, l.data + delta,
		       l.size - l.data) ||
	    write_phdrs(out_fd, &l, delta, note_at, blob_len) ||
	    write_shdrs(elf, out_fd, &l, delta))
		goto io;
	ret = 0;
	goto out;
io:
	rvmm_fail(err, RVMM_EINPUT, "writing the ELF dump: %s",
		  errno ? strerror(errno) : "failed");
out:
	free(blob);
	free(l.phdrs);
	if (elf)
		elf_end(elf);
	return ret;
}
