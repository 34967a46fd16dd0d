// SPDX-License-Identifier: GPL-2.0
/*
 * Subcommand parsing shared by every front end, so `rvmm vtop ...` means the
 * same in crash, in the stand-alone tool and on a live guest.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rvmm.h"
#include "dispatch.h"
#include "preflight.h"
#include "forensics.h"

const char rvmm_usage[] = "info | vtop ADDR | ptdump [REGION] [--tables] | "
			  "vmemmap [PFN | --section N] | ptdesc PFN|PAGE-ADDR "
			  "| log | audit | "
			  "triage | preflight START-END|START+SIZE "
			  "[memory|device-private]   "
			  "[--json]";

/* Addresses are hex, as everywhere in crash; "0x" is optional. */
static int parse_hex(const char *s, uint64_t *v)
{
	char *end;

	if (!*s)
		return -1;
	errno = 0;
	*v = strtoull(s, &end, 16);
	return errno || *end ? -1 : 0;
}

/* pfns and section numbers: decimal, or hex with "0x" (as the kernel
 * prints "pfn:0x810bb"). */
static int parse_number(const char *s, uint64_t *v)
{
	char *end;

	if (!*s || *s == '-')
		return -1;
	errno = 0;
	*v = strtoull(s, &end, strncmp(s, "0x", 2) ? 10 : 16);
	return errno || *end ? -1 : 0;
}

static int fail(char *err, size_t len, const char *what, const char *arg)
{
	snprintf(err, len, "%s%s%s", what, arg ? ": " : "", arg ? arg : "");
	return RVMM_DISPATCH_USAGE;
}

static int triage_code(int verdict)
{
	switch (verdict) {
	case RVMM_MATCH:
		return RVMM_DISPATCH_TRIAGE_MATCH;
	case RVMM_NO_MATCH:
		return RVMM_DISPATCH_TRIAGE_NO_MATCH;
	case RVMM_INCONCLUSIVE:
		return RVMM_DISPATCH_TRIAGE_INCONCLUSIVE;
	}
	return RVMM_DISPATCH_FAILED;
}

int rvmm_dispatch(struct rvmm_session *s, struct rvmm_out *o, int argc,
		  char **argv, char *err, size_t errlen)
{
	const char *pos[4];
	int npos = 0, tables = 0, section = 0, i;
	const char *cmd;
	uint64_t v;

	for (i = 0; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--json") || !strcmp(a, "-j"))
			o->json = 1;
		else if (!strcmp(a, "--tables") || !strcmp(a, "-t"))
			tables = 1;
		else if (!strcmp(a, "--section") || !strcmp(a, "-s"))
			section = 1;
		else if (a[0] == '-' && a[1])
			return fail(err, errlen, "unknown option", a);
		else if (npos == 4)
			return fail(err, errlen, "too many arguments", a);
		else
			pos[npos++] = a;
	}
	if (!npos)
		return fail(err, errlen, "missing subcommand", NULL);
	cmd = pos[0];
	if (!strcmp(cmd, "info") && npos == 1)
		return rvmm_cmd_info(s, o) ? RVMM_DISPATCH_FAILED : 0;
	if (!strcmp(cmd, "log") && npos == 1)
		return rvmm_cmd_log(s, o) ? RVMM_DISPATCH_FAILED : 0;
	if (!strcmp(cmd, "audit") && npos == 1)
		return rvmm_cmd_audit(s, o) ? RVMM_DISPATCH_FAILED : 0;
	if (!strcmp(cmd, "triage") && npos == 1)
		return triage_code(rvmm_cmd_triage(s, o));
	if (!strcmp(cmd, "vtop")) {
		if (npos != 2 || parse_hex(pos[1], &v))
			return fail(err, errlen, "vtop needs one hex address",
				    npos > 1 ? pos[1] : NULL);
		return rvmm_cmd_vtop(s, o, v) ? RVMM_DISPATCH_FAILED : 0;
	}
	if (!strcmp(cmd, "ptdump") && npos <= 2)
		return rvmm_cmd_ptdump(s, o, npos == 2 ? pos[1] : NULL, tables)
			       ? RVMM_DISPATCH_FAILED
			       : 0;
	if (!strcmp(cmd, "vmemmap") && npos <= 2) {
		enum rvmm_vmemmap_sel sel = RVMM_VMEMMAP_ALL;

		v = 0;
		if (npos == 2) {
			if (parse_number(pos[1], &v))
				return fail(err, errlen,
					    "vmemmap needs a pfn or a section "
					    "number",
					    pos[1]);
			sel = section ? RVMM_VMEMMAP_SECTION : RVMM_VMEMMAP_PFN;
		} else if (section) {
			return fail(err, errlen, "--section needs a number",
				    NULL);
		}
		return rvmm_cmd_vmemmap(s, o, sel, v) ? RVMM_DISPATCH_FAILED
						      : 0;
	}
	if (!strcmp(cmd, "ptdesc") && npos == 2) {
		/* A kernel-half hex value is a struct page address. */
		if (!parse_hex(pos[1], &v) && (v >> 63))
			return rvmm_cmd_ptdesc(s, o, v, 1)
				       ? RVMM_DISPATCH_FAILED
				       : 0;
		if (parse_number(pos[1], &v))
			return fail(err, errlen,
				    "ptdesc needs a pfn or a struct page "
				    "address",
				    pos[1]);
		return rvmm_cmd_ptdesc(s, o, v, 0) ? RVMM_DISPATCH_FAILED : 0;
	}
	if (!strcmp(cmd, "preflight") && (npos == 2 || npos == 3)) {
		/* RANGE [memory|device-private] */
		enum rvmm_pf_path path = RVMM_PF_MEMORY;
		uint64_t start, end;

		if (rvmm_preflight_parse_range(pos[1], &start, &end))
			return fail(err, errlen,
				    "preflight needs START-END or START+SIZE, "
				    "page aligned",
				    pos[1]);
		if (npos == 3 && !strcmp(pos[2], "device-private"))
			path = RVMM_PF_DEVICE_PRIVATE;
		else if (npos == 3 && strcmp(pos[2], "memory"))
			return fail(err, errlen,
				    "preflight path is memory or "
				    "device-private",
				    pos[2]);
		return rvmm_cmd_preflight(s, o, start, end, path)
			       ? RVMM_DISPATCH_FAILED
			       : 0;
	}
	return fail(err, errlen, "unknown subcommand or wrong arguments", cmd);
}
