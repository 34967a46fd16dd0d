// SPDX-License-Identifier: GPL-2.0
/*
 * The floor for a whole-memory audit: read every struct page of the
 * present sections and every kernel page-table page through the same
 * reader rvmm uses, and decode nothing.  bench/big.sh times it beside
 * `rvmm audit`.  Usage: floor VMLINUX DUMP
 */
#include <stdio.h>
#include <stdlib.h>

#include "pair.h"

struct tally {
	const struct rvmm_session *s;
	unsigned char *buf;
	unsigned long long bytes, unreadable;
};

static int read_memmap(void *arg, const struct rvmm_section *sec)
{
	struct tally *t = arg;
	uint64_t va, n;

	for (va = sec->first_page; va < sec->end_page; va += n) {
		n = sec->end_page - va < 65536 ? sec->end_page - va : 65536;
		if (rvmm_read_kva(t->s, va, t->buf, n) == RVMM_READ_OK)
			t->bytes += n;
		else
			t->unreadable += n;
	}
	return 0;
}

static int count_table(void *arg, const struct rvmm_visit *v)
{
	struct tally *t = arg;

	if (v->kind == RVMM_VISIT_TABLE)
		t->bytes += RVMM_PAGE_SIZE; /* the walker read it */
	return 0;
}

int main(int argc, char **argv)
{
	static struct rvmm_pair pair;
	struct rvmm_walk_stats st;
	struct rvmm_error err;
	struct tally t = {0};
	unsigned long bad_roots = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: floor VMLINUX DUMP\n");
		return 2;
	}
	if (rvmm_pair_open(&pair, argv[1], argv[2], NULL, &err)) {
		fprintf(stderr, "floor: %s\n", err.msg);
		return err.code;
	}
	t.s = &pair.session;
	t.buf = malloc(65536);
	if (!t.buf)
		return 1;
	rvmm_for_each_section(&pair.session, 0, read_memmap, &t, &bad_roots);
	rvmm_walk(&pair.src, pair.session.layout.swapper_pg_dir_pa,
		  pair.session.layout.levels, 0, 0, 0, count_table, &t, &st);
	printf("%llu bytes read, %llu unreadable, %lu tables\n", t.bytes,
	       t.unreadable, st.tables);
	free(t.buf);
	rvmm_pair_close(&pair);
	return 0;
}
