// SPDX-License-Identifier: GPL-2.0
/*
 * The one list of subcommands: each one's arguments, parser, runner and help
 * text.  Dispatch, the usage lines, crash's `help rvmm` and docs/commands.md
 * are all made from it, so a new command is one entry here and its cmd_*.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rvmm.h"
#include "dispatch.h"
#include "preflight.h"
#include "forensics.h"

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

/* Right name, wrong count: say what it takes, from the table. */
static int wrong_args(struct rvmm_error *err, const struct rvmm_command *c)
{
	rvmm_fail(err, RVMM_EUSAGE, "%s takes %s", c->name,
		  c->args ? c->args : "no arguments");
	return RVMM_DISPATCH_USAGE;
}

static int done(int cmd_result)
{
	return cmd_result ? RVMM_DISPATCH_FAILED : RVMM_DISPATCH_OK;
}

static int parse_none(const struct rvmm_command *c, int argc, char **argv,
		      struct rvmm_cmd_args *a, struct rvmm_error *err)
{
	return argc ? wrong_args(err, c) : 0;
}

static int run_info(struct rvmm_session *s, struct rvmm_out *o,
		    const struct rvmm_cmd_args *a)
{
	return done(rvmm_cmd_info(s, o));
}

static int parse_vtop(const struct rvmm_command *c, int argc, char **argv,
		      struct rvmm_cmd_args *a, struct rvmm_error *err)
{
	if (argc != 1 || parse_hex(argv[0], &a->num))
		return rvmm_usage_error(err, "vtop needs one hex address",
					argc ? argv[0] : NULL);
	return 0;
}

static int run_vtop(struct rvmm_session *s, struct rvmm_out *o,
		    const struct rvmm_cmd_args *a)
{
	return done(rvmm_cmd_vtop(s, o, a->num));
}

static int parse_ptdump(const struct rvmm_command *c, int argc, char **argv,
			struct rvmm_cmd_args *a, struct rvmm_error *err)
{
	if (argc > 1)
		return wrong_args(err, c);
	a->word = argc ? argv[0] : NULL;
	return 0;
}

static int run_ptdump(struct rvmm_session *s, struct rvmm_out *o,
		      const struct rvmm_cmd_args *a)
{
	return done(rvmm_cmd_ptdump(s, o, a->word, a->flag));
}

static int parse_vmemmap(const struct rvmm_command *c, int argc, char **argv,
			 struct rvmm_cmd_args *a, struct rvmm_error *err)
{
	a->mode = RVMM_VMEMMAP_ALL;
	if (argc > 1)
		return wrong_args(err, c);
	if (!argc)
		return a->flag ? rvmm_usage_error(
					 err, "--section needs a number", NULL)
			       : 0;
	if (parse_number(argv[0], &a->num))
		return rvmm_usage_error(
			err, "vmemmap needs a pfn or a section number",
			argv[0]);
	a->mode = a->flag ? RVMM_VMEMMAP_SECTION : RVMM_VMEMMAP_PFN;
	return 0;
}

static int run_vmemmap(struct rvmm_session *s, struct rvmm_out *o,
		       const struct rvmm_cmd_args *a)
{
	return done(rvmm_cmd_vmemmap(s, o, a->mode, a->num));
}

static int parse_ptdesc(const struct rvmm_command *c, int argc, char **argv,
			struct rvmm_cmd_args *a, struct rvmm_error *err)
{
	if (argc != 1)
		return wrong_args(err, c);
	/* A kernel-half hex value is a struct page address. */
	if (!parse_hex(argv[0], &a->num) && (a->num >> 63)) {
		a->mode = 1;
		return 0;
	}
	if (parse_number(argv[0], &a->num))
		return rvmm_usage_error(
			err, "ptdesc needs a pfn or a struct page address",
			argv[0]);
	return 0;
}

static int run_ptdesc(struct rvmm_session *s, struct rvmm_out *o,
		      const struct rvmm_cmd_args *a)
{
	return done(rvmm_cmd_ptdesc(s, o, a->num, a->mode));
}

static int run_log(struct rvmm_session *s, struct rvmm_out *o,
		   const struct rvmm_cmd_args *a)
{
	return done(rvmm_cmd_log(s, o));
}

static int run_audit(struct rvmm_session *s, struct rvmm_out *o,
		     const struct rvmm_cmd_args *a)
{
	return done(rvmm_cmd_audit(s, o));
}

static int run_triage(struct rvmm_session *s, struct rvmm_out *o,
		      const struct rvmm_cmd_args *a)
{
	switch (rvmm_cmd_triage(s, o)) {
	case RVMM_MATCH:
		return RVMM_DISPATCH_TRIAGE_MATCH;
	case RVMM_NO_MATCH:
		return RVMM_DISPATCH_TRIAGE_NO_MATCH;
	case RVMM_INCONCLUSIVE:
		return RVMM_DISPATCH_TRIAGE_INCONCLUSIVE;
	}
	return RVMM_DISPATCH_FAILED;
}

static int parse_preflight(const struct rvmm_command *c, int argc, char **argv,
			   struct rvmm_cmd_args *a, struct rvmm_error *err)
{
	if (argc < 1 || argc > 2)
		return wrong_args(err, c);
	if (rvmm_preflight_parse_range(argv[0], &a->num, &a->end))
		return rvmm_usage_error(
			err,
			"preflight needs START-END or START+SIZE, page aligned",
			argv[0]);
	a->mode = RVMM_PF_MEMORY;
	if (argc == 2 && !strcmp(argv[1], "device-private"))
		a->mode = RVMM_PF_DEVICE_PRIVATE;
	else if (argc == 2 && strcmp(argv[1], "memory"))
		return rvmm_usage_error(
			err, "preflight path is memory or device-private",
			argv[1]);
	return 0;
}

static int run_preflight(struct rvmm_session *s, struct rvmm_out *o,
			 const struct rvmm_cmd_args *a)
{
	return done(rvmm_cmd_preflight(s, o, a->num, a->end, a->mode));
}

const struct rvmm_command rvmm_command_table[] = {
	{
		.name = "info",
		.frontends = RVMM_FE_ALL,
		.parse = parse_none,
		.run = run_info,
		.help = "release, dump format, paging mode, the virtual memory layout,\n"
			"struct page layout, page_type scheme and memory sections; for\n"
			"a kdump file the dump level (makedumpfile -d), the page\n"
			"classes it left out and what that costs, and whether the pages\n"
			"it holds are those makedumpfile's rules keep.",
	},
	{
		.name = "vtop",
		.args = "ADDR",
		.frontends = RVMM_FE_ALL,
		.parse = parse_vtop,
		.run = run_vtop,
		.help = "translate a kernel virtual address (hex) through swapper_pg_dir,\n"
			"showing every level's entry, its bits, the table page and that\n"
			"table page's struct page verdict.",
	},
	{
		.name = "ptdump",
		.args = "[REGION]",
		.option = "--tables",
		.crash_option = "-t",
		.option_help =
			"list every page-table page with its level and verdict instead.",
		.frontends = RVMM_FE_ALL,
		.parse = parse_ptdump,
		.run = run_ptdump,
		.help = "the kernel page tables as merged leaf ranges per region, like\n"
			"the kernel's ptdump.  REGION is one of linear, vmemmap, vmalloc,\n"
			"modules, kernel, fixmap, pci-io, user (default: all).",
	},
	{
		.name = "vmemmap",
		.args = "[PFN | --section N]",
		.crash_args = "[PFN | -s N]",
		.option = "--section",
		.crash_option = "-s",
		.frontends = RVMM_FE_ALL,
		.parse = parse_vmemmap,
		.run = run_vmemmap,
		.help = "the struct page range of each memory section (or of the section\n"
			"holding PFN, or of section N) and the vmemmap mappings behind\n"
			"it, with consistency checks.",
	},
	{
		.name = "ptdesc",
		.args = "PFN|PAGE-ADDR",
		.crash_args = "PFN|PAGE",
		.frontends = RVMM_FE_ALL,
		.parse = parse_ptdesc,
		.run = run_ptdesc,
		.help = "decode the struct page / ptdesc of a pfn (decimal, or hex with\n"
			"0x) or of a struct page address (hex): flags, refcount,\n"
			"page_type, pmd_huge_pte, ptl, memcg and the page-table verdict.",
	},
	{
		.name = "log",
		.frontends = RVMM_FE_ALL,
		.parse = parse_none,
		.run = run_log,
		.help = "the kernel log, decoded from the printk ring buffer.",
	},
	{
		.name = "audit",
		.frontends = RVMM_FE_ALL,
		.parse = parse_none,
		.run = run_audit,
		.help = "every page-table page reachable from swapper_pg_dir with its\n"
			"verdict, freed tables still referenced, and NR_PAGETABLE (with\n"
			"per-cpu deltas) against the pages that carry the table type.",
	},
	{
		.name = "triage",
		.frontends = RVMM_FE_ALL,
		.parse = parse_none,
		.run = run_triage,
		.help = "is this dump the riscv64 vmemmap PMD-table dtor bug\n"
			"(c75a74f4ba19, fixed by 21f1b85c8912)?  Verdict match, no-match\n"
			"or inconclusive, the variant (bug-on or silent), whether the\n"
			"kernel has the fix, and each piece of evidence on its own line.\n"
			"See docs/triage.md.",
	},
	{
		.name = "preflight",
		.args = "START-END|START+SIZE [memory|device-private]",
		.frontends = RVMM_FE_ALL,
		.parse = parse_preflight,
		.run = run_preflight,
		.help = "before a physical range is hot-removed (memory) or a ZONE_DEVICE\n"
			"range unmapped (device-private): which vmemmap and linear-map\n"
			"page tables the removal would free, whether each was\n"
			"constructed, and whether this kernel (fix present or not,\n"
			"DEBUG_VM, paging mode) would hit the dtor bug.  Most useful on a\n"
			"live guest (rvmm-live); on a dump it describes the tables as\n"
			"they were.",
	},
	{
		.name = "xlate",
		.args = "[on|off]",
		.frontends = RVMM_FE_CRASH,
		.help = "route crash's own kernel-address translation (kvtop) through\n"
			"rvmm's walk, or back.  On by default once the extension loads\n"
			"(set RVMM_NO_XLATE to keep crash's), so that kmem -s, kmem -p,\n"
			"rd and struct work on vmemmap and huge linear-map addresses.",
	},
	{NULL},
};

const struct rvmm_command *rvmm_command_find(const char *name)
{
	const struct rvmm_command *c;

	for (c = rvmm_command_table; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}
