// SPDX-License-Identifier: GPL-2.0
/* Physical reads checked against the dump's own map (PT_LOADs, bitmaps). */
#include <gelf.h>
#include <libelf.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "error.h"
#include "dumpfile_priv.h"

/* Append [start, end); merge it into the last range when they touch. */
static int add_range(struct range_list *list, uint64_t start, uint64_t end)
{
	struct rvmm_phys_range *grown;

	if (list->n && list->r[list->n - 1].end == start) {
		list->r[list->n - 1].end = end;
		return 0;
	}
	grown = realloc(list->r, (list->n + 1) * sizeof(*grown));
	if (!grown)
		return -1;
	list->r = grown;
	list->r[list->n].start = start;
	list->r[list->n].end = end;
	list->n++;
	return 0;
}

static int cmp_range(const void *a, const void *b)
{
	const struct rvmm_phys_range *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

/* Sort the ranges and merge the ones that overlap or touch, in place. */
static void normalize_ranges(struct range_list *list)
{
	size_t i, out = 0;

	if (!list->n)
		return;
	qsort(list->r, list->n, sizeof(*list->r), cmp_range);
	for (i = 1; i < list->n; i++) {
		if (list->r[i].start <= list->r[out].end) {
			if (list->r[i].end > list->r[out].end)
				list->r[out].end = list->r[i].end;
		} else {
			list->r[++out] = list->r[i];
		}
	}
	list->n = out + 1;
}

/* The range holding pa, or NULL. */
static const struct rvmm_phys_range *range_at(const struct range_list *list,
					      uint64_t pa)
{
	size_t lo = 0, hi = list->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (pa < list->r[mid].start)
			hi = mid;
		else if (pa >= list->r[mid].end)
			lo = mid + 1;
		else
			return &list->r[mid];
	}
	return NULL;
}

/*
 * Append the runs of set bits of bmp below limit pfns as byte ranges.
 * With a NULL bmp, do nothing.
 */
static int add_bitmap_runs(struct range_list *list, kdump_bmp_t *bmp,
			   uint64_t limit, uint64_t page_size)
{
	kdump_addr_t pfn = 0, next;

	while (bmp && pfn < limit &&
	       kdump_bmp_find_set(bmp, &pfn) == KDUMP_OK) {
		if (pfn >= limit)
			break;
		next = pfn;
		if (kdump_bmp_find_clear(bmp, &next) != KDUMP_OK || next <= pfn)
			break;
		if (next > limit)
			next = limit;
		if (add_range(list, pfn * page_size, next * page_size))
			return -1;
		pfn = next;
	}
	return 0;
}

/* RAM ranges from libkdumpfile's page bitmap (PT_LOADs or kdump bitmap). */
int dump_load_ranges(struct rvmm_dump *dump, struct rvmm_error *err)
{
	kdump_attr_t attr = {.type = KDUMP_BITMAP};
	kdump_addr_t pfn = 0, next;
	kdump_bmp_t *bmp;

	if (kdump_get_typed_attr(dump->kdump, "memory.pagemap", &attr) !=
		    KDUMP_OK &&
	    kdump_get_typed_attr(dump->kdump, "file.pagemap", &attr) !=
		    KDUMP_OK) {
		rvmm_fail(err, RVMM_EINPUT, "%s: no page map: %s", dump->path,
			  kdump_get_err(dump->kdump));
		return -1;
	}
	bmp = attr.val.bitmap;
	while (kdump_bmp_find_set(bmp, &pfn) == KDUMP_OK) {
		next = pfn;
		if (kdump_bmp_find_clear(bmp, &next) != KDUMP_OK || next <= pfn)
			break;
		if (add_range(&dump->ranges, pfn * dump->page_size,
			      next * dump->page_size))
			goto nomem;
		pfn = next;
	}
	if (!dump->ranges.n) {
		rvmm_fail(err, RVMM_EINPUT, "%s: the dump holds no memory",
			  dump->path);
		return -1;
	}
	return 0;
nomem:
	rvmm_fail(err, RVMM_EFAILED, "%s: out of memory", dump->path);
	return -1;
}

/*
 * The PT_LOAD segments of an ELF dump: memory is [p_paddr, +p_memsz), the
 * file holds its first p_filesz bytes.  libkdumpfile opens a cut-off ELF
 * file without complaint; every segment must fit in the file.
 */
int dump_load_elf_segments(struct rvmm_dump *dump, struct rvmm_error *err)
{
	struct stat st;
	uint64_t need = 0;
	size_t phnum, i;
	GElf_Phdr phdr;
	Elf *elf;
	int ret = -1;

	if (fstat(dump->fd, &st))
		st.st_size = INT64_MAX;
	elf_version(EV_CURRENT);
	elf = elf_begin(dump->fd, ELF_C_READ, NULL);
	if (!elf || elf_getphdrnum(elf, &phnum)) {
		rvmm_fail(err, RVMM_EINPUT, "%s: corrupt ELF headers: %s",
			  dump->path, elf_errmsg(-1));
		goto out;
	}
	for (i = 0; i < phnum; i++) {
		uint64_t filesz;

		if (!gelf_getphdr(elf, i, &phdr) ||
		    phdr.p_offset + phdr.p_filesz < phdr.p_offset ||
		    (phdr.p_type == PT_LOAD &&
		     (phdr.p_paddr + phdr.p_memsz < phdr.p_paddr ||
		      phdr.p_paddr + phdr.p_filesz < phdr.p_paddr))) {
			rvmm_fail(err, RVMM_EINPUT,
				  "%s: corrupt program header %zu", dump->path,
				  i);
			goto out;
		}
		if (phdr.p_filesz && phdr.p_offset + phdr.p_filesz > need)
			need = phdr.p_offset + phdr.p_filesz;
		if (phdr.p_type != PT_LOAD || !phdr.p_memsz)
			continue;
		filesz = phdr.p_filesz < phdr.p_memsz ? phdr.p_filesz
						      : phdr.p_memsz;
		if (add_range(&dump->mem, phdr.p_paddr,
			      phdr.p_paddr + phdr.p_memsz) ||
		    (filesz && add_range(&dump->file, phdr.p_paddr,
					 phdr.p_paddr + filesz))) {
			rvmm_fail(err, RVMM_EFAILED, "%s: out of memory",
				  dump->path);
			goto out;
		}
	}
	/* add_range merged only neighbours in file order */
	normalize_ranges(&dump->mem);
	normalize_ranges(&dump->file);
	if (need > (uint64_t)st.st_size) {
		rvmm_fail(err, RVMM_EINPUT,
			  "%s: truncated: %lld bytes, its headers need %llu",
			  dump->path, (long long)st.st_size,
			  (unsigned long long)need);
		goto out;
	}
	ret = 0;
out:
	if (elf)
		elf_end(elf);
	return ret;
}

/*
 * A kdump file (or another non-ELF format): memory is what the memory
 * bitmap ("memory.pagemap") marks, the file holds what the dumpable bitmap
 * ("file.pagemap") marks, both below max_pfn (max_mapnr).
 */
int dump_load_kdump_maps(struct rvmm_dump *dump, struct rvmm_error *err)
{
	kdump_attr_t mem = {.type = KDUMP_BITMAP};
	kdump_attr_t file = {.type = KDUMP_BITMAP};
	kdump_num_t max_pfn;
	uint64_t limit = UINT64_MAX / dump->page_size;
	int have_mem, have_file;

	if (kdump_get_number_attr(dump->kdump, "max_pfn", &max_pfn) ==
		    KDUMP_OK &&
	    max_pfn < limit)
		limit = max_pfn;
	have_mem = kdump_get_typed_attr(dump->kdump, "memory.pagemap", &mem) ==
		   KDUMP_OK;
	have_file = kdump_get_typed_attr(dump->kdump, "file.pagemap", &file) ==
		    KDUMP_OK;
	if (add_bitmap_runs(&dump->mem,
			    have_mem	? mem.val.bitmap
			    : have_file ? file.val.bitmap
					: NULL,
			    limit, dump->page_size) ||
	    add_bitmap_runs(&dump->file,
			    have_file  ? file.val.bitmap
			    : have_mem ? mem.val.bitmap
				       : NULL,
			    limit, dump->page_size)) {
		rvmm_fail(err, RVMM_EFAILED, "%s: out of memory", dump->path);
		return -1;
	}
	kdump_clear_err(dump->kdump);
	return 0;
}

/* Read [pa, pa + len), which the file holds, through libkdumpfile. */
static enum rvmm_read_result read_held(struct rvmm_dump *dump, uint64_t pa,
				       unsigned char *out, size_t len)
{
	while (len) {
		size_t got = len;
		kdump_status status;

		status = kdump_read(dump->kdump, KDUMP_MACHPHYSADDR, pa, out,
				    &got);
		if (status == KDUMP_OK)
			return RVMM_READ_OK;
		if (got == 0 || got > len) {
			/* "Page not found" means both: filtered and absent */
			if (status == KDUMP_ERR_NODATA &&
			    range_at(&dump->mem, pa))
				return RVMM_READ_NOT_IN_DUMP;
			return RVMM_READ_ERROR;
		}
		pa += got;
		out += got;
		len -= got;
	}
	return RVMM_READ_OK;
}

/*
 * A read is split where the file's ranges end; the first piece that cannot
 * be read decides the result: RVMM_READ_ERROR outside the dump's memory,
 * RVMM_READ_NOT_IN_DUMP in memory the file left out.  Only pieces the file
 * holds reach libkdumpfile.
 */
enum rvmm_read_result rvmm_dump_read_phys(struct rvmm_dump *dump, uint64_t pa,
					  void *buf, size_t len)
{
	unsigned char *out = buf;

	while (len) {
		const struct rvmm_phys_range *r = range_at(&dump->file, pa);
		enum rvmm_read_result res;
		size_t n = len;

		if (!r)
			return range_at(&dump->mem, pa) ? RVMM_READ_NOT_IN_DUMP
							: RVMM_READ_ERROR;
		if (r->end - pa < n)
			n = r->end - pa;
		res = read_held(dump, pa, out, n);
		if (res != RVMM_READ_OK)
			return res;
		pa += n;
		out += n;
		len -= n;
	}
	return RVMM_READ_OK;
}

enum rvmm_read_result rvmm_dump_page_state(const struct rvmm_dump *dump,
					   uint64_t pa)
{
	if (range_at(&dump->file, pa))
		return RVMM_READ_OK;
	return range_at(&dump->mem, pa) ? RVMM_READ_NOT_IN_DUMP
					: RVMM_READ_ERROR;
}
