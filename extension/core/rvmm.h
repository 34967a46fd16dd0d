/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rvmm core: the public API every front end codes against.
 *
 * A front end fills a struct rvmm_source (source.h: read_phys, symbols,
 * DWARF offsets, enumerators, VMCOREINFO) and calls rvmm_session_open(),
 * which resolves once everything the core needs: the virtual memory layout
 * (struct rvmm_layout: paging mode, PAGE_OFFSET, vmemmap, swapper_pg_dir,
 * mem_section, ...), the struct page / struct ptdesc member offsets, page
 * flag bit numbers and the page_type encoding (struct rvmm_page_layout).
 * Anything taken from a fallback instead of VMCOREINFO is recorded as a
 * human-readable line in session->notes.  The commands rvmm_cmd_info,
 * rvmm_cmd_vtop, rvmm_cmd_ptdump, rvmm_cmd_vmemmap and rvmm_cmd_ptdesc then
 * print text or JSON (json.h) through a struct rvmm_out, so every front end
 * prints the same thing.  Lower layers are public too: VMCOREINFO number
 * parsing, PTE decoding, a one-VA translator that records every level, a
 * bounded full-table walker with a visitor, VA region labels, struct page
 * decoding with a page-table-page verdict, and mem_section decoding.  The
 * core does no I/O and holds no global state; it is not thread-safe per
 * session.  All functions returning int return 0 on success.
 */
#ifndef RVMM_H
#define RVMM_H

#include "source.h"
#include "json.h"
#include "identity.h"
#include "pte.h"
#include "vmcoreinfo.h"
#include "walk.h"
#include "layout.h"
#include "page.h"
#include "options.h"
#include "section.h"
#include "session.h"
#include "kva.h"
#include "commands.h"

#endif
