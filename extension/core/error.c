// SPDX-License-Identifier: GPL-2.0
/* Recording an error: the code and a message formatted once. */
#include <stdarg.h>
#include <stdio.h>

#include "error.h"

int rvmm_vfail(struct rvmm_error *e, enum rvmm_errcode code, const char *fmt,
	       va_list ap)
{
	char msg[RVMM_ERRMSG_MAX];

	if (!e)
		return -1;
	/* formatted apart first: the arguments may quote e->msg itself */
	vsnprintf(msg, sizeof(msg), fmt, ap);
	snprintf(e->msg, sizeof(e->msg), "%s", msg);
	e->code = code;
	return -1;
}

int rvmm_fail(struct rvmm_error *e, enum rvmm_errcode code, const char *fmt,
	      ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = rvmm_vfail(e, code, fmt, ap);
	va_end(ap);
	return rc;
}
