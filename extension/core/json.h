/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Output sink and a tiny JSON writer shared by all rvmm front ends.
 *
 * JSON number convention (every command follows it):
 *  - addresses (VA, PA), page-table entry values, page flags, raw words
 *    and anything else that is naturally hexadecimal are ALWAYS strings
 *    of the form "0x%016llx" (rvmm_json_hex), so a consumer never has to
 *    guess the type and never loses precision;
 *  - counts, sizes, pfns, section numbers, levels and other integers are
 *    JSON numbers when they are below 2^53 (exact in an IEEE double) and
 *    otherwise a "0x..." hex string (rvmm_json_u64);
 *  - signed integers (refcounts, mapcounts) are plain JSON numbers;
 *  - unknown values are null.
 * docs/json-schema.md describes the objects each command emits.
 */
#ifndef RVMM_JSON_H
#define RVMM_JSON_H

#include <stddef.h>
#include <stdint.h>

/* Where a command writes: crash's fp, stdout, a test buffer. */
struct rvmm_out {
	void (*write)(void *ctx, const char *buf, size_t len);
	void *ctx;
	int json; /* non-zero: commands emit one JSON document */
};

void rvmm_printf(struct rvmm_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void rvmm_puts(struct rvmm_out *o, const char *s);

#define RVMM_JSON_MAX_DEPTH 16

/* Tracks nesting so that commas come out right. */
struct rvmm_json {
	struct rvmm_out *out;
	int depth;
	unsigned char count[RVMM_JSON_MAX_DEPTH]; /* 1: a value was written */
};

void rvmm_json_init(struct rvmm_json *j, struct rvmm_out *o);
/* key is NULL inside arrays and for the top-level value. */
void rvmm_json_obj_begin(struct rvmm_json *j, const char *key);
void rvmm_json_obj_end(struct rvmm_json *j);
void rvmm_json_arr_begin(struct rvmm_json *j, const char *key);
void rvmm_json_arr_end(struct rvmm_json *j);
void rvmm_json_str(struct rvmm_json *j, const char *key, const char *s);
void rvmm_json_u64(struct rvmm_json *j, const char *key, uint64_t v);
void rvmm_json_s64(struct rvmm_json *j, const char *key, int64_t v);
void rvmm_json_hex(struct rvmm_json *j, const char *key, uint64_t v);
void rvmm_json_bool(struct rvmm_json *j, const char *key, int v);
void rvmm_json_null(struct rvmm_json *j, const char *key);
/* Ends the document with a newline (after the top-level value). */
void rvmm_json_finish(struct rvmm_json *j);

/* Length of the valid UTF-8 sequence at p, 0 if p does not start one. */
size_t rvmm_utf8_len(const unsigned char *p);
/* Escape s as a JSON string body into buf; returns buf. */
char *rvmm_json_escape(const char *s, char *buf, size_t len);

#endif
