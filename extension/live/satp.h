/* SPDX-License-Identifier: GPL-2.0 */
/* The live-only `satp` subcommand: the CSR decoded and checked. */
#ifndef RVMM_LIVE_SATP_H
#define RVMM_LIVE_SATP_H

#include <stdint.h>

struct rvmm_session;
struct rvmm_out;

/* Print satp (text or JSON); 0 when its mode agrees with the layout. */
int live_cmd_satp(struct rvmm_session *s, struct rvmm_out *o, uint64_t satp,
		  unsigned int regno);

#endif
