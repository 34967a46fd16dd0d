/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The stand-alone front end's struct rvmm_source: a vmlinux (symbols,
 * DWARF) and a vmcore (memory, VMCOREINFO).
 */
#ifndef RVMM_DUMP_SOURCE_H
#define RVMM_DUMP_SOURCE_H

#include <stddef.h>

#include "error.h"
#include "source.h"

struct rvmm_debuginfo;
struct rvmm_dump;

/*
 * Open both files and fill src.  A dump without VMCOREINFO still opens
 * (the core may fall back on DWARF); rvmm_dump_source_vmcoreinfo_warning()
 * then names the dump and the remedy.  0 on success; -1 with a one-line
 * message in err.
 */
int rvmm_dump_source_open(const char *vmlinux, const char *dumpfile,
			  struct rvmm_source *src, struct rvmm_error *err);
/*
 * The same over files the caller opened and keeps owning (and closes
 * after rvmm_dump_source_close(src)).
 */
int rvmm_dump_source_wrap(struct rvmm_debuginfo *di, struct rvmm_dump *dump,
			  struct rvmm_source *src);
/* Warning text for a dump without VMCOREINFO, or NULL if it has some. */
const char *rvmm_dump_source_vmcoreinfo_warning(const struct rvmm_source *src);
void rvmm_dump_source_close(struct rvmm_source *src);

#endif
