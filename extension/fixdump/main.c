// SPDX-License-Identifier: GPL-2.0
/*
 * rvmm-fixdump: give a QEMU riscv64 dump the VMCOREINFO it lacks.
 *
 * QEMU 7.2's vmcoreinfo device does not work on riscv virt, so
 * dump-guest-memory writes no VMCOREINFO and crash stops with "cannot get
 * vm layout".  The guest kernel's own VMCOREINFO note is still in its
 * memory: find it and write a copy of the dump that carries it.
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

#include "../standalone/debuginfo.h"
#include "../standalone/dumpfile.h"
#include "locate.h"
#include "writer.h"

#define PROG "rvmm-fixdump"

static void usage(FILE *f)
{
	fprintf(f, "usage: " PROG " [--force] [--scan] VMLINUX IN OUT\n"
		   "Write OUT, a copy of the riscv64 dump IN (ELF or "
		   "kdump-compressed)\n"
		   "with the guest kernel's VMCOREINFO note added, found "
		   "through the\n"
		   "VMLINUX symbols or else by scanning memory.  VMLINUX may "
		   "be '-'\n"
		   "(scan only, no OSRELEASE check).\n"
		   "  --force  replace a VMCOREINFO the dump already has\n"
		   "  --scan   skip the symbol method\n");
}

static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

static int find_note(const char *vmlinux, struct rvmm_dump *dump, int scan_only,
		     struct found_vmcoreinfo *found)
{
	char err[512], why_sym[256] = "skipped", why_scan[256];
	char release_buf[128], *release = NULL;
	struct rvmm_debuginfo *di = NULL;

	if (strcmp(vmlinux, "-")) {
		di = rvmm_debuginfo_open(vmlinux, err, sizeof(err));
		if (!di) {
			fprintf(stderr, PROG ": %s\n", err);
			return -1;
		}
		if (!vmlinux_osrelease(di, release_buf, sizeof(release_buf)))
			release = release_buf;
	}
	if (di && !scan_only &&
	    !locate_by_symbols(di, dump, release, found, why_sym,
			       sizeof(why_sym)))
		goto out;
	if (!locate_by_scan(dump, release, found, why_scan, sizeof(why_scan))) {
		if (di && !scan_only)
			printf(PROG ": symbol method failed (%s); found the "
				    "note by scanning memory\n",
			       why_sym);
		goto out;
	}
	fprintf(stderr,
		PROG ": %s: no VMCOREINFO note found (symbols: %s; scan: %s)\n",
		rvmm_dump_path(dump), why_sym, why_scan);
	rvmm_debuginfo_close(di);
	return -1;
out:
	rvmm_debuginfo_close(di);
	return 0;
}

static int write_output(struct rvmm_dump *dump, const char *in, const char *out,
			const struct found_vmcoreinfo *found)
{
	char why[256] = "";
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
	if (!found)
		ret = copy_dump(in_fd, out_fd, why, sizeof(why));
	else if (rvmm_dump_kind(dump) == RVMM_DUMP_ELF)
		ret = write_fixed_elf(in_fd, out_fd, found->text, found->len,
				      why, sizeof(why));
	else
		ret = write_fixed_kdump(in_fd, out_fd, found->text, found->len,
					why, sizeof(why));
	if (close(out_fd) && !ret) {
		snprintf(why, sizeof(why), "%s", strerror(errno));
		ret = -1;
	}
	close(in_fd);
	if (ret) {
		fprintf(stderr, PROG ": %s: %s\n", out, why);
		unlink(out);
	}
	return ret;
}

/* Re-open the result the way every reader will and compare. */
static int verify(const char *out, const struct found_vmcoreinfo *found)
{
	char err[512];
	struct rvmm_dump *dump = rvmm_dump_open(out, err, sizeof(err));
	const char *raw;
	int ok;

	if (!dump) {
		fprintf(stderr, PROG ": the result does not open: %s\n", err);
		return -1;
	}
	raw = rvmm_dump_vmcoreinfo_raw(dump);
	ok = raw && !strncmp(raw, found->text, found->len);
	if (!ok)
		fprintf(stderr,
			PROG ": %s: written, but its VMCOREINFO does not read "
			     "back\n",
			out);
	rvmm_dump_close(dump);
	return ok ? 0 : -1;
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{"force", no_argument, NULL, 'f'},
		{"scan", no_argument, NULL, 's'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	static struct found_vmcoreinfo found;
	int force = 0, scan_only = 0, opt;
	const char *vmlinux, *in, *out;
	struct rvmm_dump *dump;
	char err[512];

	while ((opt = getopt_long(argc, argv, "fsh", options, NULL)) != -1) {
		switch (opt) {
		case 'f':
			force = 1;
			break;
		case 's':
			scan_only = 1;
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
	vmlinux = argv[optind];
	in = argv[optind + 1];
	out = argv[optind + 2];
	if (!strcmp(in, out) || same_file(in, out)) {
		fprintf(stderr, PROG ": refusing to overwrite the input %s\n",
			in);
		return 2;
	}
	elf_version(EV_CURRENT);
	dump = rvmm_dump_open(in, err, sizeof(err));
	if (!dump) {
		fprintf(stderr, PROG ": %s\n", err);
		return 1;
	}
	if (rvmm_dump_kind(dump) == RVMM_DUMP_OTHER) {
		fprintf(stderr, PROG ": %s: %s dumps are not supported\n", in,
			rvmm_dump_format(dump));
		goto fail;
	}
	if (rvmm_dump_vmcoreinfo_raw(dump) && !force) {
		if (write_output(dump, in, out, NULL))
			goto fail;
		printf(PROG ": %s already has VMCOREINFO (OSRELEASE=%s); "
			    "copied it unchanged to %s (--force replaces it)\n",
		       in, rvmm_dump_vmcoreinfo(dump, "OSRELEASE") ?: "?", out);
		rvmm_dump_close(dump);
		return 0;
	}
	if (find_note(vmlinux, dump, scan_only, &found) ||
	    write_output(dump, in, out, &found) || verify(out, &found))
		goto fail;
	printf(PROG ": wrote %s: %s dump + VMCOREINFO (%zu bytes, %.*s) found "
		    "by %s at PA %#llx\n",
	       out, rvmm_dump_format(dump), found.len,
	       (int)strcspn(found.text, "\n"), found.text, found.how,
	       (unsigned long long)found.note_pa);
	rvmm_dump_close(dump);
	return 0;
fail:
	rvmm_dump_close(dump);
	return 1;
}
