// SPDX-License-Identifier: GPL-2.0
/* A session: one kernel's layouts resolved once for all commands. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "filtering.h"
#include "internal.h"

void rvmm_options_init(struct rvmm_options *o)
{
	memset(o, 0, sizeof(*o));
	o->ptype_scheme = RVMM_PTYPE_UNKNOWN;
	o->nodes_shift = -1;
}

static int read_kva_for_identity(void *arg, uint64_t va, void *buf, size_t len)
{
	return rvmm_read_kva(arg, va, buf, len) == RVMM_READ_OK ? 0 : -1;
}

/* Another build's vmlinux: stop, or with --force say so and go on. */
static int refuse_other_build(struct rvmm_session *s)
{
	if (s->identity.verdict != RVMM_ID_DIFFERENT)
		return 0;
	if (!s->opt.force) {
		snprintf(s->err, sizeof(s->err), "%s (--force goes on anyway)",
			 s->identity.msg);
		return 1;
	}
	if (!s->identity_noted) {
		s->identity_noted = 1;
		rvmm_note(&s->notes, "warning: %s", s->identity.msg);
	}
	return 0;
}

const char *rvmm_session_open(struct rvmm_session *s,
			      const struct rvmm_source *src,
			      const struct rvmm_options *opt)
{
	char err[sizeof(s->err)];

	memset(s, 0, sizeof(*s));
	s->src = *src;
	if (opt)
		s->opt = *opt;
	else
		rvmm_options_init(&s->opt);
	if (!src->ops || !src->ops->read_phys) {
		snprintf(s->err, sizeof(s->err), "source has no read_phys");
		return s->err;
	}
	rvmm_filter_session_init(s);
	rvmm_identity_check_static(&s->src, &s->identity);
	if (refuse_other_build(s))
		return s->err;
	if (rvmm_layout_resolve(&s->src, &s->layout, &s->notes, err,
				sizeof(err))) {
		/* a wrong vmlinux fails here first when nothing could tell */
		snprintf(s->err, sizeof(s->err), "%.280s%s%.300s%s", err,
			 s->identity.verdict == RVMM_ID_UNKNOWN ? " (" : "",
			 s->identity.verdict == RVMM_ID_UNKNOWN
				 ? s->identity.msg
				 : "",
			 s->identity.verdict == RVMM_ID_UNKNOWN ? ")" : "");
		return s->err;
	}
	rvmm_identity_check_memory(&s->src, read_kva_for_identity, s,
				   &s->identity);
	if (refuse_other_build(s))
		return s->err;
	if (rvmm_page_layout_resolve(&s->src, &s->layout, &s->opt, &s->pages,
				     &s->notes))
		rvmm_note(&s->notes, "%s", s->pages.err);
	if (rvmm_section_layout_resolve(&s->src, &s->layout, &s->sections,
					&s->notes))
		rvmm_note(&s->notes, "%s", s->sections.err);
	return NULL;
}

enum rvmm_xlate_status rvmm_kva_to_pa(const struct rvmm_session *s, uint64_t va,
				      uint64_t *pa)
{
	const struct rvmm_layout *l = &s->layout;
	struct rvmm_xlate x;

	if (va >= l->kimg_start) {
		*pa = rvmm_kimg_va_to_pa(l, va);
		return RVMM_XL_OK;
	}
	if (va >= l->page_offset && va < l->linear_end) {
		*pa = rvmm_linear_va_to_pa(l, va);
		return RVMM_XL_OK;
	}
	rvmm_translate(&s->src, l->swapper_pg_dir_pa, l->levels, va, &x);
	*pa = x.pa;
	return x.status;
}

enum rvmm_read_result rvmm_read_kva(const struct rvmm_session *s, uint64_t va,
				    void *buf, size_t len)
{
	unsigned char *p = buf;
	enum rvmm_xlate_status st;
	enum rvmm_read_result rr;
	uint64_t pa;
	size_t n;

	while (len) {
		n = RVMM_PAGE_SIZE - (va & (RVMM_PAGE_SIZE - 1));
		if (n > len)
			n = len;
		st = rvmm_kva_to_pa(s, va, &pa);
		if (st == RVMM_XL_NOT_IN_DUMP)
			return RVMM_READ_NOT_IN_DUMP;
		if (st != RVMM_XL_OK)
			return RVMM_READ_ERROR;
		rr = s->src.ops->read_phys(s->src.ctx, pa, p, n);
		if (rr != RVMM_READ_OK)
			return rr;
		va += n;
		p += n;
		len -= n;
	}
	return RVMM_READ_OK;
}

void rvmm_err(const struct rvmm_session *s, struct rvmm_out *o, const char *fmt,
	      ...)
{
	char msg[512];
	va_list ap;

	(void)s;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (o->json) {
		struct rvmm_json j;

		rvmm_json_init(&j, o);
		rvmm_json_obj_begin(&j, NULL);
		rvmm_json_str(&j, "error", msg);
		rvmm_json_obj_end(&j);
		rvmm_json_finish(&j);
	} else {
		rvmm_printf(o, "rvmm: %s\n", msg);
	}
}
