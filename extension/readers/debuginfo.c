// SPDX-License-Identifier: GPL-2.0
/*
 * vmlinux symbols and DWARF through elfutils.  One pass over the top-level
 * DIEs of every CU indexes struct/union/typedef definitions, enumerators and
 * subprograms; queries then touch only the DIEs they need.  libdw
 * decompresses SHF_COMPRESSED (zlib) debug sections by itself.
 */
#include <dwarf.h>
#include <elf.h>
#include <elfutils/libdw.h>
#include <elfutils/libdwelf.h>
#include <errno.h>
#include <fcntl.h>
#include <gelf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "debuginfo_priv.h"

static int add_symbol(struct rvmm_debuginfo *di, const char *name,
		      const GElf_Sym *sym)
{
	int global = GELF_ST_BIND(sym->st_info) != STB_LOCAL;
	struct strmap_entry *old = strmap_find(&di->symbols, name);
	struct sym_value *v;

	if (old) {
		/* a global definition beats a static of the same name */
		v = &di->sym_values[old->value];
		if (global && !v->global) {
			v->value = sym->st_value;
			v->size = sym->st_size;
			v->global = 1;
		}
		return 0;
	}
	v = &di->sym_values[di->sym_count];
	v->value = sym->st_value;
	v->size = sym->st_size;
	v->global = global;
	return strmap_add(&di->symbols, name, di->sym_count++) < 0 ? -1 : 0;
}

static int load_symbols(struct rvmm_debuginfo *di, struct rvmm_error *err)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;

	while ((scn = elf_nextscn(di->elf, scn))) {
		Elf_Data *data;
		size_t n;

		if (!gelf_getshdr(scn, &shdr) || shdr.sh_type != SHT_SYMTAB)
			continue;
		data = elf_getdata(scn, NULL);
		if (!data || !shdr.sh_entsize)
			break;
		n = shdr.sh_size / shdr.sh_entsize;
		di->sym_values = calloc(n, sizeof(*di->sym_values));
		if (!di->sym_values)
			goto nomem;
		for (size_t i = 1; i < n; i++) {
			GElf_Sym sym;
			const char *name;
			int type;

			if (!gelf_getsym(data, i, &sym))
				continue;
			type = GELF_ST_TYPE(sym.st_info);
			if (sym.st_shndx == SHN_UNDEF || type == STT_SECTION ||
			    type == STT_FILE)
				continue;
			name = elf_strptr(di->elf, shdr.sh_link, sym.st_name);
			if (!name || !*name)
				continue;
			if (add_symbol(di, name, &sym))
				goto nomem;
		}
		return 0;
	}
	rvmm_fail(err, RVMM_EINPUT, "%s: no ELF symbol table", di->path);
	return -1;
nomem:
	rvmm_fail(err, RVMM_EFAILED, "%s: out of memory", di->path);
	return -1;
}

static int add_func(struct rvmm_debuginfo *di, const char *name, Dwarf_Off off)
{
	struct strmap_entry *head = strmap_find(&di->funcs, name);
	struct func_die *f;

	if (di->func_count == di->func_cap) {
		size_t cap = di->func_cap ? di->func_cap * 2 : 4096;

		f = realloc(di->func_dies, cap * sizeof(*f));
		if (!f)
			return -1;
		di->func_dies = f;
		di->func_cap = cap;
	}
	f = &di->func_dies[di->func_count++];
	f->off = off;
	f->next = head ? head->value : 0;
	if (head) {
		head->value = di->func_count;
		return 0;
	}
	return strmap_add(&di->funcs, name, di->func_count) < 0 ? -1 : 0;
}

/* Enumerators of an unsigned enum must not be sign-extended. */
static int enum_is_signed(Dwarf_Die *type)
{
	Dwarf_Attribute attr;
	Dwarf_Die base;
	Dwarf_Word encoding;

	if (!dwarf_attr(type, DW_AT_type, &attr) ||
	    !dwarf_formref_die(&attr, &base) ||
	    !dwarf_attr(&base, DW_AT_encoding, &attr) ||
	    dwarf_formudata(&attr, &encoding))
		return 1;
	return encoding != DW_ATE_unsigned && encoding != DW_ATE_unsigned_char;
}

static int enumerator_value(Dwarf_Die *die, int is_signed, int64_t *value)
{
	Dwarf_Attribute attr;
	Dwarf_Sword svalue;
	Dwarf_Word uvalue;
	int bits = 0;

	if (!dwarf_attr(die, DW_AT_const_value, &attr))
		return -1;
	switch (dwarf_whatform(&attr)) {
	case DW_FORM_sdata:
		if (dwarf_formsdata(&attr, &svalue))
			return -1;
		*value = svalue;
		return 0;
	/* fixed-size forms carry no sign: the enum's type decides */
	case DW_FORM_data1:
		bits = 8;
		break;
	case DW_FORM_data2:
		bits = 16;
		break;
	case DW_FORM_data4:
		bits = 32;
		break;
	}
	if (dwarf_formudata(&attr, &uvalue))
		return -1;
	if (is_signed && bits && (uvalue >> (bits - 1)) & 1)
		uvalue |= ~0ULL << bits;
	*value = (int64_t)uvalue;
	return 0;
}

static int index_enumerators(struct rvmm_debuginfo *di, Dwarf_Die *type)
{
	int is_signed = enum_is_signed(type);
	Dwarf_Die child;
	int64_t value;

	if (dwarf_child(type, &child))
		return 0;
	do {
		const char *name = dwarf_diename(&child);

		if (dwarf_tag(&child) != DW_TAG_enumerator || !name ||
		    enumerator_value(&child, is_signed, &value))
			continue;
		if (strmap_add(&di->enumerators, name, (uint64_t)value) < 0)
			return -1;
	} while (!dwarf_siblingof(&child, &child));
	return 0;
}

static int index_die(struct rvmm_debuginfo *di, Dwarf_Die *die)
{
	const char *name = dwarf_diename(die);
	int tag = dwarf_tag(die);

	switch (tag) {
	case DW_TAG_structure_type:
	case DW_TAG_union_type:
		if (!name || dwarf_hasattr(die, DW_AT_declaration) ||
		    !dwarf_hasattr(die, DW_AT_byte_size))
			return 0;
		return strmap_add(&di->types, name, dwarf_dieoffset(die)) < 0;
	case DW_TAG_typedef:
		if (!name)
			return 0;
		return strmap_add(&di->typedefs, name, dwarf_dieoffset(die)) <
		       0;
	case DW_TAG_enumeration_type:
		return index_enumerators(di, die);
	case DW_TAG_subprogram:
		/* concrete copies name themselves via DW_AT_abstract_origin */
		if (!name)
			return 0;
		return add_func(di, name, dwarf_dieoffset(die));
	}
	return 0;
}

static int index_dwarf(struct rvmm_debuginfo *di, struct rvmm_error *err)
{
	Dwarf_Off off = 0, next;
	size_t header_size;

	while (!dwarf_nextcu(di->dwarf, off, &next, &header_size, NULL, NULL,
			     NULL)) {
		Dwarf_Die cu, die;

		if (dwarf_offdie(di->dwarf, off + header_size, &cu) &&
		    !dwarf_child(&cu, &die)) {
			do {
				if (index_die(di, &die)) {
					rvmm_fail(err, RVMM_EFAILED,
						  "%s: out of memory",
						  di->path);
					return -1;
				}
			} while (!dwarf_siblingof(&die, &die));
		}
		di->cu_count++;
		off = next;
	}
	if (!di->cu_count || !di->types.count) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"%s: no DWARF type information (kernel built without CONFIG_DEBUG_INFO?)",
			di->path);
		return -1;
	}
	return 0;
}

struct rvmm_debuginfo *rvmm_debuginfo_open(const char *path,
					   struct rvmm_error *err)
{
	struct rvmm_debuginfo *di = calloc(1, sizeof(*di));
	GElf_Ehdr ehdr;

	if (!di || !(di->path = strdup(path))) {
		rvmm_fail(err, RVMM_EFAILED, "%s: out of memory", path);
		free(di);
		return NULL;
	}
	di->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (di->fd < 0) {
		rvmm_fail(err, RVMM_EINPUT, "%s: %s", path, strerror(errno));
		goto fail;
	}
	elf_version(EV_CURRENT);
	di->elf = elf_begin(di->fd, ELF_C_READ_MMAP, NULL);
	if (!di->elf || elf_kind(di->elf) != ELF_K_ELF ||
	    !gelf_getehdr(di->elf, &ehdr)) {
		rvmm_fail(err, RVMM_EINPUT, "%s: not an ELF file", path);
		goto fail;
	}
	if (ehdr.e_machine != EM_RISCV ||
	    ehdr.e_ident[EI_CLASS] != ELFCLASS64) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"%s: wrong architecture: ELF machine %u, not riscv64 (%u)",
			path, ehdr.e_machine, EM_RISCV);
		goto fail;
	}
	if (load_symbols(di, err))
		goto fail;
	di->dwarf = dwarf_begin_elf(di->elf, DWARF_C_READ, NULL);
	if (!di->dwarf) {
		rvmm_fail(
			err, RVMM_EINPUT,
			"%s: no DWARF debug info (%s); build with CONFIG_DEBUG_INFO",
			path, dwarf_errmsg(-1));
		goto fail;
	}
	if (index_dwarf(di, err))
		goto fail;
	return di;
fail:
	rvmm_debuginfo_close(di);
	return NULL;
}

void rvmm_debuginfo_close(struct rvmm_debuginfo *di)
{
	if (!di)
		return;
	for (size_t i = 0; i < di->member_cache.size; i++)
		free((char *)di->member_cache.slots[i].key);
	strmap_free(&di->member_cache);
	strmap_free(&di->symbols);
	strmap_free(&di->types);
	strmap_free(&di->typedefs);
	strmap_free(&di->enumerators);
	strmap_free(&di->funcs);
	free(di->sym_values);
	free(di->func_dies);
	if (di->dwarf)
		dwarf_end(di->dwarf);
	if (di->elf)
		elf_end(di->elf);
	if (di->fd >= 0)
		close(di->fd);
	free(di->path);
	free(di);
}

const char *rvmm_debuginfo_path(const struct rvmm_debuginfo *di)
{
	return di->path;
}

void rvmm_debuginfo_set_image_offset(struct rvmm_debuginfo *di, int64_t off)
{
	di->image_offset = off;
}

int64_t rvmm_debuginfo_image_offset(const struct rvmm_debuginfo *di)
{
	return di->image_offset;
}

size_t rvmm_debuginfo_cu_count(const struct rvmm_debuginfo *di)
{
	return di->cu_count;
}

int rvmm_debuginfo_symbol(const struct rvmm_debuginfo *di, const char *name,
			  uint64_t *value, uint64_t *size)
{
	struct strmap_entry *e = strmap_find(&di->symbols, name);

	if (!e)
		return -1;
	*value = di->sym_values[e->value].value;
	if (size)
		*size = di->sym_values[e->value].size;
	return 0;
}

int rvmm_debuginfo_build_id(const struct rvmm_debuginfo *di, char *hex,
			    size_t len)
{
	const unsigned char *id;
	ssize_t n, i;

	n = dwelf_elf_gnu_build_id(di->elf, (const void **)&id);
	if (n <= 0 || (size_t)n * 2 + 1 > len)
		return -1;
	for (i = 0; i < n; i++)
		snprintf(hex + 2 * i, 3, "%02x", id[i]);
	return 0;
}

int rvmm_debuginfo_banner(const struct rvmm_debuginfo *di, char *buf,
			  size_t len)
{
	uint64_t va, size;
	size_t n;

	if (!len || rvmm_debuginfo_symbol(di, "linux_banner", &va, &size))
		return -1;
	n = size && size < len ? size : len - 1;
	/* the string may end before the symbol's size or the section */
	while (n && rvmm_debuginfo_read_image(di, va, buf, n))
		n /= 2;
	if (!n)
		return -1;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

int rvmm_debuginfo_read_image(const struct rvmm_debuginfo *di, uint64_t va,
			      void *buf, size_t len)
{
	Elf_Scn *scn = NULL;
	GElf_Shdr shdr;

	while ((scn = elf_nextscn(di->elf, scn))) {
		Elf_Data *data;

		if (!gelf_getshdr(scn, &shdr) || shdr.sh_type != SHT_PROGBITS ||
		    !(shdr.sh_flags & SHF_ALLOC) || va < shdr.sh_addr ||
		    va + len > shdr.sh_addr + shdr.sh_size)
			continue;
		data = elf_rawdata(scn, NULL);
		if (!data || va - shdr.sh_addr + len > data->d_size)
			return -1;
		memcpy(buf, (char *)data->d_buf + (va - shdr.sh_addr), len);
		return 0;
	}
	return -1;
}
