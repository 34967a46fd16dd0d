/* SPDX-License-Identifier: GPL-2.0 */
/* VMCOREINFO numbers (vmcoreinfo.c) and the notes that record every fallback. */
#ifndef RVMM_VMCOREINFO_H
#define RVMM_VMCOREINFO_H

#include <stddef.h>
#include <stdint.h>

#include "source.h"

/* Notes: facts taken from fallbacks, printed by `info` and front ends.    */

#define RVMM_MAX_NOTES 32
#define RVMM_NOTE_LEN 160

struct rvmm_notes {
	int nr;
	char line[RVMM_MAX_NOTES][RVMM_NOTE_LEN];
};

void rvmm_note(struct rvmm_notes *n, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

enum rvmm_vmci_result {
	RVMM_VMCI_OK = 0,
	RVMM_VMCI_MISSING = -1,
	RVMM_VMCI_GARBAGE = -2, /* present but not a number */
};

/*
 * Parse the value string of VMCOREINFO key (e.g. "SYMBOL(vmemmap)").
 * SYMBOL(...) values are bare hex; otherwise "0x" means hex and anything
 * else is signed decimal.  Trailing garbage (other than whitespace) fails.
 * The result is returned as raw 64 bits: negative decimals sign-extend.
 */
enum rvmm_vmci_result rvmm_vmci_parse(const char *key, const char *val,
				      uint64_t *out);
/* Look key up through src->ops->vmcoreinfo and parse it. */
enum rvmm_vmci_result rvmm_vmci_get(const struct rvmm_source *src,
				    const char *key, uint64_t *out);

/*
 * VMCOREINFO text cut into its KEY=VALUE lines, in one copy of the text
 * split in place.  A line without '=' is not an entry.
 */
struct rvmm_vmcoreinfo_lines {
	char *text;
	struct rvmm_vmcoreinfo_line {
		const char *key, *value;
	} * line;
	size_t nr;
};

/* Split the first len bytes of text (up to a NUL); 0, or -1 (memory). */
int rvmm_vmcoreinfo_split(const char *text, size_t len,
			  struct rvmm_vmcoreinfo_lines *lines);
/* The value of the first line with key, or NULL. */
const char *rvmm_vmcoreinfo_find(const struct rvmm_vmcoreinfo_lines *lines,
				 const char *key);
void rvmm_vmcoreinfo_lines_free(struct rvmm_vmcoreinfo_lines *lines);

#endif
