// SPDX-License-Identifier: GPL-2.0
/* Output sink and JSON writer; see json.h for the number convention. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "json.h"

void rvmm_printf(struct rvmm_out *o, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		o->write(o->ctx, small, n);
		return;
	}
	/* Long lines are rare (notes, errors): format in a VLA-free retry. */
	{
		char big[4096];

		va_start(ap, fmt);
		n = vsnprintf(big, sizeof(big), fmt, ap);
		va_end(ap);
		if ((size_t)n >= sizeof(big))
			n = sizeof(big) - 1;
		o->write(o->ctx, big, n);
	}
}

void rvmm_puts(struct rvmm_out *o, const char *s)
{
	o->write(o->ctx, s, strlen(s));
}

char *rvmm_json_escape(const char *s, char *buf, size_t len)
{
	size_t n = 0;

	if (!len)
		return buf;
	for (; s && *s && n + 7 < len; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\') {
			buf[n++] = '\\';
			buf[n++] = c;
		} else if (c == '\n') {
			buf[n++] = '\\';
			buf[n++] = 'n';
		} else if (c == '\t') {
			buf[n++] = '\\';
			buf[n++] = 't';
		} else if (c < 0x20 || c == 0x7f) {
			n += snprintf(buf + n, len - n, "\\u%04x", c);
		} else {
			buf[n++] = c;
		}
	}
	buf[n] = '\0';
	return buf;
}

void rvmm_json_init(struct rvmm_json *j, struct rvmm_out *o)
{
	memset(j, 0, sizeof(*j));
	j->out = o;
}

static void json_key(struct rvmm_json *j, const char *key)
{
	char esc[256];

	if (j->count[j->depth])
		rvmm_puts(j->out, ",");
	j->count[j->depth] = 1;
	if (key)
		rvmm_printf(j->out,
			    "\"%s\":", rvmm_json_escape(key, esc, sizeof(esc)));
}

static void json_open(struct rvmm_json *j, const char *key, const char *c)
{
	json_key(j, key);
	rvmm_puts(j->out, c);
	if (j->depth + 1 < RVMM_JSON_MAX_DEPTH)
		j->depth++;
	j->count[j->depth] = 0;
}

static void json_close(struct rvmm_json *j, const char *c)
{
	rvmm_puts(j->out, c);
	if (j->depth > 0)
		j->depth--;
}

void rvmm_json_obj_begin(struct rvmm_json *j, const char *key)
{
	json_open(j, key, "{");
}

void rvmm_json_obj_end(struct rvmm_json *j)
{
	json_close(j, "}");
}

void rvmm_json_arr_begin(struct rvmm_json *j, const char *key)
{
	json_open(j, key, "[");
}

void rvmm_json_arr_end(struct rvmm_json *j)
{
	json_close(j, "]");
}

void rvmm_json_str(struct rvmm_json *j, const char *key, const char *s)
{
	char esc[1024];

	if (!s) {
		rvmm_json_null(j, key);
		return;
	}
	json_key(j, key);
	rvmm_printf(j->out, "\"%s\"", rvmm_json_escape(s, esc, sizeof(esc)));
}

void rvmm_json_u64(struct rvmm_json *j, const char *key, uint64_t v)
{
	json_key(j, key);
	if (v < (1ULL << 53))
		rvmm_printf(j->out, "%" PRIu64, v);
	else
		rvmm_printf(j->out, "\"0x%" PRIx64 "\"", v);
}

void rvmm_json_s64(struct rvmm_json *j, const char *key, int64_t v)
{
	json_key(j, key);
	rvmm_printf(j->out, "%" PRId64, v);
}

void rvmm_json_hex(struct rvmm_json *j, const char *key, uint64_t v)
{
	json_key(j, key);
	rvmm_printf(j->out, "\"0x%016" PRIx64 "\"", v);
}

void rvmm_json_bool(struct rvmm_json *j, const char *key, int v)
{
	json_key(j, key);
	rvmm_puts(j->out, v ? "true" : "false");
}

void rvmm_json_null(struct rvmm_json *j, const char *key)
{
	json_key(j, key);
	rvmm_puts(j->out, "null");
}

void rvmm_json_finish(struct rvmm_json *j)
{
	rvmm_puts(j->out, "\n");
	j->depth = 0;
	j->count[0] = 0;
}
