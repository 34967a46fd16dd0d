/* SPDX-License-Identifier: GPL-2.0 */
/* Kernel functions the analyses know by name: every spelling, one table (kfuncs.c). */
#ifndef RVMM_KFUNCS_H
#define RVMM_KFUNCS_H

#include <stddef.h>

/* A step of the dtor BUG chain, as the BUG site's inline chain names it. */
enum rvmm_role {
	RVMM_ROLE_PTLOCK_FREE, /* frees the PMD ptlock: the VM_BUG_ON_PAGE */
	RVMM_ROLE_DTOR, /* the PMD table dtor that calls it */
	RVMM_ROLE_FREE_PMD_TABLE, /* riscv hot-remove: frees a PMD table */
	RVMM_ROLE_TEARDOWN, /* riscv hot-remove walk that calls it */
	RVMM_ROLE_CALLER, /* calls the dtor off the hot-remove path */
	RVMM_ROLE_NONE, /* not a name the BUG chain check knows */
};

/* What a called or inlined function does, to the fix's code search. */
enum rvmm_fixrole {
	RVMM_FIXROLE_UNKNOWN, /* a name not in the table: may be anything */
	RVMM_FIXROLE_DTOR, /* a page-table destructor */
	RVMM_FIXROLE_FREE, /* frees the table page */
	RVMM_FIXROLE_DTOR_FREE, /* both */
	RVMM_FIXROLE_OTHER, /* known to be neither */
};

struct rvmm_kfunc {
	const char *name;
	enum rvmm_role chain;
	enum rvmm_fixrole fix;
	const char *file; /* where a ptlock-free spelling is defined */
};

extern const struct rvmm_kfunc rvmm_kfuncs[];
extern const size_t rvmm_nr_kfuncs;

/* The entry for the first len bytes of name, or NULL. */
const struct rvmm_kfunc *rvmm_kfunc_find(const char *name, size_t len);

/* The role of name; compiler suffixes (".constprop.0") are ignored. */
enum rvmm_fixrole rvmm_fixrole(const char *name);

#endif
