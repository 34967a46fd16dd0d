// SPDX-License-Identifier: GPL-2.0
/*
 * mkcore: write a small synthetic ELF64 core file for the stand-alone tests.
 *
 *   mkcore [-m riscv64|x86_64] [-b BASE] [-s SIZE] [-v FILE] [-e PA]
 *          [-o OSRELEASE] OUT
 *
 * One PT_LOAD of SIZE bytes at physical BASE (default 0x80000000, 4 MiB).
 * Every 8-byte word holds its own physical address, so a reader can check
 * any read.  -v puts FILE's text in a VMCOREINFO note of the PT_NOTE (as a
 * dump with a working vmcoreinfo device would have); -e plants the kernel's
 * in-memory VMCOREINFO note at PA (what fixdump's scan must find), built
 * with OSRELEASE.  The PT_NOTE always holds one NT_PRSTATUS "CORE" note.
 */
#include <elf.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NOTE_ALIGN(x) (((x) + 3) & ~(size_t)3)

static size_t put_note(unsigned char *p, const char *name, uint32_t type,
		       const void *desc, size_t descsz)
{
	Elf64_Nhdr nh = {
		.n_namesz = strlen(name) + 1,
		.n_descsz = descsz,
		.n_type = type,
	};
	size_t off = 0;

	memcpy(p, &nh, sizeof(nh));
	off += sizeof(nh);
	memset(p + off, 0, NOTE_ALIGN(nh.n_namesz));
	memcpy(p + off, name, nh.n_namesz);
	off += NOTE_ALIGN(nh.n_namesz);
	memset(p + off, 0, NOTE_ALIGN(descsz));
	memcpy(p + off, desc, descsz);
	return off + NOTE_ALIGN(descsz);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = calloc(1, n + 1);
	if (buf && fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = n;
	return buf;
}

int main(int argc, char **argv)
{
	uint16_t machine = EM_RISCV;
	uint64_t base = 0x80000000, size = 4 << 20, embed_pa = 0;
	const char *vmcoreinfo_path = NULL, *osrelease = "6.12.117";
	char *vmcoreinfo = NULL;
	size_t vmcoreinfo_len = 0;
	unsigned char notes[8192], prstatus[376] = {0};
	size_t notes_len;
	Elf64_Ehdr eh = {0};
	Elf64_Phdr ph[2] = {0};
	unsigned char *mem;
	FILE *out;
	int opt;

	while ((opt = getopt(argc, argv, "m:b:s:v:e:o:")) != -1) {
		switch (opt) {
		case 'm':
			machine = strcmp(optarg, "x86_64") ? EM_RISCV
							   : EM_X86_64;
			break;
		case 'b':
			base = strtoull(optarg, NULL, 0);
			break;
		case 's':
			size = strtoull(optarg, NULL, 0);
			break;
		case 'v':
			vmcoreinfo_path = optarg;
			break;
		case 'e':
			embed_pa = strtoull(optarg, NULL, 0);
			break;
		case 'o':
			osrelease = optarg;
			break;
		default:
			return 2;
		}
	}
	if (optind + 1 != argc) {
		fprintf(stderr, "usage: mkcore [options] OUT\n");
		return 2;
	}
	if (vmcoreinfo_path) {
		vmcoreinfo = slurp(vmcoreinfo_path, &vmcoreinfo_len);
		if (!vmcoreinfo) {
			perror(vmcoreinfo_path);
			return 1;
		}
	}

	notes_len = put_note(notes, "CORE", NT_PRSTATUS, prstatus,
			     sizeof(prstatus));
	if (vmcoreinfo)
		notes_len += put_note(notes + notes_len, "VMCOREINFO", 0,
				      vmcoreinfo, vmcoreinfo_len);

	mem = malloc(size);
	if (!mem)
		return 1;
	for (uint64_t off = 0; off + 8 <= size; off += 8) {
		uint64_t pa = base + off;

		memcpy(mem + off, &pa, 8);
	}
	if (embed_pa) {
		char text[512];
		int n = snprintf(text, sizeof(text),
				 "OSRELEASE=%s\nPAGESIZE=4096\n"
				 "NUMBER(VA_BITS)=57\n",
				 osrelease);

		put_note(mem + (embed_pa - base), "VMCOREINFO", 0, text, n);
	}

	memcpy(eh.e_ident, ELFMAG, SELFMAG);
	eh.e_ident[EI_CLASS] = ELFCLASS64;
	eh.e_ident[EI_DATA] = ELFDATA2LSB;
	eh.e_ident[EI_VERSION] = EV_CURRENT;
	eh.e_type = ET_CORE;
	eh.e_machine = machine;
	eh.e_version = EV_CURRENT;
	eh.e_phoff = sizeof(eh);
	eh.e_ehsize = sizeof(eh);
	eh.e_phentsize = sizeof(Elf64_Phdr);
	eh.e_phnum = 2;

	ph[0].p_type = PT_NOTE;
	ph[0].p_offset = sizeof(eh) + sizeof(ph);
	ph[0].p_filesz = notes_len;
	ph[1].p_type = PT_LOAD;
	ph[1].p_flags = PF_R | PF_W | PF_X;
	ph[1].p_offset = (ph[0].p_offset + notes_len + 4095) & ~4095ULL;
	ph[1].p_vaddr = 0;
	ph[1].p_paddr = base;
	ph[1].p_filesz = size;
	ph[1].p_memsz = size;
	ph[1].p_align = 4096;

	out = fopen(argv[optind], "w");
	if (!out) {
		fprintf(stderr, "mkcore: %s: %s\n", argv[optind],
			strerror(errno));
		return 1;
	}
	fwrite(&eh, sizeof(eh), 1, out);
	fwrite(ph, sizeof(ph), 1, out);
	fwrite(notes, notes_len, 1, out);
	fseek(out, ph[1].p_offset, SEEK_SET);
	fwrite(mem, size, 1, out);
	if (fclose(out)) {
		perror(argv[optind]);
		return 1;
	}
	free(mem);
	free(vmcoreinfo);
	return 0;
}
