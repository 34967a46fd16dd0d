// SPDX-License-Identifier: GPL-2.0
/*
 * VMCOREINFO numbers.  The kernel prints them with several formats:
 * SYMBOL()=%lx (hex, no 0x), OFFSET/SIZE/LENGTH=%lu, NUMBER()=%ld, while
 * riscv's arch_crash_save_vmcoreinfo() prints most NUMBER()s as 0x%lx
 * but phys_ram_base and VA_BITS through VMCOREINFO_NUMBER (decimal).  So
 * the key alone does not tell the base: SYMBOL -> hex, "0x" -> hex, else
 * signed decimal.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "vmcoreinfo.h"

static int only_space(const char *p)
{
	while (*p && isspace((unsigned char)*p))
		p++;
	return *p == '\0';
}

enum rvmm_vmci_result rvmm_vmci_parse(const char *key, const char *val,
				      uint64_t *out)
{
	const char *p = val;
	char *end;
	int neg = 0;
	unsigned long long v;

	if (!val)
		return RVMM_VMCI_MISSING;
	while (isspace((unsigned char)*p))
		p++;
	if (!strncmp(key, "SYMBOL(", 7)) {
		if (!isxdigit((unsigned char)*p))
			return RVMM_VMCI_GARBAGE;
		errno = 0;
		v = strtoull(p, &end, 16);
	} else if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
		if (!isxdigit((unsigned char)p[2]))
			return RVMM_VMCI_GARBAGE;
		errno = 0;
		v = strtoull(p + 2, &end, 16);
	} else {
		if (*p == '-') {
			neg = 1;
			p++;
		}
		if (!isdigit((unsigned char)*p))
			return RVMM_VMCI_GARBAGE;
		errno = 0;
		v = strtoull(p, &end, 10);
		if (neg && v > (1ULL << 63))
			return RVMM_VMCI_GARBAGE;
		if (neg)
			v = -v;
	}
	if (errno == ERANGE || !only_space(end))
		return RVMM_VMCI_GARBAGE;
	*out = v;
	return RVMM_VMCI_OK;
}

enum rvmm_vmci_result rvmm_vmci_get(const struct rvmm_source *src,
				    const char *key, uint64_t *out)
{
	const char *val;

	if (!src->ops->vmcoreinfo)
		return RVMM_VMCI_MISSING;
	val = src->ops->vmcoreinfo(src->ctx, key);
	return rvmm_vmci_parse(key, val, out);
}

void rvmm_note(struct rvmm_notes *n, const char *fmt, ...)
{
	va_list ap;

	if (!n || n->nr >= RVMM_MAX_NOTES)
		return;
	va_start(ap, fmt);
	vsnprintf(n->line[n->nr], RVMM_NOTE_LEN, fmt, ap);
	va_end(ap);
	n->nr++;
}

long rvmm_member(const struct rvmm_source *src, const char *type,
		 const char *member)
{
	if (!src->ops->member_offset)
		return -1;
	return src->ops->member_offset(src->ctx, type, member);
}

long rvmm_size(const struct rvmm_source *src, const char *type)
{
	if (!src->ops->struct_size)
		return -1;
	return src->ops->struct_size(src->ctx, type);
}

int rvmm_enum(const struct rvmm_source *src, const char *name, int64_t *v)
{
	if (!src->ops->enumerator)
		return -1;
	return src->ops->enumerator(src->ctx, name, v);
}

int rvmm_vmcoreinfo_split(const char *text, size_t len,
			  struct rvmm_vmcoreinfo_lines *lines)
{
	const char *nul = memchr(text, '\0', len);
	size_t most = 1, i;
	char *p, *line, *eq;

	memset(lines, 0, sizeof(*lines));
	if (nul)
		len = nul - text;
	lines->text = malloc(len + 1);
	if (!lines->text)
		return -1;
	memcpy(lines->text, text, len);
	lines->text[len] = '\0';
	for (i = 0; i < len; i++)
		most += lines->text[i] == '\n';
	lines->line = calloc(most, sizeof(*lines->line));
	if (!lines->line) {
		rvmm_vmcoreinfo_lines_free(lines);
		return -1;
	}
	for (line = lines->text; *line; line = p) {
		p = strchr(line, '\n');
		if (p)
			*p++ = '\0';
		else
			p = line + strlen(line);
		eq = strchr(line, '=');
		if (!eq)
			continue;
		*eq = '\0';
		lines->line[lines->nr].key = line;
		lines->line[lines->nr++].value = eq + 1;
	}
	return 0;
}

const char *rvmm_vmcoreinfo_find(const struct rvmm_vmcoreinfo_lines *lines,
				 const char *key)
{
	for (size_t i = 0; i < lines->nr; i++)
		if (!strcmp(lines->line[i].key, key))
			return lines->line[i].value;
	return NULL;
}

void rvmm_vmcoreinfo_lines_free(struct rvmm_vmcoreinfo_lines *lines)
{
	free(lines->text);
	free(lines->line);
	memset(lines, 0, sizeof(*lines));
}
