/* SPDX-License-Identifier: GPL-2.0 */
/* rvmm batch: triage of many vmlinux + dump pairs (batch.c). */
#ifndef RVMM_BATCH_H
#define RVMM_BATCH_H

#include "rvmm.h"

/* argv[0] is "batch"; the exit status: 0 every pair analysed, 1 not, 2 usage. */
int rvmm_batch_main(int argc, char **argv, const struct rvmm_options *opt);

#endif
