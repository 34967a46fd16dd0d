/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Is the vmlinux the build that made the dump?  And where did KASLR put its
 * image?  Both answered from the dump's own evidence (VMCOREINFO, the
 * banner in memory) against the vmlinux file, through struct rvmm_source.
 */
#ifndef RVMM_IDENTITY_H
#define RVMM_IDENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "source.h"

#define RVMM_BANNER_PREFIX "Linux version "

/*
 * The release plus the "#N ... date" tail of a linux_banner ("6.12.117
 * #1 SMP Wed Nov 25 ..."), which names one build; "?" for the release
 * when banner is not one.
 */
void rvmm_banner_build(const char *banner, char *out, size_t len);

enum rvmm_identity_verdict {
	RVMM_ID_UNKNOWN, /* nothing to compare: say so, go on */
	RVMM_ID_SAME,
	RVMM_ID_DIFFERENT,
};

struct rvmm_identity {
	enum rvmm_identity_verdict verdict;
	/* what decided: "BUILD-ID", "linux_banner", "OSRELEASE", or NULL */
	const char *by;
	char dump[200]; /* the dump's side, as found */
	char vmlinux[200]; /* the vmlinux's side */
	char msg[480]; /* one line for the user */
};

/*
 * From VMCOREINFO and the vmlinux file alone: BUILD-ID against the
 * build-id note, else OSRELEASE against the release in linux_banner.
 * A BUILD-ID comparison is final; an equal release is not (the verdict
 * stays UNKNOWN so that rvmm_identity_check_memory() can decide).
 */
void rvmm_identity_check_static(const struct rvmm_source *src,
				struct rvmm_identity *id);

/*
 * linux_banner as the dump's memory holds it against the vmlinux's.  read
 * reads kernel virtual memory (the session's translation).  Only runs
 * while the verdict is UNKNOWN.  Memory that is not a banner at all leaves
 * it UNKNOWN: that is a lost translation, not proof of another build.
 */
typedef int (*rvmm_read_kva_fn)(void *arg, uint64_t va, void *buf, size_t len);
void rvmm_identity_check_memory(const struct rvmm_source *src,
				rvmm_read_kva_fn read, void *arg,
				struct rvmm_identity *id);

/*
 * KASLR: run-time minus link-time address of the kernel image, from
 * VMCOREINFO's KERNELOFFSET where the kernel writes one, else from its
 * SYMBOL(_stext) against link_stext (the vmlinux's own _stext).  Returns
 * 0 with *off set and *how naming the key used, or -1 if VMCOREINFO has
 * neither.
 */
int rvmm_image_offset_from_vmcoreinfo(const struct rvmm_source *src,
				      uint64_t link_stext, int64_t *off,
				      const char **how);

#endif
