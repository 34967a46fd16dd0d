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

size_t rvmm_utf8_len(const unsigned char *p)
{
	size_t n, i;
	uint32_t cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		n = 2, cp = p[0] & 0x1f;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		n = 3, cp = p[0] & 0x0f;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		n = 4, cp = p[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	/* overlong, surrogate or beyond U+10FFFF */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

/*
 * Escape one character of s into out (at least 8 bytes); returns how many
 * bytes of s it used.  Bytes that are not UTF-8 come out as \u00XX, so
 * garbage from a dump still makes valid JSON.
 */
static size_t escape_one(const unsigned char *s, char *out, size_t *outn)
{
	size_t n = rvmm_utf8_len(s);

	if (*s == '"' || *s == '\\') {
		out[0] = '\\';
		out[1] = *s;
		*outn = 2;
	} else if (*s == '\n' || *s == '\t') {
		out[0] = '\\';
		out[1] = *s == '\n' ? 'n' : 't';
		*outn = 2;
	} else if (*s < 0x20 || *s == 0x7f || !n) {
		*outn = (size_t)snprintf(out, 8, "\\u%04x", *s);
		return 1;
	} else {
		memcpy(out, s, n);
		*outn = n;
		return n;
	}
	return 1;
}

char *rvmm_json_escape(const char *s, char *buf, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	char one[8];
	size_t n = 0, k;

	if (!len)
		return buf;
	while (p && *p) {
		size_t used = escape_one(p, one, &k);

		if (n + k >= len)
			break;
		memcpy(buf + n, one, k);
		n += k;
		p += used;
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

/* Streamed in chunks: a log record or a path has no length limit here. */
void rvmm_json_str(struct rvmm_json *j, const char *key, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	char chunk[512], one[8];
	size_t n = 1, k;

	if (!s) {
		rvmm_json_null(j, key);
		return;
	}
	json_key(j, key);
	chunk[0] = '"';
	while (*p) {
		p += escape_one(p, one, &k);
		if (n + k > sizeof(chunk)) {
			j->out->write(j->out->ctx, chunk, n);
			n = 0;
		}
		memcpy(chunk + n, one, k);
		n += k;
	}
	chunk[n++] = '"';
	j->out->write(j->out->ctx, chunk, n);
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
