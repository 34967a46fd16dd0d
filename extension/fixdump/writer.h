/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Writing a copy of a dump with a VMCOREINFO added.  Pages and the other
 * notes are copied byte for byte; only what points at notes changes.
 */
#ifndef RVMM_FIXDUMP_WRITER_H
#define RVMM_FIXDUMP_WRITER_H

#include <stddef.h>
#include <sys/types.h>

#include "error.h"

/* Copy in to out (truncated first).  0 or -1 with a reason. */
int copy_dump(int in_fd, int out_fd, struct rvmm_error *err);

/*
 * ELF: the headers stay, the first PT_NOTE points at a new notes blob
 * (its old notes minus any VMCOREINFO, plus the new VMCOREINFO note)
 * placed after the headers, and everything from the first PT_LOAD data
 * on moves up by a multiple of 4 KiB to make room: crash reads notes only
 * from the bytes before the first PT_LOAD data.  0 or -1 with a reason.
 */
int write_fixed_elf(int in_fd, int out_fd, const char *text, size_t len,
		    struct rvmm_error *err);

/*
 * kdump-compressed: copy, append the text and (header_version >= 4) a new
 * notes blob, and point the sub-header fields at them.  0 or -1.
 */
int write_fixed_kdump(int in_fd, int out_fd, const char *text, size_t len,
		      struct rvmm_error *err);

/* Helpers shared by the writers. */
int write_all(int fd, const void *buf, size_t len, off_t off);
int copy_range(int in_fd, off_t in_off, int out_fd, off_t out_off, off_t len);
/* old notes without VMCOREINFO, then the new VMCOREINFO note; malloc'd */
void *build_notes(const void *old, size_t old_len, const char *text, size_t len,
		  size_t *out_len);

#endif
