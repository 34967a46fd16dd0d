/* SPDX-License-Identifier: GPL-2.0 */
/* A vmlinux and its dump opened into one session, for rvmm and rvmm batch. */
#ifndef RVMM_PAIR_H
#define RVMM_PAIR_H

#include "rvmm.h"

struct rvmm_debuginfo;
struct rvmm_dump;

struct rvmm_pair {
	struct rvmm_debuginfo *di;
	struct rvmm_dump *dump;
	struct rvmm_source src;
	struct rvmm_session session;
	int owns_di; /* rvmm_pair_close() closes di */
	/* what the user should know although the files opened (a dump
	 * without VMCOREINFO); kept after a failed open */
	char warning[RVMM_ERRMSG_MAX];
};

/*
 * Open both files and a session over them.  0, or -1 with err naming the
 * file at fault; the pair is then closed already (p->warning stays).
 */
int rvmm_pair_open(struct rvmm_pair *p, const char *vmlinux,
		   const char *dumpfile, const struct rvmm_options *opt,
		   struct rvmm_error *err);
/* The same over a vmlinux the caller opened and keeps owning. */
int rvmm_pair_open_on(struct rvmm_pair *p, struct rvmm_debuginfo *di,
		      const char *dumpfile, const struct rvmm_options *opt,
		      struct rvmm_error *err);
void rvmm_pair_close(struct rvmm_pair *p);

#endif
