/* SPDX-License-Identifier: GPL-2.0 */
/* Internal to the cmd_*.c files. */
#ifndef RVMM_CMD_H
#define RVMM_CMD_H

#include "internal.h"
#include "rvmm.h"

void rvmm_print_page_info(struct rvmm_session *s, struct rvmm_out *o,
			  struct rvmm_json *j, const char *key,
			  const struct rvmm_page_info *pi);
void rvmm_print_notes(struct rvmm_session *s, struct rvmm_out *o,
		      struct rvmm_json *j);

/* A command's one-line error, as text or as {"error": ...}. */
void rvmm_err(const struct rvmm_session *s, struct rvmm_out *o, const char *fmt,
	      ...) __attribute__((format(printf, 3, 4)));

#endif
