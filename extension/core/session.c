// SPDX-License-Identifier: GPL-2.0
/* A session: one kernel's layouts resolved once for all commands. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "session.h"

/* What a page the dump's memory has but its file lacks is called. */
static void dump_level_init(struct rvmm_session *s)
{
	const struct rvmm_source_ops *ops = s->src.ops;
	int level = ops->dump_level ? ops->dump_level(s->src.ctx) : -1;

	s->dump_level = level >= 0 && level <= RVMM_DL_MAX ? level : -1;
	if (s->dump_level > 0 && (s->dump_level & RVMM_DL_HOLES))
		snprintf(s->absent, sizeof(s->absent),
			 "filtered out by makedumpfile (dump level %d)",
			 s->dump_level);
	else
		snprintf(s->absent, sizeof(s->absent), "not in the dump");
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
		rvmm_fail(&s->err, RVMM_EINPUT, "%s (--force goes on anyway)",
			  s->identity.msg);
		return 1;
	}
	if (!s->identity_noted) {
		s->identity_noted = 1;
		rvmm_note(&s->notes, "warning: %s", s->identity.msg);
	}
	return 0;
}

int rvmm_session_open(struct rvmm_session *s, const struct rvmm_source *src,
		      const struct rvmm_options *opt)
{
	struct rvmm_error err;

	memset(s, 0, sizeof(*s));
	s->src = *src;
	if (opt)
		s->opt = *opt;
	else
		rvmm_options_init(&s->opt);
	if (!src->ops || !src->ops->read_phys) {
		return rvmm_fail(&s->err, RVMM_EINPUT,
				 "source has no read_phys");
	}
	dump_level_init(s);
	rvmm_identity_check_static(&s->src, &s->identity);
	if (refuse_other_build(s))
		return -1;
	if (rvmm_layout_resolve(&s->src, &s->layout, &s->notes, &err)) {
		/* a wrong vmlinux fails here first when nothing could tell */
		return rvmm_fail(
			&s->err, err.code, "%.280s%s%.300s%s", err.msg,
			s->identity.verdict == RVMM_ID_UNKNOWN ? " (" : "",
			s->identity.verdict == RVMM_ID_UNKNOWN ? s->identity.msg
							       : "",
			s->identity.verdict == RVMM_ID_UNKNOWN ? ")" : "");
	}
	rvmm_identity_check_memory(&s->src, read_kva_for_identity, s,
				   &s->identity);
	if (refuse_other_build(s))
		return -1;
	if (rvmm_page_layout_resolve(&s->src, &s->layout, &s->opt, &s->pages,
				     &s->notes))
		rvmm_note(&s->notes, "%s", s->pages.err.msg);
	if (rvmm_section_layout_resolve(&s->src, &s->layout, &s->sections,
					&s->notes))
		rvmm_note(&s->notes, "%s", s->sections.err.msg);
	return 0;
}
