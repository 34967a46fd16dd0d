// SPDX-License-Identifier: GPL-2.0
/*
 * rvmm-fixdump: give a QEMU riscv64 dump the VMCOREINFO it lacks.
 *
 * QEMU 7.2's vmcoreinfo device does not work on riscv virt, so
 * dump-guest-memory writes no VMCOREINFO and crash stops with "cannot get
 * vm layout".  The guest kernel's own VMCOREINFO note is still in its
 * memory: find it and write a copy of the dump that carries it.
 *
 * --add-layout: riscv64 kernels before arch_crash_save_vmcoreinfo (6.1)
 * write no layout numbers, and crash stops with "cannot read
 * phys_ram_base"; add the missing ones as rvmm's core resolves them
 * (addlayout.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libelf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "debuginfo.h"
#include "dumpfile.h"
#include "addlayout.h"
#include "locate.h"
#include "writer.h"

#define PROG "rvmm-fixdump"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: " PROG
		" [--force] [--scan] [--add-layout] VMLINUX IN OUT\n"
		"Write OUT, a copy of the riscv64 dump IN (ELF or kdump-compressed)\n"
		"with the guest kernel's VMCOREINFO note added, found through the\n"
		"VMLINUX symbols or else by scanning memory.  VMLINUX may be '-'\n"
		"(scan only, no OSRELEASE check).\n"
		"  --force       replace a VMCOREINFO the dump already has\n"
		"  --scan        skip the symbol method\n"
		"  --add-layout  keep (or add) VMCOREINFO and add to it the riscv64 layout\n"
		"                numbers crash needs that the kernel did not write (6.1:\n"
		"                NUMBER(phys_ram_base), NUMBER(PAGE_OFFSET), NUMBER(VA_BITS),\n"
		"                ...), as rvmm resolves them from VMLINUX and memory; never\n"
		"                a key the kernel wrote; a line " ADDLAYOUT_MARK
		"=... names them\n");
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* 0, or -1 after a message; *di is NULL for VMLINUX '-'. */
static int open_vmlinux(const char *vmlinux, struct rvmm_debuginfo **di)
{
	struct rvmm_error err;

	*di = NULL;
	if (!strcmp(vmlinux, "-"))
		return 0;
	*di = rvmm_debuginfo_open(vmlinux, &err);
	if (!*di) {
		fprintf(stderr, PROG ": %s\n", err.msg);
		return -1;
	}
	return 0;
}

static int find_note(struct rvmm_debuginfo *di, struct rvmm_dump *dump,
		     int scan_only, struct found_vmcoreinfo *found)
{
	struct rvmm_error why_sym = {.msg = "skipped"}, why_scan = {0};
	char release_buf[128], *release = NULL;

	if (di && !vmlinux_osrelease(di, release_buf, sizeof(release_buf)))
		release = release_buf;
	if (di && !scan_only &&
	    !locate_by_symbols(di, dump, release, found, &why_sym))
		return 0;
	if (!locate_by_scan(dump, release, found, &why_scan)) {
		if (di && !scan_only)
			printf(PROG
			       ": symbol method failed (%s); found the note by scanning memory\n",
			       why_sym.msg);
		return 0;
	}
	fprintf(stderr,
		PROG ": %s: no VMCOREINFO note found (symbols: %s; scan: %s)\n",
		rvmm_dump_path(dump), why_sym.msg, why_scan.msg);
	return -1;
}

/* Write OUT: a copy (text NULL) or one carrying VMCOREINFO text. */
static int write_output(struct rvmm_dump *dump, const char *in, const char *out,
			const char *text, size_t len)
{
	struct rvmm_error why = {0};
	int in_fd, out_fd, ret = -1;
	struct stat st;

	in_fd = open(in, O_RDONLY | O_CLOEXEC);
	if (in_fd < 0 || fstat(in_fd, &st)) {
		fprintf(stderr, PROG ": %s: %s\n", in, strerror(errno));
		return -1;
	}
	out_fd = open(out, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC,
		      (st.st_mode & 0666) | 0600);
	if (out_fd < 0) {
		fprintf(stderr, PROG ": %s: %s\n", out, strerror(errno));
		close(in_fd);
		return -1;
	}
	if (!text)
		ret = copy_dump(in_fd, out_fd, &why);
	else if (rvmm_dump_kind(dump) == RVMM_DUMP_ELF)
		ret = write_fixed_elf(in_fd, out_fd, text, len, &why);
	else
		ret = write_fixed_kdump(in_fd, out_fd, text, len, &why);
	if (close(out_fd) && !ret)
		ret = rvmm_fail(&why, RVMM_EFAILED, "%s", strerror(errno));
	close(in_fd);
	if (ret) {
		fprintf(stderr, PROG ": %s: %s\n", out, why.msg);
		unlink(out);
	}
	return ret;
}

/* Re-open the result the way every reader will and compare. */
static int verify(const char *out, const char *text, size_t len)
{
	struct rvmm_error err;
	struct rvmm_dump *dump = rvmm_dump_open(out, &err);
	const char *raw;
	int ok;

	if (!dump) {
		fprintf(stderr, PROG ": the result does not open: %s\n",
			err.msg);
		return -1;
	}
	raw = rvmm_dump_vmcoreinfo_raw(dump);
	ok = raw && !strncmp(raw, text, len);
	if (!ok)
		fprintf(stderr,
			PROG
			": %s: written, but its VMCOREINFO does not read back\n",
			out);
	rvmm_dump_close(dump);
	return ok ? 0 : -1;
}

struct args {
	int force, scan_only, add_layout;
	const char *vmlinux, *in, *out;
};

/* No VMCOREINFO to add: copy IN unchanged and say why. */
static int copy_unchanged(struct rvmm_dump *dump, const struct args *a,
			  const char *what)
{
	if (write_output(dump, a->in, a->out, NULL, 0))
		return -1;
	printf(PROG ": %s %s (OSRELEASE=%s); copied it unchanged to %s%s\n",
	       a->in, what, rvmm_dump_vmcoreinfo(dump, "OSRELEASE") ?: "?",
	       a->out, a->add_layout ? "" : " (--force replaces it)");
	return 0;
}

/*
 * --add-layout: the keys base lacks, added; *text becomes the new text
 * (or stays base when none is missing).  0, or -1 after a message.
 */
static int layout_text(struct rvmm_debuginfo *di, struct rvmm_dump *dump,
		       struct added_layout *added, const char **text,
		       size_t *len)
{
	struct rvmm_error why;

	if (add_layout(di, dump, *text, *len, added, &why)) {
		fprintf(stderr, PROG ": %s: --add-layout: %s\n",
			rvmm_dump_path(dump), why.msg);
		return -1;
	}
	if (added->nr) {
		*text = added->text;
		*len = added->len;
	}
	return 0;
}

static int run(struct rvmm_dump *dump, const struct args *a)
{
	static struct found_vmcoreinfo found;
	static struct added_layout added;
	const char *own = rvmm_dump_vmcoreinfo_raw(dump), *text;
	struct rvmm_debuginfo *di;
	struct rvmm_error why;
	char from[160];
	size_t len;
	int ret = -1;

	if (own && !a->force && !a->add_layout)
		return copy_unchanged(dump, a, "already has VMCOREINFO");
	if (open_vmlinux(a->vmlinux, &di))
		return -1;
	if (own && !a->force) {
		text = own;
		len = strlen(own);
		snprintf(from, sizeof(from), "the dump's own");
	} else if (find_note(di, dump, a->scan_only, &found)) {
		goto out;
	} else {
		text = found.text;
		len = found.len;
		snprintf(from, sizeof(from), "found by %s at PA %#llx",
			 found.how, (unsigned long long)found.note_pa);
	}
	if (a->add_layout && layout_text(di, dump, &added, &text, &len))
		goto out;
	if (text == own) {
		ret = copy_unchanged(
			dump, a,
			"already has every riscv64 layout key in its VMCOREINFO");
		goto out;
	}
	if (write_output(dump, a->in, a->out, text, len) ||
	    verify(a->out, text, len))
		goto out;
	if (added.nr && check_layout(di, a->out, &added, &why)) {
		fprintf(stderr, PROG ": %s: written, but %s; removed it\n",
			a->out, why.msg);
		unlink(a->out);
		goto out;
	}
	if (added.nr) {
		printf(PROG
		       ": wrote %s: %s dump + VMCOREINFO (%zu bytes, %.*s), %s, + %d riscv64 layout keys\n",
		       a->out, rvmm_dump_format(dump), len,
		       (int)strcspn(text, "\n"), text, from, added.nr);
		fprintf(stderr,
			PROG
			": added to VMCOREINFO what the kernel did not write, as rvmm's layout resolution derives it (line " ADDLAYOUT_MARK
			"=%s): %s\n",
			added.names, added.lines);
	} else {
		printf(PROG
		       ": wrote %s: %s dump + VMCOREINFO (%zu bytes, %.*s) %s\n",
		       a->out, rvmm_dump_format(dump), len,
		       (int)strcspn(text, "\n"), text, from);
	}
	ret = 0;
out:
	added_layout_free(&added);
	rvmm_debuginfo_close(di);
	return ret;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{"force", no_argument, NULL, 'f'},
		{"scan", no_argument, NULL, 's'},
		{"add-layout", no_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	struct args a = {0};
	struct rvmm_dump *dump;
	struct rvmm_error err;
	int opt, ret;

	while ((opt = getopt_long(argc, argv, "fslh", options, NULL)) != -1) {
		switch (opt) {
		case 'f':
			a.force = 1;
			break;
		case 's':
			a.scan_only = 1;
			break;
		case 'l':
			a.add_layout = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (argc - optind != 3) {
		usage(stderr);
		return 2;
	}
	a.vmlinux = argv[optind];
	a.in = argv[optind + 1];
	a.out = argv[optind + 2];
	if (!strcmp(a.in, a.out) || same_file(a.in, a.out)) {
		fprintf(stderr, PROG ": refusing to overwrite the input %s\n",
			a.in);
		return 2;
	}
	if (a.add_layout && !strcmp(a.vmlinux, "-")) {
		fprintf(stderr,
			PROG ": --add-layout needs the VMLINUX, not '-'\n");
		return 2;
	}
	elf_version(EV_CURRENT);
	dump = rvmm_dump_open(a.in, &err);
	if (!dump) {
		fprintf(stderr, PROG ": %s\n", err.msg);
		return 1;
	}
	if (rvmm_dump_kind(dump) == RVMM_DUMP_OTHER) {
		fprintf(stderr, PROG ": %s: %s dumps are not supported\n", a.in,
			rvmm_dump_format(dump));
		rvmm_dump_close(dump);
		return 1;
	}
	ret = run(dump, &a);
	rvmm_dump_close(dump);
	return ret ? 1 : 0;
}
