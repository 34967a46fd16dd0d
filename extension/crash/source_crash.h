/* SPDX-License-Identifier: GPL-2.0 */
#ifndef RVMM_SOURCE_CRASH_H
#define RVMM_SOURCE_CRASH_H

#include "rvmm.h"

/* Fill src with the crash-session implementation of the source ops. */
void rvmm_crash_source(struct rvmm_source *src);
/* Free cached VMCOREINFO strings (extension unload). */
void rvmm_crash_source_release(void);

#endif
