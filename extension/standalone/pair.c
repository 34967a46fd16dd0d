// SPDX-License-Identifier: GPL-2.0
/* Opening a vmlinux + dump pair into a session, once for every stand-alone use. */
#include <stdio.h>
#include <string.h>

#include "debuginfo.h"
#include "dump_source.h"
#include "dumpfile.h"
#include "pair.h"

static int open_dump(struct rvmm_pair *p, const char *dumpfile,
		     const struct rvmm_options *opt, struct rvmm_error *err)
{
	const char *warn;

	p->dump = rvmm_dump_open(dumpfile, err);
	if (!p->dump)
		goto fail;
	if (rvmm_dump_source_wrap(p->di, p->dump, &p->src)) {
		rvmm_fail(err, RVMM_EFAILED, "out of memory");
		goto fail;
	}
	warn = rvmm_dump_source_vmcoreinfo_warning(&p->src);
	if (warn)
		snprintf(p->warning, sizeof(p->warning), "%s", warn);
	if (rvmm_session_open(&p->session, &p->src, opt)) {
		rvmm_fail(err, p->session.err.code, "%s: %s", dumpfile,
			  p->session.err.msg);
		goto fail;
	}
	p->session.dump_format = rvmm_dump_format(p->dump);
	return 0;
fail:
	rvmm_pair_close(p);
	return -1;
}

int rvmm_pair_open(struct rvmm_pair *p, const char *vmlinux,
		   const char *dumpfile, const struct rvmm_options *opt,
		   struct rvmm_error *err)
{
	memset(p, 0, sizeof(*p));
	p->di = rvmm_debuginfo_open(vmlinux, err);
	if (!p->di)
		return -1;
	p->owns_di = 1;
	return open_dump(p, dumpfile, opt, err);
}

int rvmm_pair_open_on(struct rvmm_pair *p, struct rvmm_debuginfo *di,
		      const char *dumpfile, const struct rvmm_options *opt,
		      struct rvmm_error *err)
{
	memset(p, 0, sizeof(*p));
	p->di = di;
	return open_dump(p, dumpfile, opt, err);
}

void rvmm_pair_close(struct rvmm_pair *p)
{
	rvmm_dump_source_close(&p->src);
	rvmm_dump_close(p->dump);
	if (p->owns_di)
		rvmm_debuginfo_close(p->di);
	p->dump = NULL;
	p->di = NULL;
}
