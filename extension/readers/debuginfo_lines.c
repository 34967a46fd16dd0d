// SPDX-License-Identifier: GPL-2.0
/*
 * Line-table queries.  A BUG() message names a header line
 * ("include/linux/mm.h:3130") that was inlined into many functions, so the
 * answer is every address whose row says that file and line.
 */
#include <stdlib.h>
#include <string.h>

#include "debuginfo_priv.h"

/* path ends with suffix at a '/' boundary, or equals it */
static int path_matches(const char *path, const char *suffix)
{
	size_t plen = strlen(path), slen = strlen(suffix);

	if (plen < slen || strcmp(path + plen - slen, suffix))
		return 0;
	return plen == slen || path[plen - slen - 1] == '/';
}

static int compare_addr(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Rows of one CU that match; file names are compared once per file. */
static int scan_cu_lines(Dwarf_Die *cu, const char *file, int line,
			 uint64_t **found, size_t *count, size_t *cap)
{
	const char *last_src = NULL;
	int last_match = 0;
	Dwarf_Lines *lines;
	size_t nlines;

	if (dwarf_getsrclines(cu, &lines, &nlines))
		return 0;
	for (size_t i = 0; i < nlines; i++) {
		Dwarf_Line *row = dwarf_onesrcline(lines, i);
		const char *src;
		Dwarf_Addr addr;
		int lineno;

		if (!row || dwarf_lineno(row, &lineno) || lineno != line)
			continue;
		src = dwarf_linesrc(row, NULL, NULL);
		if (!src)
			continue;
		if (src != last_src) {
			last_src = src;
			last_match = path_matches(src, file);
		}
		if (!last_match || dwarf_lineaddr(row, &addr))
			continue;
		if (*count == *cap) {
			size_t grown = *cap ? *cap * 2 : 64;
			uint64_t *p = realloc(*found, grown * sizeof(*p));

			if (!p)
				return -1;
			*found = p;
			*cap = grown;
		}
		(*found)[(*count)++] = addr;
	}
	return 0;
}

long rvmm_debuginfo_line_addrs(struct rvmm_debuginfo *di, const char *file,
			       int line, uint64_t *addrs, size_t max)
{
	Dwarf_Off off = 0, next;
	size_t header_size, count = 0, cap = 0, unique = 0;
	uint64_t *found = NULL;

	while (!dwarf_nextcu(di->dwarf, off, &next, &header_size, NULL, NULL,
			     NULL)) {
		Dwarf_Die cu;

		if (dwarf_offdie(di->dwarf, off + header_size, &cu) &&
		    scan_cu_lines(&cu, file, line, &found, &count, &cap)) {
			free(found);
			return -1;
		}
		off = next;
	}
	if (count)
		qsort(found, count, sizeof(*found), compare_addr);
	for (size_t i = 0; i < count; i++) {
		if (unique && found[i] == found[unique - 1])
			continue;
		found[unique++] = found[i];
	}
	for (size_t i = 0; i < unique && i < max; i++)
		addrs[i] = found[i];
	free(found);
	return (long)unique;
}

int rvmm_debuginfo_addr_line(struct rvmm_debuginfo *di, uint64_t addr,
			     const char **file, int *line)
{
	Dwarf_Die cu;
	Dwarf_Line *row;

	if (!dwarf_addrdie(di->dwarf, addr, &cu))
		return -1;
	row = dwarf_getsrc_die(&cu, addr);
	if (!row || dwarf_lineno(row, line))
		return -1;
	*file = dwarf_linesrc(row, NULL, NULL);
	return *file ? 0 : -1;
}
