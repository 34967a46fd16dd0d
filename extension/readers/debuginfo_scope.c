// SPDX-License-Identifier: GPL-2.0
/*
 * Which function holds an address: the ELF symbol around it, and the chain
 * of inlined functions the DWARF records there.  Shared by the stand-alone
 * source and the crash extension (crash's own symbols do not see inlining).
 */
#include <stdio.h>

#include <dwarf.h>

#include "debuginfo.h"
#include "debuginfo_priv.h"

/*
 * Address -> containing function from .symtab: the FUNC symbol whose
 * [value, value + size) holds addr.  A linear scan: triage asks a handful
 * of times.  Addresses are link-time ones (callers relocate).
 */
int rvmm_debuginfo_symbol_at(const struct rvmm_debuginfo *di, uint64_t addr,
			     char *name, size_t len, uint64_t *offset)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;

	while ((scn = elf_nextscn(di->elf, scn))) {
		Elf_Data *data;
		size_t n, i;

		if (!gelf_getshdr(scn, &shdr) || shdr.sh_type != SHT_SYMTAB ||
		    !shdr.sh_entsize || !(data = elf_getdata(scn, NULL)))
			continue;
		n = shdr.sh_size / shdr.sh_entsize;
		for (i = 1; i < n; i++) {
			const char *sym_name;
			GElf_Sym sym;

			if (!gelf_getsym(data, i, &sym) ||
			    GELF_ST_TYPE(sym.st_info) != STT_FUNC ||
			    addr < sym.st_value ||
			    addr - sym.st_value >= sym.st_size)
				continue;
			sym_name =
				elf_strptr(di->elf, shdr.sh_link, sym.st_name);
			if (!sym_name)
				continue;
			snprintf(name, len, "%s", sym_name);
			*offset = addr - sym.st_value;
			return 0;
		}
	}
	return -1;
}

#define CHAIN_MAX 32

/* Name of a subprogram or inlined instance, through abstract_origin. */
static const char *scope_name(Dwarf_Die *die)
{
	Dwarf_Attribute attr;

	if (!dwarf_attr_integrate(die, DW_AT_name, &attr))
		return NULL;
	return dwarf_formstring(&attr);
}

/*
 * The concrete DIE tree at addr: descend from the CU through the children
 * whose ranges hold addr, collecting subprograms and inlined instances
 * (outermost first), then reverse.  libdw's dwarf_getscopes would step
 * into abstract origins and lose the chain.
 */
int rvmm_debuginfo_inline_chain(const struct rvmm_debuginfo *di, uint64_t addr,
				char (*names)[64], int max)
{
	char found[CHAIN_MAX][64];
	Dwarf_Die die, child;
	int nr = 0, depth, i;

	if (!dwarf_addrdie(di->dwarf, addr, &die))
		return -1;
	for (depth = 0; depth < 64; depth++) {
		int tag, hit = 0;

		if (dwarf_child(&die, &child))
			break;
		do {
			tag = dwarf_tag(&child);
			if ((tag == DW_TAG_subprogram ||
			     tag == DW_TAG_inlined_subroutine ||
			     tag == DW_TAG_lexical_block) &&
			    dwarf_haspc(&child, addr) == 1) {
				hit = 1;
				break;
			}
		} while (!dwarf_siblingof(&child, &child));
		if (!hit)
			break;
		die = child;
		if (tag != DW_TAG_lexical_block && nr < CHAIN_MAX) {
			const char *name = scope_name(&die);

			snprintf(found[nr++], 64, "%s", name ? name : "?");
		}
	}
	if (!nr)
		return -1;
	for (i = 0; i < nr && i < max; i++)
		snprintf(names[i], 64, "%s", found[nr - 1 - i]);
	return i;
}
