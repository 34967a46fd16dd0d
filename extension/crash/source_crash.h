/* SPDX-License-Identifier: GPL-2.0 */
#ifndef RVMM_SOURCE_CRASH_H
#define RVMM_SOURCE_CRASH_H

#include "rvmm.h"

/* Fill src with the crash-session implementation of the source ops. */
void rvmm_crash_source(struct rvmm_source *src);
/* Free cached VMCOREINFO strings (extension unload). */
void rvmm_crash_source_release(void);

/* Ctrl-C arrived while an rvmm command runs (rvmm_crash.c). */
int rvmm_crash_stop_wanted(void);

#endif
