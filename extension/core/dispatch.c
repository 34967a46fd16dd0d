// SPDX-License-Identifier: GPL-2.0
/*
 * Subcommand parsing, usage lines and the help page, all read from the
 * command table (cmd_table.c), so `rvmm vtop ...` means the same in crash,
 * in the stand-alone tool and on a live guest, and says so the same way.
 */
#include <string.h>

#include "rvmm.h"
#include "dispatch.h"

#define MAX_POSITIONAL 4

static const char summary[] =
	"riscv64 kernel page tables, vmemmap and page-table-page forensics";

static const char intro[] =
	"  Decodes a riscv64 (Sv39/Sv48/Sv57) kernel's memory-management state with\n"
	"  rvmm's own page-table walk, which translates huge leaves at every level,\n"
	"  and reads memory by physical address.  Layout comes from VMCOREINFO and\n"
	"  the kernel's debug info.\n";

static const char force_help[] =
	"go on although the vmlinux is not the build that wrote the\n"
	"dump (BUILD-ID, or release and linux_banner, differ): rvmm\n"
	"otherwise refuses, naming both builds; triage then says\n"
	"inconclusive.";

/*
 * crash substitutes its program name for each "%s"; every example must be
 * real output of samples/bug (tests/docs/docs.test runs them).
 */
static const char crash_examples[] =
	"\n"
	"EXAMPLE\n"
	"  Is this the vmemmap PMD dtor bug?  (samples/bug)\n"
	"\n"
	"    %s> rvmm triage\n"
	"    verdict:     match (riscv-vmemmap-pmd-dtor)\n"
	"    variant:     bug-on\n"
	"    fix present: no (by dump)\n"
	"    paging:      sv57\n"
	"    PMD table:   pfn 0x81178\n"
	"\n"
	"  The PMD table the BUG named, as its struct page shows it:\n"
	"\n"
	"    %s> rvmm ptdesc 0x81178\n"
	"    ptdesc (page_type encoding: top byte PGTY_*)\n"
	"      pfn 0x81178  struct page 0xff1c000000045e00 (PA 0x8ea45e00)\n"
	"        pmd_huge_pte 0xdead000000000122  (LIST_POISON2)\n"
	"        page_type    0xffffffff  (none)\n"
	"        refcount     1\n"
	"        verdict      not-constructed: no table page_type; buddy-allocated page (pmd_huge_pte = LIST_POISON2)\n"
	"\n"
	"  The freed table is still reachable from swapper_pg_dir:\n"
	"\n"
	"    %s> rvmm vtop ff1fffffde000000\n"
	"    VA 0xff1fffffde000000 (vmemmap): not mapped\n"
	"      PUD table 0x0000000081179000 [511] @0x0000000081179ff8 = 0x000000002045e001  V - - - - - - -\n"
	"      PMD table 0x0000000081178000 [240] @0x0000000081178780 = 0x0000000000000000  - - - - - - - -\n"
	"\n"
	"  The kernel image mapping, as merged leaf ranges:\n"
	"\n"
	"    %s> rvmm ptdump kernel\n"
	"    ---[ kernel ]---\n"
	"    0xffffffff80000000-0xffffffff80400000  0x0000000080200000      4M PMD  V R W X - G A D\n";

/* Names up to this long share their line with the description. */
#define HELP_NAME_COLUMN 11
#define HELP_TEXT_INDENT "             "

struct text_buf {
	char *buf;
	size_t len, cap;
};

static void buf_add_n(struct text_buf *b, const char *s, size_t n)
{
	/* the buffers are sized for the table; a cut page beats an overrun */
	if (b->len + n + 1 > b->cap)
		n = b->cap - b->len - 1;
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

static void buf_add(struct text_buf *b, const char *s)
{
	buf_add_n(b, s, strlen(s));
}

static int runs_on(const struct rvmm_command *c, enum rvmm_frontend fe)
{
	return (c->frontends & fe) != 0;
}

static const char *args_for(const struct rvmm_command *c, enum rvmm_frontend fe)
{
	return fe == RVMM_FE_CRASH && c->crash_args ? c->crash_args : c->args;
}

static const char *option_for(const struct rvmm_command *c,
			      enum rvmm_frontend fe)
{
	return fe == RVMM_FE_CRASH && c->crash_option ? c->crash_option
						      : c->option;
}

static const char *json_option(enum rvmm_frontend fe)
{
	return fe == RVMM_FE_CRASH ? "-j" : "--json";
}

/* "vtop ADDR", "ptdump [REGION] [--tables]": one command's synopsis. */
static void add_synopsis(struct text_buf *b, const struct rvmm_command *c,
			 enum rvmm_frontend fe, int with_option)
{
	buf_add(b, c->name);
	if (args_for(c, fe)) {
		buf_add(b, " ");
		buf_add(b, args_for(c, fe));
	}
	/* an option args already shows is not repeated */
	if (with_option && c->option && c->option_help) {
		buf_add(b, " [");
		buf_add(b, option_for(c, fe));
		buf_add(b, "]");
	}
}

static void build_usage(struct text_buf *b, enum rvmm_frontend fe)
{
	const struct rvmm_command *c;
	const char *sep = "";

	for (c = rvmm_command_table; c->name; c++) {
		if (!runs_on(c, fe))
			continue;
		buf_add(b, sep);
		add_synopsis(b, c, fe, 1);
		sep = " | ";
	}
	buf_add(b, " [");
	buf_add(b, json_option(fe));
	buf_add(b, "]");
}

const char *rvmm_usage(enum rvmm_frontend fe)
{
	static char crash_line[512], tool_line[512];
	char *line = fe == RVMM_FE_CRASH ? crash_line : tool_line;
	struct text_buf b = {line, 0, sizeof(crash_line)};

	if (!line[0])
		build_usage(&b, fe);
	return line;
}

/* "       info  text" or "  ptdump [REGION]\n             text". */
static void add_described(struct text_buf *b, const char *name,
			  const char *help)
{
	const char *line = help, *nl;
	char head[HELP_NAME_COLUMN + 1];
	size_t pad;

	if (strlen(name) + 2 <= HELP_NAME_COLUMN) {
		pad = HELP_NAME_COLUMN - strlen(name);
		memset(head, ' ', pad);
		strcpy(head + pad, name);
		buf_add(b, head);
		buf_add(b, "  ");
	} else {
		buf_add(b, "  ");
		buf_add(b, name);
		buf_add(b, "\n" HELP_TEXT_INDENT);
	}
	for (;;) {
		nl = strchr(line, '\n');
		if (!nl) {
			buf_add(b, line);
			buf_add(b, "\n");
			return;
		}
		buf_add_n(b, line, nl - line);
		buf_add(b, "\n" HELP_TEXT_INDENT);
		line = nl + 1;
	}
}

static void build_page(struct text_buf *b, enum rvmm_frontend fe)
{
	const struct rvmm_command *c;
	struct text_buf name;
	char name_buf[128];

	buf_add(b, "rvmm\n");
	buf_add(b, summary);
	buf_add(b, "\n");
	buf_add(b, rvmm_usage(fe));
	buf_add(b, "\n");
	buf_add(b, intro);
	buf_add(b, "\n");
	for (c = rvmm_command_table; c->name; c++) {
		if (!runs_on(c, fe))
			continue;
		name = (struct text_buf){name_buf, 0, sizeof(name_buf)};
		add_synopsis(&name, c, fe, 0);
		add_described(b, name_buf, c->help);
		if (c->option_help)
			add_described(b, option_for(c, fe), c->option_help);
	}
	add_described(
		b, json_option(fe),
		fe == RVMM_FE_CRASH
			? "print JSON instead of text (any subcommand but xlate)."
			: "print JSON instead of text.");
	add_described(b, "--force", force_help);
	if (fe == RVMM_FE_CRASH)
		buf_add(b, crash_examples);
}

/* Split the page at its newlines, in place, into pointers. */
static void split_lines(char *text, const char **lines, size_t max)
{
	size_t n = 0;
	char *nl;

	while (*text && n + 1 < max) {
		lines[n++] = text;
		nl = strchr(text, '\n');
		if (!nl)
			break;
		*nl = '\0';
		text = nl + 1;
	}
	lines[n] = NULL;
}

const char *const *rvmm_help_page(enum rvmm_frontend fe)
{
	static char crash_text[8192], tool_text[8192];
	static const char *crash_lines[160], *tool_lines[160];
	int crash = fe == RVMM_FE_CRASH;
	const char **lines = crash ? crash_lines : tool_lines;
	struct text_buf b = {crash ? crash_text : tool_text, 0,
			     sizeof(crash_text)};

	if (!lines[0]) {
		build_page(&b, fe);
		split_lines(b.buf, lines,
			    sizeof(crash_lines) / sizeof(crash_lines[0]));
	}
	return lines;
}

int rvmm_usage_error(struct rvmm_error *err, const char *what, const char *arg)
{
	rvmm_fail(err, RVMM_EUSAGE, "%s%s%s", what, arg ? ": " : "",
		  arg ? arg : "");
	return RVMM_DISPATCH_USAGE;
}

static int is_option(const char *arg, const char *option,
		     const char *crash_option)
{
	return (option && !strcmp(arg, option)) ||
	       (crash_option && !strcmp(arg, crash_option));
}

/* Is arg some command's option?  Checked before the command is known. */
static int known_option(const char *arg)
{
	const struct rvmm_command *c;

	for (c = rvmm_command_table; c->name; c++)
		if (is_option(arg, c->option, c->crash_option))
			return 1;
	return 0;
}

int rvmm_dispatch(struct rvmm_session *s, struct rvmm_out *o, int argc,
		  char **argv, struct rvmm_error *err)
{
	char *positional[MAX_POSITIONAL];
	const struct rvmm_command *c;
	struct rvmm_cmd_args args;
	int npos = 0, i, rc;

	for (i = 0; i < argc; i++) {
		char *a = argv[i];

		if (!strcmp(a, "--json") || !strcmp(a, "-j"))
			o->json = 1;
		else if (known_option(a))
			continue; /* checked once the command is known */
		else if (a[0] == '-' && a[1])
			return rvmm_usage_error(err, "unknown option", a);
		else if (npos == MAX_POSITIONAL)
			return rvmm_usage_error(err, "too many arguments", a);
		else
			positional[npos++] = a;
	}
	if (!npos)
		return rvmm_usage_error(err, "missing subcommand", NULL);
	c = rvmm_command_find(positional[0]);
	/* the front end runs its own commands before it dispatches */
	if (!c || !c->run)
		return rvmm_usage_error(err,
					"unknown subcommand or wrong arguments",
					positional[0]);
	memset(&args, 0, sizeof(args));
	for (i = 0; i < argc; i++) {
		if (!known_option(argv[i]))
			continue;
		if (!is_option(argv[i], c->option, c->crash_option))
			return rvmm_usage_error(err, "unknown option", argv[i]);
		args.flag = 1;
	}
	rc = c->parse(c, npos - 1, positional + 1, &args, err);
	if (rc)
		return rc;
	return c->run(s, o, &args);
}
