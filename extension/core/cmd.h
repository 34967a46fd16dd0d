/* SPDX-License-Identifier: GPL-2.0 */
/* Internal to the cmd_*.c files. */
#ifndef RVMM_CMD_H
#define RVMM_CMD_H

#include "internal.h"

void rvmm_print_page_info(struct rvmm_session *s, struct rvmm_out *o,
			  struct rvmm_json *j, const char *key,
			  const struct rvmm_page_info *pi);
void rvmm_print_notes(struct rvmm_session *s, struct rvmm_out *o,
		      struct rvmm_json *j);

#endif
