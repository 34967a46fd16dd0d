/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The stand-alone front end's struct rvmm_source: a vmlinux (symbols,
 * DWARF) and a vmcore (memory, VMCOREINFO).
 */
#ifndef RVMM_SOURCE_STANDALONE_H
#define RVMM_SOURCE_STANDALONE_H

#include <stddef.h>

#include "../core/source.h"

struct rvmm_debuginfo;
struct rvmm_dump;

/*
 * Open both files and fill src.  A dump without VMCOREINFO still opens
 * (the core may fall back on DWARF); rvmm_standalone_vmcoreinfo_warning()
 * then names the dump and the remedy.  0 on success; -1 with a one-line
 * message in err.
 */
int rvmm_standalone_open(const char *vmlinux, const char *dumpfile,
			 struct rvmm_source *src, char *err, size_t errlen);
/*
 * The same over files the caller opened and keeps owning (and closes
 * after rvmm_standalone_close(src)).
 */
void rvmm_standalone_wrap(struct rvmm_debuginfo *di, struct rvmm_dump *dump,
			  struct rvmm_source *src);
/* Warning text for a dump without VMCOREINFO, or NULL if it has some. */
const char *rvmm_standalone_vmcoreinfo_warning(const struct rvmm_source *src);
void rvmm_standalone_close(struct rvmm_source *src);

#endif
