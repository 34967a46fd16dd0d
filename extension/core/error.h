/* SPDX-License-Identifier: GPL-2.0 */
/* One error type for the core, the readers and the front ends (error.c). */
#ifndef RVMM_ERROR_H
#define RVMM_ERROR_H

#include <stdarg.h>

/* The values are the exit statuses of rvmm, rvmm-live and rvmm-fixdump. */
enum rvmm_errcode {
	RVMM_OK = 0,
	RVMM_EFAILED = 1, /* the work could not be done */
	RVMM_EUSAGE = 2, /* the command line is wrong */
	RVMM_EINPUT = 3, /* a dump, vmlinux or guest that cannot be used */
	RVMM_EGONE = 4, /* a live guest or its connection went away */
};

#define RVMM_ERRMSG_MAX 640

/* What went wrong, as one line that names the thing at fault. */
struct rvmm_error {
	enum rvmm_errcode code;
	char msg[RVMM_ERRMSG_MAX];
};

/* Record an error in e (which may be NULL) and return -1. */
int rvmm_fail(struct rvmm_error *e, enum rvmm_errcode code, const char *fmt,
	      ...) __attribute__((format(printf, 3, 4)));
/* The same for callers that take the format and arguments themselves. */
int rvmm_vfail(struct rvmm_error *e, enum rvmm_errcode code, const char *fmt,
	       va_list ap) __attribute__((format(printf, 3, 0)));

#endif
