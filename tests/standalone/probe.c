// SPDX-License-Identifier: GPL-2.0
/*
 * probe: drive the stand-alone readers from shell tests.
 *
 *   probe dump FILE QUERY...     info | ranges | vmcoreinfo | vi:KEY |
 *                                read:PA:LEN (hex bytes)
 *   probe debug VMLINUX QUERY... sym:NAME | size:TYPE | offset:TYPE:MEMBER |
 *                                enum:NAME | param:FUNC:PARAM |
 *                                lines:FILE:LINE | addr:VA | time
 *   probe source VMLINUX DUMP    open both as an rvmm_source and read
 *                                swapper_pg_dir's first word
 *
 * One answer line per query; "?" when the answer is "unknown".  Exit 1
 * with a one-line message when a file cannot be opened.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "debuginfo.h"
#include "dumpfile.h"
#include "dump_source.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int dump_query(struct rvmm_dump *dump, char *q)
{
	const struct rvmm_phys_range *r;
	size_t n;

	if (!strcmp(q, "info")) {
		r = rvmm_dump_ranges(dump, &n);
		printf("format=%s ranges=%zu ", rvmm_dump_format(dump), n);
		printf("first=%#" PRIx64 " vmcoreinfo=%s\n", r[0].start,
		       rvmm_dump_vmcoreinfo_raw(dump) ? "yes" : "no");
	} else if (!strcmp(q, "ranges")) {
		r = rvmm_dump_ranges(dump, &n);
		for (size_t i = 0; i < n; i++)
			printf("%#" PRIx64 "-%#" PRIx64 "\n", r[i].start,
			       r[i].end);
	} else if (!strcmp(q, "vmcoreinfo")) {
		const char *raw = rvmm_dump_vmcoreinfo_raw(dump);

		printf("%s", raw ? raw : "?\n");
	} else if (!strncmp(q, "vi:", 3)) {
		const char *v = rvmm_dump_vmcoreinfo(dump, q + 3);

		printf("%s\n", v ? v : "?");
	} else if (!strncmp(q, "read:", 5)) {
		char *p;
		uint64_t pa = strtoull(q + 5, &p, 0);
		size_t len = strtoul(p + (*p == ':'), NULL, 0);
		unsigned char *buf = malloc(len ? len : 1);
		enum rvmm_read_result res;

		res = rvmm_dump_read_phys(dump, pa, buf, len);
		if (res == RVMM_READ_OK) {
			for (size_t i = 0; i < len; i++)
				printf("%02x", buf[i]);
			printf("\n");
		} else {
			printf("%s\n", res == RVMM_READ_NOT_IN_DUMP
					       ? "not-in-dump"
					       : "error");
		}
		free(buf);
	} else {
		fprintf(stderr, "probe: unknown query %s\n", q);
		return 2;
	}
	return 0;
}

static int debug_query(struct rvmm_debuginfo *di, char *q)
{
	char *arg = strchr(q, ':'), *arg2;
	uint64_t value, addrs[256];
	int64_t svalue;
	long n;

	if (arg)
		*arg++ = '\0';
	arg2 = arg ? strrchr(arg, ':') : NULL;
	if (!strcmp(q, "sym")) {
		if (rvmm_debuginfo_symbol(di, arg, &value, NULL))
			printf("?\n");
		else
			printf("%016" PRIx64 "\n", value);
	} else if (!strcmp(q, "size")) {
		printf("%ld\n", rvmm_debuginfo_struct_size(di, arg));
	} else if (!strcmp(q, "offset") && arg2) {
		*arg2++ = '\0';
		printf("%ld\n", rvmm_debuginfo_member_offset(di, arg, arg2));
	} else if (!strcmp(q, "enum")) {
		if (rvmm_debuginfo_enumerator(di, arg, &svalue))
			printf("?\n");
		else
			printf("%" PRId64 "\n", svalue);
	} else if (!strcmp(q, "param") && arg2) {
		*arg2++ = '\0';
		printf("%d\n", rvmm_debuginfo_has_param(di, arg, arg2));
	} else if (!strcmp(q, "lines") && arg2) {
		*arg2++ = '\0';
		n = rvmm_debuginfo_line_addrs(di, arg, atoi(arg2), addrs, 256);
		printf("%ld", n);
		for (long i = 0; i < n && i < 256; i++)
			printf(" %" PRIx64, addrs[i]);
		printf("\n");
	} else if (!strcmp(q, "addr")) {
		const char *file;
		int line;

		if (rvmm_debuginfo_addr_line(di, strtoull(arg, NULL, 16), &file,
					     &line))
			printf("?\n");
		else
			printf("%s:%d\n", file, line);
	} else {
		fprintf(stderr, "probe: unknown query %s\n", q);
		return 2;
	}
	return 0;
}

static int source_query(const char *vmlinux, const char *dumpfile)
{
	struct rvmm_source src;
	uint64_t pgd, word = 0;
	struct rvmm_error err;
	long off;

	if (rvmm_dump_source_open(vmlinux, dumpfile, &src, &err)) {
		fprintf(stderr, "probe: %s\n", err.msg);
		return 1;
	}
	off = src.ops->member_offset(src.ctx, "page", "lru.prev");
	printf("name=%s lru.prev=%ld VA_BITS=%s\n", src.name, off,
	       src.ops->vmcoreinfo(src.ctx, "NUMBER(VA_BITS)") ?: "?");
	if (!src.ops->symbol(src.ctx, "swapper_pg_dir", &pgd))
		printf("swapper_pg_dir=%" PRIx64 "\n", pgd);
	printf("read=%d word=%" PRIx64 "\n",
	       src.ops->read_phys(src.ctx, 0x80200000, &word, sizeof(word)),
	       word);
	rvmm_dump_source_close(&src);
	return 0;
}

int main(int argc, char **argv)
{
	struct rvmm_error err;
	double t0 = now();
	int rc = 0;

	if (argc < 4 && !(argc == 4 && !strcmp(argv[1], "source"))) {
		fprintf(stderr,
			"usage: probe dump|debug|source FILE QUERY...\n");
		return 2;
	}
	if (!strcmp(argv[1], "source"))
		return source_query(argv[2], argv[3]);
	if (!strcmp(argv[1], "dump")) {
		struct rvmm_dump *dump = rvmm_dump_open(argv[2], &err);

		if (!dump) {
			fprintf(stderr, "probe: %s\n", err.msg);
			return 1;
		}
		for (int i = 3; i < argc && !rc; i++)
			rc = dump_query(dump, argv[i]);
		rvmm_dump_close(dump);
		return rc;
	}
	if (!strcmp(argv[1], "debug")) {
		struct rvmm_debuginfo *di = rvmm_debuginfo_open(argv[2], &err);
		double t1 = now();

		if (!di) {
			fprintf(stderr, "probe: %s\n", err.msg);
			return 1;
		}
		for (int i = 3; i < argc && !rc; i++) {
			if (!strcmp(argv[i], "time")) {
				printf("load=%.3fs cus=%zu queries=%.3fs\n",
				       t1 - t0, rvmm_debuginfo_cu_count(di),
				       now() - t1);
				continue;
			}
			rc = debug_query(di, argv[i]);
		}
		rvmm_debuginfo_close(di);
		return rc;
	}
	fprintf(stderr, "probe: unknown mode %s\n", argv[1]);
	return 2;
}
