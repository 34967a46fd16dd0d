// SPDX-License-Identifier: GPL-2.0
/*
 * GDB numbers the <reg> elements of a target description in document
 * order, following <xi:include>, starting at 0; a regnum="N" attribute
 * sets the number of that register and of those after it (gdb/
 * target-descriptions.c).  QEMU puts the CSRs, satp among them, in a
 * generated feature org.gnu.gdb.riscv.csr with explicit regnums.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rsp.h"
#include "tdesc.h"

#define MAX_INCLUDE_DEPTH 4

struct tdesc_walk {
	const char *want;
	unsigned int next; /* number of the next <reg> */
	int found;
	unsigned int regno, bitsize;
};

/* Value of attribute attr inside the tag starting at tag; 0 or -1. */
static int attr_value(const char *tag, const char *end, const char *attr,
		      char *buf, size_t len)
{
	size_t alen = strlen(attr);
	const char *p, *q;

	for (p = tag; p && p < end; p++) {
		p = strstr(p, attr);
		if (!p || p >= end)
			return -1;
		if ((p[-1] == ' ' || p[-1] == '\t' || p[-1] == '\n') &&
		    p[alen] == '=' &&
		    (p[alen + 1] == '"' || p[alen + 1] == '\''))
			break;
	}
	if (!p || p >= end)
		return -1;
	p += alen + 2;
	q = memchr(p, p[-1], end - p);
	if (!q || (size_t)(q - p) >= len)
		return -1;
	memcpy(buf, p, q - p);
	buf[q - p] = '\0';
	return 0;
}

static int walk_doc(struct rsp *r, const char *annex, struct tdesc_walk *w,
		    int depth)
{
	char *xml, *p, *end, val[128];
	int rc = 0;

	if (depth > MAX_INCLUDE_DEPTH) {
		rvmm_fail(&r->err, RVMM_EINPUT,
			  "target description includes nest deeper than %d",
			  MAX_INCLUDE_DEPTH);
		return -1;
	}
	xml = rsp_read_feature(r, annex);
	if (!xml)
		return -1;
	for (p = strchr(xml, '<'); p && !w->found; p = strchr(p + 1, '<')) {
		end = strchr(p, '>');
		if (!end) {
			rvmm_fail(&r->err, RVMM_EINPUT,
				  "target description %s: unterminated tag",
				  annex);
			rc = -1;
			break;
		}
		if (!strncmp(p, "<xi:include", 11)) {
			if (attr_value(p, end, "href", val, sizeof(val)) ||
			    walk_doc(r, val, w, depth + 1)) {
				rc = -1;
				break;
			}
		} else if (!strncmp(p, "<reg", 4) &&
			   (p[4] == ' ' || p[4] == '\t' || p[4] == '\n')) {
			if (!attr_value(p, end, "regnum", val, sizeof(val)))
				w->next = strtoul(val, NULL, 0);
			if (!attr_value(p, end, "name", val, sizeof(val)) &&
			    !strcmp(val, w->want)) {
				w->found = 1;
				w->regno = w->next;
				w->bitsize = attr_value(p, end, "bitsize", val,
							sizeof(val))
						     ? 0
						     : strtoul(val, NULL, 0);
			}
			w->next++;
		}
		p = end;
	}
	free(xml);
	return rc;
}

int tdesc_find_register(struct rsp *r, const char *name, unsigned int *regno,
			unsigned int *bitsize)
{
	struct tdesc_walk w = {.want = name};

	if (walk_doc(r, "target.xml", &w, 0))
		return -1;
	if (!w.found) {
		rvmm_fail(
			&r->err, RVMM_EINPUT,
			"gdbstub %s: the target description has no register '%s'",
			r->where, name);
		return -1;
	}
	*regno = w.regno;
	*bitsize = w.bitsize;
	return 0;
}
