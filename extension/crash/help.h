/* SPDX-License-Identifier: GPL-2.0 */
#ifndef RVMM_CRASH_HELP_H
#define RVMM_CRASH_HELP_H

/* Generated from extension/crash/help.txt at build time. */
extern char *rvmm_help[];

#endif
