// SPDX-License-Identifier: GPL-2.0
/* Recording an error: the code and a message formatted once. */
#include <stdarg.h>
#include <stdio.h>

#include "error.h"

int rvmm_fail(struct rvmm_error *e, enum rvmm_errcode code, const char *fmt,
	      ...)
{
	char msg[RVMM_ERRMSG_MAX];
	va_list ap;

	if (!e)
		return -1;
	/* formatted apart first: the arguments may quote e->msg itself */
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	snprintf(e->msg, sizeof(e->msg), "%s", msg);
	e->code = code;
	return -1;
}
