/* SPDX-License-Identifier: GPL-2.0 */
/* A session: one kernel's layouts resolved once for all commands (session.c). */
#ifndef RVMM_SESSION_H
#define RVMM_SESSION_H

#include "error.h"
#include "identity.h"
#include "json.h"
#include "kva.h"
#include "layout.h"
#include "options.h"
#include "page.h"
#include "section.h"
#include "source.h"

struct rvmm_session {
	struct rvmm_source src;
	struct rvmm_layout layout;
	struct rvmm_page_layout pages;
	struct rvmm_section_layout sections;
	struct rvmm_notes notes;
	struct rvmm_options opt;
	struct rvmm_identity identity; /* vmlinux against dump */
	int identity_noted;
	const char *dump_format; /* front end sets: "ELF", "kdump", .. */
	/*
	 * The dump level the dump records (makedumpfile -d: RVMM_DL_* bits),
	 * -1 if none, and what a page its memory has but its file lacks is
	 * called: "filtered out by makedumpfile (dump level 31)", or "not in
	 * the dump" (session.c; filtering.c reports what it cost).
	 */
	int dump_level;
	char absent[80];
	struct rvmm_error err; /* why the open failed */
};

/*
 * Fill s from src.  0 on success; else -1 with s->err naming what is
 * missing.  A vmlinux that is not the dump's build is such an error unless
 * opt->force.  opt may be NULL.  Page and section decoding failures do not
 * fail the open; the commands that need them report them.
 */
int rvmm_session_open(struct rvmm_session *s, const struct rvmm_source *src,
		      const struct rvmm_options *opt);

/* The session's kernel VAs: rvmm_layout_kva_to_pa over its source. */
static inline enum rvmm_xlate_status
rvmm_kva_to_pa(const struct rvmm_session *s, uint64_t va, uint64_t *pa)
{
	return rvmm_layout_kva_to_pa(&s->src, &s->layout, va, pa);
}

static inline enum rvmm_read_result
rvmm_read_kva(const struct rvmm_session *s, uint64_t va, void *buf, size_t len)
{
	return rvmm_layout_read_kva(&s->src, &s->layout, va, buf, len);
}

#endif
