/* SPDX-License-Identifier: GPL-2.0 */
/* One-line error messages of the stand-alone readers, printf-style. */
#ifndef RVMM_ERRFMT_H
#define RVMM_ERRFMT_H

#include <stddef.h>

void rvmm_set_err(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif
