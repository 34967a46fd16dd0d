// SPDX-License-Identifier: GPL-2.0
/*
 * Vmcore access through libkdumpfile 0.5.1.  That release has no riscv64
 * address translation, so everything here is physical: KDUMP_KPHYSADDR
 * reads fail with "No way to translate", KDUMP_MACHPHYSADDR reads work.
 *
 * No read reaches libkdumpfile unless the dump's own description says the
 * bytes are in the file (dumprange.c): the PT_LOAD segments of an ELF dump
 * (read with gelf), the page bitmaps and max_mapnr of a kdump file.  0.5.1
 * dereferences a NULL page cache for an ELF page that only part of a
 * PT_LOAD covers (see open_kdump), and zero-fills the rest of such a page
 * instead of failing.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "dumpfile_priv.h"
#include "elfnote.h"
#include "diskdump_header.h"

/* QEMU writes kdump-zlib dumps in makedumpfile's flattened form. */
static int is_flattened(int fd)
{
	char sig[12];

	return pread(fd, sig, sizeof(sig), 0) == sizeof(sig) &&
	       !memcmp(sig, "makedumpfile", sizeof(sig));
}

static int is_elf(int fd)
{
	char magic[SELFMAG];

	return pread(fd, magic, SELFMAG, 0) == SELFMAG &&
	       !memcmp(magic, ELFMAG, SELFMAG);
}

/* An ELF file that is not a core file: most often the arguments swapped. */
static int is_elf_non_core(int fd)
{
	Elf64_Ehdr eh;

	return pread(fd, &eh, sizeof(eh), 0) == (ssize_t)sizeof(eh) &&
	       !memcmp(eh.e_ident, ELFMAG, SELFMAG) && eh.e_type != ET_CORE;
}

static int is_kdump(int fd)
{
	char sig[8];

	return pread(fd, sig, sizeof(sig), 0) == sizeof(sig) &&
	       !memcmp(sig, RVMM_DISKDUMP_SIGNATURE, 8);
}

/* libkdumpfile trusts the header sizes; check them first. */
static int check_kdump_header(struct rvmm_dump *dump, struct rvmm_error *err)
{
	struct rvmm_diskdump_header hdr;
	struct rvmm_error why;

	if (!rvmm_diskdump_read_header(dump->fd, &hdr, &why)) {
		/* libkdumpfile has no attribute for it: the sub-header's */
		dump->dump_level = hdr.dump_level;
		return 0;
	}
	return rvmm_fail(err, why.code, "%s: %s", dump->path, why.msg);
}

static int string_attr(kdump_ctx_t *kdump, const char *key, const char **out)
{
	kdump_attr_t attr = {.type = KDUMP_STRING};

	if (kdump_get_typed_attr(kdump, key, &attr) != KDUMP_OK)
		return -1;
	*out = attr.val.string;
	return 0;
}

/* sizeof(struct elf_prstatus) on riscv64: 112 + 32 registers + 8 */
#define RISCV64_PRSTATUS_SIZE 376

/*
 * QEMU writes "Unknown" as the utsname machine of a kdump file; then the
 * size of the NT_PRSTATUS notes tells the architecture.
 */
static const char *kdump_machine(struct rvmm_dump *dump, char *buf,
				 size_t buflen)
{
	struct rvmm_diskdump_header hdr;
	struct elfnote note;
	void *notes;

	if (rvmm_diskdump_read_header(dump->fd, &hdr, NULL))
		return NULL;
	if (hdr.machine[0] && strcmp(hdr.machine, "Unknown"))
		return snprintf(buf, buflen, "%s", hdr.machine), buf;
	notes = rvmm_diskdump_read_notes(dump->fd, &hdr);
	if (!notes)
		return NULL;
	if (elfnote_find(notes, hdr.size_note, "CORE", &note) &&
	    note.type == NT_PRSTATUS) {
		if (note.descsz == RISCV64_PRSTATUS_SIZE)
			snprintf(buf, buflen, "riscv64");
		else
			snprintf(buf, buflen,
				 "NT_PRSTATUS of %zu bytes (riscv64: %d)",
				 note.descsz, RISCV64_PRSTATUS_SIZE);
		free(notes);
		return buf;
	}
	free(notes);
	return NULL;
}

/* ELF: the machine field; kdump: utsname or NT_PRSTATUS size. */
static int check_arch(struct rvmm_dump *dump, struct rvmm_error *err)
{
	kdump_num_t machine;
	const char *what = NULL;
	char buf[96];

	if (kdump_get_number_attr(dump->kdump, "arch.machine", &machine) ==
	    KDUMP_OK) {
		if (machine == EM_RISCV)
			return 0;
		rvmm_fail(
			err, RVMM_EINPUT,
			"%s: wrong architecture: ELF machine %u, not riscv64 (%u)",
			dump->path, (unsigned int)machine, EM_RISCV);
		return -1;
	}
	if (dump->kind == RVMM_DUMP_KDUMP)
		what = kdump_machine(dump, buf, sizeof(buf));
	if (!what)
		string_attr(dump->kdump, "arch.name", &what);
	if (!what || !strcmp(what, "riscv64"))
		return 0; /* nothing says otherwise */
	rvmm_fail(err, RVMM_EINPUT, "%s: wrong architecture: %s, not riscv64",
		  dump->path, what);
	return -1;
}

/* Walk the runs of set bits; return the last set index, or -1 if none. */
static int64_t bitmap_last_set(kdump_bmp_t *bmp)
{
	kdump_addr_t pfn = 0, next;
	int64_t last = -1;

	while (kdump_bmp_find_set(bmp, &pfn) == KDUMP_OK) {
		next = pfn;
		if (kdump_bmp_find_clear(bmp, &next) != KDUMP_OK || next <= pfn)
			break;
		last = next - 1;
		pfn = next;
	}
	return last;
}

/*
 * A kdump file keeps its pages in pfn order, so a cut-off file loses the
 * last ones first: the first and the last stored page must read back.
 */
static int check_kdump_ends(struct rvmm_dump *dump, struct rvmm_error *err)
{
	kdump_attr_t attr = {.type = KDUMP_BITMAP};
	uint64_t pa[2];
	int64_t last_pfn;

	if (kdump_get_typed_attr(dump->kdump, "file.pagemap", &attr) !=
	    KDUMP_OK)
		return 0;
	last_pfn = bitmap_last_set(attr.val.bitmap);
	if (last_pfn < 0)
		return 0;
	pa[0] = dump->ranges.r[0].start;
	pa[1] = (uint64_t)last_pfn * dump->page_size;
	for (int i = 0; i < 2; i++) {
		unsigned char byte;
		size_t len = 1;
		kdump_status status;

		status = kdump_read(dump->kdump, KDUMP_MACHPHYSADDR, pa[i],
				    &byte, &len);
		if (status != KDUMP_OK && status != KDUMP_ERR_NODATA) {
			rvmm_fail(err, RVMM_EINPUT,
				  "%s: truncated or corrupt: page at %#llx: %s",
				  dump->path, (unsigned long long)pa[i],
				  kdump_get_err(dump->kdump));
			return -1;
		}
	}
	return 0;
}

/* VMCOREINFO shows up only once the OS type is known to be Linux. */
static int load_vmcoreinfo(struct rvmm_dump *dump, struct rvmm_error *err)
{
	char *raw = NULL;

	if (kdump_set_string_attr(dump->kdump, "addrxlat.ostype", "linux") !=
	    KDUMP_OK) {
		/* 0.5.1 may fail to set up translation; VMCOREINFO stays */
		kdump_clear_err(dump->kdump);
	}
	if (kdump_vmcoreinfo_raw(dump->kdump, &raw) != KDUMP_OK || !raw ||
	    !*raw) {
		free(raw);
		return 0;
	}
	dump->vmcoreinfo_raw = raw;
	if (rvmm_vmcoreinfo_split(raw, strlen(raw), &dump->vmcoreinfo)) {
		rvmm_fail(err, RVMM_EFAILED, "%s: out of memory", dump->path);
		return -1;
	}
	return 0;
}

static int open_kdump(struct rvmm_dump *dump, struct rvmm_error *err)
{
	kdump_num_t page_size, cache_size;
	kdump_status status;
	int elf = is_elf(dump->fd);

	dump->kdump = kdump_new();
	if (!dump->kdump) {
		rvmm_fail(err, RVMM_EFAILED, "%s: out of memory", dump->path);
		return -1;
	}
	/*
	 * 0.5.1 cannot derive the page size of a riscv64 ELF dump and then
	 * indexes its page map by byte; riscv64 Linux pages are 4 KiB.
	 * Set before the format is known, it does not allocate the page cache
	 * (the format's realloc_caches runs only when a set changes the
	 * value), and kdump_read of a page that goes through that cache
	 * dereferences NULL: every page of a kdump file (whose own 4096 then
	 * changes nothing: ELF only), and an ELF page that a PT_LOAD covers
	 * only in part (cache_get_page() from elf_get_page()).
	 */
	if (elf)
		kdump_set_number_attr(dump->kdump, "arch.page_size", 4096);
	/* read(2), not mmap(2): a short file must not raise SIGBUS */
	kdump_set_number_attr(dump->kdump, "file.mmap_policy",
			      KDUMP_MMAP_NEVER);
	if (is_elf_non_core(dump->fd)) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"%s: an ELF executable or object, not a core dump (vmlinux and vmcore swapped?)",
			dump->path);
		return -1;
	}
	status = kdump_open_fd(dump->kdump, dump->fd);
	if (status != KDUMP_OK) {
		rvmm_fail(err, RVMM_EINPUT,
			  "%s: not a dump libkdumpfile can read: %s",
			  dump->path, kdump_get_err(dump->kdump));
		return -1;
	}
	/* Any change of cache.size allocates the missing cache. */
	if (elf &&
	    kdump_get_number_attr(dump->kdump, "cache.size", &cache_size) ==
		    KDUMP_OK &&
	    kdump_set_number_attr(dump->kdump, "cache.size", cache_size + 1) !=
		    KDUMP_OK) {
		rvmm_fail(err, RVMM_EINPUT, "%s: page cache: %s", dump->path,
			  kdump_get_err(dump->kdump));
		return -1;
	}
	if (string_attr(dump->kdump, "file.format", &dump->format))
		dump->format = "unknown";
	if (!strcmp(dump->format, "elf"))
		dump->kind = RVMM_DUMP_ELF;
	else if (!strcmp(dump->format, "diskdump"))
		dump->kind = RVMM_DUMP_KDUMP;
	else
		dump->kind = RVMM_DUMP_OTHER;
	if (kdump_get_number_attr(dump->kdump, "arch.page_size", &page_size) !=
		    KDUMP_OK ||
	    !page_size || (page_size & (page_size - 1)))
		page_size = 4096;
	dump->page_size = page_size;
	return 0;
}

struct rvmm_dump *rvmm_dump_open(const char *path, struct rvmm_error *err)
{
	struct rvmm_dump *dump = calloc(1, sizeof(*dump));

	if (!dump || !(dump->path = strdup(path))) {
		rvmm_fail(err, RVMM_EFAILED, "%s: out of memory", path);
		free(dump);
		return NULL;
	}
	dump->dump_level = -1;
	dump->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (dump->fd < 0) {
		rvmm_fail(err, RVMM_EINPUT, "%s: %s", path, strerror(errno));
		goto fail;
	}
	if (is_flattened(dump->fd)) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"%s: flattened makedumpfile format; convert it first with `makedumpfile -R out < %s`",
			path, path);
		goto fail;
	}
	if (is_kdump(dump->fd) && check_kdump_header(dump, err))
		goto fail;
	if (open_kdump(dump, err) || check_arch(dump, err))
		goto fail;
	if (dump->kind == RVMM_DUMP_ELF ? dump_load_elf_segments(dump, err)
					: dump_load_kdump_maps(dump, err))
		goto fail;
	if (dump_load_ranges(dump, err))
		goto fail;
	if (dump->kind != RVMM_DUMP_ELF && check_kdump_ends(dump, err))
		goto fail;
	if (load_vmcoreinfo(dump, err))
		goto fail;
	return dump;
fail:
	rvmm_dump_close(dump);
	return NULL;
}

void rvmm_dump_close(struct rvmm_dump *dump)
{
	if (!dump)
		return;
	if (dump->kdump)
		kdump_free(dump->kdump);
	if (dump->fd >= 0)
		close(dump->fd);
	rvmm_vmcoreinfo_lines_free(&dump->vmcoreinfo);
	free(dump->vmcoreinfo_raw);
	free(dump->ranges.r);
	free(dump->mem.r);
	free(dump->file.r);
	free(dump->path);
	free(dump);
}

const char *rvmm_dump_path(const struct rvmm_dump *dump)
{
	return dump->path;
}

const char *rvmm_dump_format(const struct rvmm_dump *dump)
{
	return dump->format;
}

enum rvmm_dump_kind rvmm_dump_kind(const struct rvmm_dump *dump)
{
	return dump->kind;
}

int rvmm_dump_level(const struct rvmm_dump *dump)
{
	return dump->dump_level;
}

const char *rvmm_dump_vmcoreinfo_raw(const struct rvmm_dump *dump)
{
	return dump->vmcoreinfo_raw;
}

const char *rvmm_dump_vmcoreinfo(const struct rvmm_dump *dump, const char *key)
{
	return rvmm_vmcoreinfo_find(&dump->vmcoreinfo, key);
}

const struct rvmm_phys_range *rvmm_dump_ranges(const struct rvmm_dump *dump,
					       size_t *count)
{
	*count = dump->ranges.n;
	return dump->ranges.r;
}
