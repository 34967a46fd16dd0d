/* SPDX-License-Identifier: GPL-2.0 */
#ifndef RVMM_SOURCE_CRASH_H
#define RVMM_SOURCE_CRASH_H

#include <signal.h>

#include "rvmm.h"

/*
 * Fill src with the crash-session implementation of the source ops; the
 * core's long loops stop once *stop_flag (Ctrl-C seen) is set.
 */
void rvmm_crash_source(struct rvmm_source *src,
		       const volatile sig_atomic_t *stop_flag);
/* Free cached VMCOREINFO strings (extension unload). */
void rvmm_crash_source_release(void);

#endif
