/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A riscv64 vmcore opened through libkdumpfile: physical reads, VMCOREINFO
 * and the physical memory map.  ELF and kdump-compressed dumps; the
 * flattened makedumpfile form is detected and refused with a hint.
 */
#ifndef RVMM_DUMPFILE_H
#define RVMM_DUMPFILE_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"
#include "source.h"
#include "vmcoreinfo.h"

struct rvmm_dump;

enum rvmm_dump_kind {
	RVMM_DUMP_ELF,
	RVMM_DUMP_KDUMP, /* kdump-compressed ("diskdump", "KDUMP   ") */
	RVMM_DUMP_OTHER,
};

/* A physical range [start, end). */
struct rvmm_phys_range {
	uint64_t start;
	uint64_t end;
};

/*
 * Open path.  On failure return NULL and put a one-line message naming the
 * file and the problem in err.
 */
struct rvmm_dump *rvmm_dump_open(const char *path, struct rvmm_error *err);
void rvmm_dump_close(struct rvmm_dump *dump);

const char *rvmm_dump_path(const struct rvmm_dump *dump);
/* libkdumpfile's name for the format: "elf", "diskdump", ... */
const char *rvmm_dump_format(const struct rvmm_dump *dump);
enum rvmm_dump_kind rvmm_dump_kind(const struct rvmm_dump *dump);

/*
 * Read len bytes at physical pa.  Checked first against what the dump
 * says it holds (ELF: the PT_LOAD segments, p_filesz of p_memsz; kdump:
 * the page bitmaps below max_mapnr); only bytes the file holds are asked
 * of libkdumpfile.  A read crossing the end of what the file holds is
 * split there, and the first piece that cannot be read decides:
 * RVMM_READ_ERROR outside the dump's memory, RVMM_READ_NOT_IN_DUMP in
 * memory the file left out.  buf may be partly written on failure.
 */
enum rvmm_read_result rvmm_dump_read_phys(struct rvmm_dump *dump, uint64_t pa,
					  void *buf, size_t len);

/*
 * Whether the file holds the page at pa, as rvmm_dump_read_phys() would
 * answer, without reading it.
 */
enum rvmm_read_result rvmm_dump_page_state(const struct rvmm_dump *dump,
					   uint64_t pa);

/*
 * The dump level a kdump-compressed file records in its sub-header
 * (makedumpfile -d N: RVMM_DL_* bits of the page classes left out), or
 * -1 (ELF, or a header before version 1).
 */
int rvmm_dump_level(const struct rvmm_dump *dump);

/* The VMCOREINFO text, or NULL when the dump carries none. */
const char *rvmm_dump_vmcoreinfo_raw(const struct rvmm_dump *dump);
/* Value of one VMCOREINFO key ("NUMBER(VA_BITS)"), or NULL. */
const char *rvmm_dump_vmcoreinfo(const struct rvmm_dump *dump, const char *key);

/*
 * Physical RAM ranges the dump describes (PT_LOAD segments, or the kdump
 * RAM bitmap), sorted and merged.  Pages inside may still be filtered out
 * of a kdump file: rvmm_dump_read_phys then says RVMM_READ_NOT_IN_DUMP.
 */
const struct rvmm_phys_range *rvmm_dump_ranges(const struct rvmm_dump *dump,
					       size_t *count);

#endif
