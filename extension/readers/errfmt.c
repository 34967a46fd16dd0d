// SPDX-License-Identifier: GPL-2.0
/* One-line error messages of the stand-alone readers, printf-style. */
#include <stdarg.h>
#include <stdio.h>

#include "errfmt.h"

void rvmm_set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}
