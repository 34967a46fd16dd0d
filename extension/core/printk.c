// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel log from the lockless printk ringbuffer (5.10+, layout of
 * kernel/printk/printk_ringbuffer.h in 6.12): `prb` points to a struct
 * printk_ringbuffer whose desc_ring holds 2^count_bits descriptors (state
 * and id packed in state_var, the text's logical positions) and parallel
 * struct printk_info (seq, ts_nsec, text_len), and whose text_data_ring
 * holds the text blocks, each prefixed by its descriptor id.  Everything
 * is read from the dump, offsets from the debug info; the reader copies
 * the kernel's own reader rules (desc_read, get_data) and never trusts a
 * length or an index it has not bounded.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "forensics.h"
#include "internal.h"

#define DESC_FLAGS_SHIFT 62
#define DESC_ID_MASK (~(3ULL << DESC_FLAGS_SHIFT))
#define DESC_COMMITTED 1
#define DESC_FINALIZED 2
#define LPOS_DATALESS(l) ((l)&1)
#define MAX_COUNT_BITS 24 /* 16M descriptors: far above reality */
#define MAX_SIZE_BITS 31
#define MAX_TEXT 4096 /* PRINTKRB_RECORD_MAX is 1024 */

struct prb {
	long desc_ring, text_ring, count_bits, descs, infos, head_id, tail_id;
	long size_bits, data, desc_size, sv, lpos, begin, next;
	long info_size, seq, ts, text_len, caller_id;
	/* values read from the dump */
	unsigned int cbits, sbits;
	uint64_t descs_va, infos_va, data_va, head, tail;
};

/* A width-byte field at off (-1: none) inside a size-byte buffer. */
static int inside(long off, long width, long size)
{
	return off >= 0 && off < 4096 && off + width <= size;
}

static int offsets(const struct rvmm_source *src, struct prb *p)
{
	p->desc_ring = rvmm_member(src, "printk_ringbuffer", "desc_ring");
	p->text_ring = rvmm_member(src, "printk_ringbuffer", "text_data_ring");
	p->count_bits = rvmm_member(src, "prb_desc_ring", "count_bits");
	p->descs = rvmm_member(src, "prb_desc_ring", "descs");
	p->infos = rvmm_member(src, "prb_desc_ring", "infos");
	p->head_id = rvmm_member(src, "prb_desc_ring", "head_id");
	p->tail_id = rvmm_member(src, "prb_desc_ring", "tail_id");
	p->size_bits = rvmm_member(src, "prb_data_ring", "size_bits");
	p->data = rvmm_member(src, "prb_data_ring", "data");
	p->desc_size = rvmm_size(src, "prb_desc");
	p->sv = rvmm_member(src, "prb_desc", "state_var");
	p->lpos = rvmm_member(src, "prb_desc", "text_blk_lpos");
	p->begin = rvmm_member(src, "prb_data_blk_lpos", "begin");
	p->next = rvmm_member(src, "prb_data_blk_lpos", "next");
	p->info_size = rvmm_size(src, "printk_info");
	p->seq = rvmm_member(src, "printk_info", "seq");
	p->ts = rvmm_member(src, "printk_info", "ts_nsec");
	p->text_len = rvmm_member(src, "printk_info", "text_len");
	p->caller_id = rvmm_member(src, "printk_info", "caller_id");
	/* each field read must lie inside the descriptor or info read */
	if (!inside(p->sv, 8, p->desc_size) ||
	    !inside(p->lpos, 16, p->desc_size) || !inside(p->begin, 8, 16) ||
	    !inside(p->next, 8, 16) || !inside(p->seq, 8, p->info_size) ||
	    !inside(p->ts, 8, p->info_size) ||
	    !inside(p->text_len, 2, p->info_size))
		return -1;
	if (!inside(p->caller_id, 4, p->info_size))
		p->caller_id = -1;
	return p->desc_ring < 0 || p->text_ring < 0 || p->count_bits < 0 ||
			       p->descs < 0 || p->infos < 0 || p->head_id < 0 ||
			       p->tail_id < 0 || p->size_bits < 0 ||
			       p->data < 0 || p->desc_size <= 0 ||
			       p->desc_size > 64 || p->sv < 0 || p->lpos < 0 ||
			       p->begin < 0 || p->next < 0 ||
			       p->info_size <= 0 || p->info_size > 256 ||
			       p->seq < 0 || p->ts < 0 || p->text_len < 0
		       ? -1
		       : 0;
}

static int rd(const struct rvmm_session *s, uint64_t va, void *v, size_t n)
{
	return rvmm_read_kva(s, va, v, n) == RVMM_READ_OK ? 0 : -1;
}

static int geometry(const struct rvmm_session *s, struct prb *p,
		    struct rvmm_error *err)
{
	uint64_t prb, dr, tr;
	uint32_t cbits = 0, sbits = 0;

	if (rvmm_symbol(&s->src, "prb", &prb)) {
		rvmm_fail(
			err, RVMM_EFAILED,
			"no symbol prb (kernel without the lockless printk ringbuffer?)");
		return -1;
	}
	if (offsets(&s->src, p)) {
		rvmm_fail(
			err, RVMM_EFAILED,
			"debug info lacks struct printk_ringbuffer/prb_desc/printk_info members");
		return -1;
	}
	if (rd(s, prb, &prb, 8)) {
		rvmm_fail(err, RVMM_EFAILED, "cannot read the pointer prb");
		return -1;
	}
	dr = prb + p->desc_ring;
	tr = prb + p->text_ring;
	if (rd(s, dr + p->count_bits, &cbits, 4) ||
	    rd(s, dr + p->descs, &p->descs_va, 8) ||
	    rd(s, dr + p->infos, &p->infos_va, 8) ||
	    rd(s, dr + p->head_id, &p->head, 8) ||
	    rd(s, dr + p->tail_id, &p->tail, 8) ||
	    rd(s, tr + p->size_bits, &sbits, 4) ||
	    rd(s, tr + p->data, &p->data_va, 8)) {
		rvmm_fail(err, RVMM_EFAILED,
			  "cannot read struct printk_ringbuffer at 0x%016llx",
			  (unsigned long long)prb);
		return -1;
	}
	if (!cbits || cbits > MAX_COUNT_BITS || sbits < 3 ||
	    sbits > MAX_SIZE_BITS) {
		rvmm_fail(
			err, RVMM_EFAILED,
			"printk ringbuffer geometry is garbage (count_bits %u, size_bits %u)",
			cbits, sbits);
		return -1;
	}
	p->cbits = cbits;
	p->sbits = sbits;
	return 0;
}

/*
 * get_data(): the text of a block, or -1 for data-less or illegal lpos.
 * A block that wraps starts again at index 0 of the data array.
 */
static int text_span(const struct prb *p, uint64_t begin, uint64_t next,
		     uint64_t *off, uint64_t *size)
{
	uint64_t dsize = 1ULL << p->sbits, mask = dsize - 1;

	if (LPOS_DATALESS(begin) && LPOS_DATALESS(next))
		return -1;
	if (begin >> p->sbits == next >> p->sbits && begin < next) {
		*off = begin & mask;
		*size = next - begin;
	} else if ((begin + dsize) >> p->sbits == next >> p->sbits) {
		*off = 0;
		*size = next & mask;
	} else {
		return -1;
	}
	if ((begin | next) & 7 || *size < 8 || *size > dsize)
		return -1;
	*off += 8; /* skip the block's id */
	*size -= 8;
	return 0;
}

/* EMPTY_LINE_LPOS: an empty record with no data block. */
static int empty_line(uint64_t begin, uint64_t next)
{
	return begin == 3 && next == 3;
}

static int one_record(const struct rvmm_session *s, const struct prb *p,
		      uint64_t id, char *text, rvmm_log_fn fn, void *arg,
		      struct rvmm_log_stats *st)
{
	uint64_t idx = id & ((1ULL << p->cbits) - 1), sv, begin, next;
	uint64_t off, size;
	unsigned char d[64], in[256];
	struct rvmm_log_record r;
	unsigned int state;

	if (rd(s, p->descs_va + idx * p->desc_size, d, p->desc_size)) {
		st->unreadable++;
		return 0;
	}
	sv = rvmm_load(d, p->sv, 8);
	if ((sv & DESC_ID_MASK) != id) {
		st->missing++;
		return 0;
	}
	state = sv >> DESC_FLAGS_SHIFT;
	if (state != DESC_COMMITTED && state != DESC_FINALIZED) {
		st->reusable++;
		return 0;
	}
	if (rd(s, p->infos_va + idx * p->info_size, in, p->info_size)) {
		st->unreadable++;
		return 0;
	}
	memset(&r, 0, sizeof(r));
	r.seq = rvmm_load(in, p->seq, 8);
	r.ts_nsec = rvmm_load(in, p->ts, 8);
	r.len = rvmm_load(in, p->text_len, 2);
	if (r.len > MAX_TEXT) /* text holds MAX_TEXT bytes */
		r.len = MAX_TEXT;
	if (p->caller_id >= 0)
		r.caller_id = (uint32_t)rvmm_load(in, p->caller_id, 4);
	begin = rvmm_load(d, p->lpos + p->begin, 8);
	next = rvmm_load(d, p->lpos + p->next, 8);
	if (empty_line(begin, next)) {
		r.len = 0;
	} else if (text_span(p, begin, next, &off, &size) ||
		   rd(s, p->data_va + off, text, r.len < size ? r.len : size)) {
		st->bad_data++;
		return 0;
	} else if (size < r.len) {
		r.len = size;
		r.truncated = 1;
	}
	text[r.len] = '\0';
	r.text = text;
	st->records++;
	return fn(arg, &r);
}

int rvmm_log_for_each(const struct rvmm_session *s, rvmm_log_fn fn, void *arg,
		      struct rvmm_log_stats *st, struct rvmm_error *err)
{
	struct rvmm_log_stats dummy;
	uint64_t id, n, i;
	char *text;
	struct prb p;

	if (!st)
		st = &dummy;
	memset(st, 0, sizeof(*st));
	memset(&p, 0, sizeof(p));
	if (geometry(s, &p, err))
		return -1;
	text = malloc(MAX_TEXT + 1);
	if (!text) {
		rvmm_fail(err, RVMM_EFAILED, "out of memory");
		return -1;
	}
	/* tail..head inclusive, but never more than one lap of the array */
	n = ((p.head - p.tail) & DESC_ID_MASK) + 1;
	if (n > 1ULL << p.cbits)
		n = 1ULL << p.cbits;
	id = p.tail & DESC_ID_MASK;
	for (i = 0; i < n; i++, id = (id + 1) & DESC_ID_MASK) {
		if (!(i & 255) && rvmm_interrupted(&s->src)) {
			st->interrupted = 1;
			break;
		}
		if (one_record(s, &p, id, text, fn, arg, st))
			break;
	}
	free(text);
	return 0;
}

static char *dup_n(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

int rvmm_log_append(struct rvmm_log *log, uint64_t seq, uint64_t ts_nsec,
		    const char *text, size_t len)
{
	const char *end = text + len, *nl;

	do {
		nl = memchr(text, '\n', end - text);
		if (!nl)
			nl = end;
		if (log->nr == log->cap) {
			size_t cap = log->cap ? 2 * log->cap : 1024;
			struct rvmm_log_line *l;

			l = realloc(log->line, cap * sizeof(*l));
			if (!l)
				return -1;
			log->line = l;
			log->cap = cap;
		}
		log->line[log->nr].seq = seq;
		log->line[log->nr].ts_nsec = ts_nsec;
		log->line[log->nr].text = dup_n(text, nl - text);
		if (!log->line[log->nr].text)
			return -1;
		log->nr++;
		text = nl + 1;
	} while (nl < end);
	return 0;
}

static int collect(void *arg, const struct rvmm_log_record *r)
{
	return rvmm_log_append(arg, r->seq, r->ts_nsec, r->text, r->len);
}

void rvmm_log_load(const struct rvmm_session *s, struct rvmm_log *log)
{
	memset(log, 0, sizeof(*log));
	log->ok = !rvmm_log_for_each(s, collect, log, &log->st, &log->err);
}

void rvmm_log_free(struct rvmm_log *log)
{
	size_t i;

	for (i = 0; i < log->nr; i++)
		free(log->line[i].text);
	free(log->line);
	memset(log, 0, sizeof(*log));
}
