// SPDX-License-Identifier: GPL-2.0
/* Struct layout, enumerators and formal parameters from the DWARF index. */
#include <dwarf.h>
#include <stdlib.h>
#include <string.h>

#include "debuginfo_priv.h"

/* Follow DW_AT_type, skipping typedefs and qualifiers. */
static int strip_type(Dwarf_Die *die, Dwarf_Die *out)
{
	Dwarf_Attribute attr;
	Dwarf_Die cur = *die;

	for (int depth = 0; depth < 32; depth++) {
		switch (dwarf_tag(&cur)) {
		case DW_TAG_typedef:
		case DW_TAG_const_type:
		case DW_TAG_volatile_type:
		case DW_TAG_restrict_type:
		case DW_TAG_atomic_type:
			if (!dwarf_attr(&cur, DW_AT_type, &attr) ||
			    !dwarf_formref_die(&attr, &cur))
				return -1;
			continue;
		default:
			*out = cur;
			return 0;
		}
	}
	return -1;
}

static int member_type(Dwarf_Die *member, Dwarf_Die *out)
{
	Dwarf_Attribute attr;
	Dwarf_Die type;

	if (!dwarf_attr(member, DW_AT_type, &attr) ||
	    !dwarf_formref_die(&attr, &type))
		return -1;
	return strip_type(&type, out);
}

static int is_aggregate(Dwarf_Die *die)
{
	int tag = dwarf_tag(die);

	return tag == DW_TAG_structure_type || tag == DW_TAG_union_type;
}

static Dwarf_Word member_location(Dwarf_Die *member)
{
	Dwarf_Attribute attr;
	Dwarf_Word value;
	Dwarf_Op *ops;
	size_t nops;

	if (dwarf_attr(member, DW_AT_data_member_location, &attr)) {
		if (!dwarf_formudata(&attr, &value))
			return value;
		/* DWARF 2 style: DW_OP_plus_uconst N */
		if (!dwarf_getlocation(&attr, &ops, &nops) && nops == 1 &&
		    ops[0].atom == DW_OP_plus_uconst)
			return ops[0].number;
		return 0;
	}
	if (dwarf_attr(member, DW_AT_data_bit_offset, &attr) &&
	    !dwarf_formudata(&attr, &value))
		return value / 8;
	return 0; /* union members */
}

/*
 * Find member name (len bytes) in aggregate, looking inside anonymous
 * structs and unions.  Adds its offset to *offset, returns its type.
 */
static int find_member(Dwarf_Die *aggregate, const char *name, size_t len,
		       Dwarf_Word *offset, Dwarf_Die *type)
{
	Dwarf_Die child, inner;

	if (dwarf_child(aggregate, &child))
		return -1;
	do {
		const char *member = dwarf_diename(&child);
		Dwarf_Word inner_offset = 0;

		if (dwarf_tag(&child) != DW_TAG_member)
			continue;
		if (member && strlen(member) == len &&
		    !memcmp(member, name, len)) {
			*offset += member_location(&child);
			if (member_type(&child, type))
				memset(type, 0, sizeof(*type));
			return 0;
		}
		if (member || member_type(&child, &inner) ||
		    !is_aggregate(&inner))
			continue;
		if (!find_member(&inner, name, len, &inner_offset, type)) {
			*offset += member_location(&child) + inner_offset;
			return 0;
		}
	} while (!dwarf_siblingof(&child, &child));
	return -1;
}

static int lookup_aggregate(struct rvmm_debuginfo *di, const char *name,
			    Dwarf_Die *die)
{
	struct strmap_entry *e;
	Dwarf_Die typedef_die;

	if (!strncmp(name, "struct ", 7))
		name += 7;
	else if (!strncmp(name, "union ", 6))
		name += 6;
	e = strmap_find(&di->types, name);
	if (e)
		return dwarf_offdie(di->dwarf, e->value, die) ? 0 : -1;
	e = strmap_find(&di->typedefs, name);
	if (!e || !dwarf_offdie(di->dwarf, e->value, &typedef_die))
		return -1;
	return strip_type(&typedef_die, die);
}

long rvmm_debuginfo_struct_size(struct rvmm_debuginfo *di, const char *type)
{
	Dwarf_Die die;
	Dwarf_Attribute attr;
	Dwarf_Word size;

	if (lookup_aggregate(di, type, &die) ||
	    !dwarf_attr(&die, DW_AT_byte_size, &attr) ||
	    dwarf_formudata(&attr, &size))
		return -1;
	return (long)size;
}

static long compute_member_offset(struct rvmm_debuginfo *di, const char *type,
				  const char *path)
{
	Dwarf_Die die;
	Dwarf_Word offset = 0;

	if (lookup_aggregate(di, type, &die))
		return -1;
	for (;;) {
		size_t len = strcspn(path, ".");

		if (!len || !is_aggregate(&die) ||
		    find_member(&die, path, len, &offset, &die))
			return -1;
		if (!path[len])
			return (long)offset;
		path += len + 1;
	}
}

long rvmm_debuginfo_member_offset(struct rvmm_debuginfo *di, const char *type,
				  const char *member)
{
	size_t tlen = strlen(type), mlen = strlen(member);
	struct strmap_entry *cached;
	char *key = malloc(tlen + mlen + 2);
	long offset;

	if (!key)
		return compute_member_offset(di, type, member);
	memcpy(key, type, tlen);
	key[tlen] = '\n';
	memcpy(key + tlen + 1, member, mlen + 1);
	cached = strmap_find(&di->member_cache, key);
	if (cached) {
		free(key);
		return (long)cached->value;
	}
	offset = compute_member_offset(di, type, member);
	if (strmap_add(&di->member_cache, key, (uint64_t)offset))
		free(key);
	return offset;
}

int rvmm_debuginfo_enumerator(const struct rvmm_debuginfo *di, const char *name,
			      int64_t *value)
{
	struct strmap_entry *e = strmap_find(&di->enumerators, name);

	if (!e)
		return -1;
	*value = (int64_t)e->value;
	return 0;
}

static int die_has_param(Dwarf_Die *func, const char *param)
{
	Dwarf_Die child;
	Dwarf_Attribute attr;

	if (dwarf_child(func, &child))
		return 0;
	do {
		const char *name;

		if (dwarf_tag(&child) != DW_TAG_formal_parameter ||
		    !dwarf_attr_integrate(&child, DW_AT_name, &attr))
			continue;
		name = dwarf_formstring(&attr);
		if (name && !strcmp(name, param))
			return 1;
	} while (!dwarf_siblingof(&child, &child));
	return 0;
}

int rvmm_debuginfo_has_param(struct rvmm_debuginfo *di, const char *func,
			     const char *param)
{
	struct strmap_entry *e = strmap_find(&di->funcs, func);
	size_t i;

	if (!e)
		return -1;
	for (i = e->value; i; i = di->func_dies[i - 1].next) {
		Dwarf_Die die;

		if (dwarf_offdie(di->dwarf, di->func_dies[i - 1].off, &die) &&
		    die_has_param(&die, param))
			return 1;
	}
	return 0;
}
