// SPDX-License-Identifier: GPL-2.0
/* `log`: the kernel log decoded from the dump's printk ringbuffer. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "forensics.h"

struct lg {
	struct rvmm_out *o;
	struct rvmm_json j;
};

/*
 * A log from a dump is untrusted: control characters other than newline
 * and tab, C1 controls and bytes that are not UTF-8 are shown as \xNN (as
 * dmesg does), never sent to the terminal raw.
 */
static void put_log_text(struct rvmm_out *o, const char *text)
{
	const unsigned char *c = (const unsigned char *)text;
	char buf[256];
	size_t n = 0, len;

	while (*c) {
		if (n > sizeof(buf) - 8) {
			o->write(o->ctx, buf, n);
			n = 0;
		}
		len = rvmm_utf8_len(c);
		if (len == 1 && (*c >= 0x20 || *c == '\n' || *c == '\t') &&
		    *c != 0x7f) {
			buf[n++] = *c++;
		} else if (len > 1 && !(c[0] == 0xc2 && c[1] < 0xa0)) {
			memcpy(buf + n, c, len);
			n += len;
			c += len;
		} else {
			n += snprintf(buf + n, sizeof(buf) - n, "\\x%02x", *c);
			c++;
		}
	}
	o->write(o->ctx, buf, n);
}

static int print_record(void *arg, const struct rvmm_log_record *r)
{
	struct lg *g = arg;

	if (g->o->json) {
		rvmm_json_obj_begin(&g->j, NULL);
		rvmm_json_u64(&g->j, "seq", r->seq);
		rvmm_json_u64(&g->j, "ts_nsec", r->ts_nsec);
		rvmm_json_str(&g->j, "text", r->text);
		if (r->truncated)
			rvmm_json_bool(&g->j, "truncated", 1);
		rvmm_json_obj_end(&g->j);
		return 0;
	}
	/* The kernel's own "[%5lu.%06lu] " prefix (PRINTK_TIME). */
	rvmm_printf(g->o, "[%5" PRIu64 ".%06" PRIu64 "] ",
		    r->ts_nsec / 1000000000, r->ts_nsec % 1000000000 / 1000);
	put_log_text(g->o, r->text);
	rvmm_puts(g->o, "\n");
	return 0;
}

int rvmm_cmd_log(struct rvmm_session *s, struct rvmm_out *o)
{
	struct rvmm_log_stats st;
	struct lg g = {.o = o};
	struct rvmm_error err;

	if (o->json) {
		rvmm_json_init(&g.j, o);
		rvmm_json_obj_begin(&g.j, NULL);
		rvmm_json_str(&g.j, "command", "log");
		rvmm_json_arr_begin(&g.j, "records");
	}
	if (rvmm_log_for_each(s, print_record, &g, &st, &err)) {
		if (o->json) {
			/* restart as a plain error object */
			rvmm_json_arr_end(&g.j);
			rvmm_json_str(&g.j, "error", err.msg);
			rvmm_json_obj_end(&g.j);
			rvmm_json_finish(&g.j);
		} else {
			rvmm_err(s, o, "%s", err.msg);
		}
		return -1;
	}
	if (o->json) {
		rvmm_json_arr_end(&g.j);
		rvmm_json_obj_begin(&g.j, "stats");
		rvmm_json_u64(&g.j, "records", st.records);
		rvmm_json_u64(&g.j, "skipped_reusable", st.reusable);
		rvmm_json_u64(&g.j, "skipped_missing", st.missing);
		rvmm_json_u64(&g.j, "bad_data", st.bad_data);
		rvmm_json_u64(&g.j, "unreadable", st.unreadable);
		rvmm_json_bool(&g.j, "interrupted", st.interrupted);
		rvmm_json_obj_end(&g.j);
		rvmm_json_obj_end(&g.j);
		rvmm_json_finish(&g.j);
	} else if (st.bad_data || st.unreadable || st.interrupted) {
		rvmm_printf(
			o,
			"rvmm: %lu records with unreadable text, %lu unreadable descriptors%s\n",
			st.bad_data, st.unreadable,
			st.interrupted ? ", interrupted" : "");
	}
	return 0;
}
