// SPDX-License-Identifier: GPL-2.0
/* Commands end to end on the fake kernel: ptdump merging, vtop, JSON
 * well-formedness of every command. */
#include <ctype.h>
#include <string.h>

#include "fake.h"

/* A strict-enough JSON syntax check: returns the end or NULL. */
static const char *jv(const char *p);

static const char *ws(const char *p)
{
	while (*p && isspace((unsigned char)*p))
		p++;
	return p;
}

static const char *jstr(const char *p)
{
	if (*p++ != '"')
		return NULL;
	while (*p && *p != '"') {
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p == '\\')
			p++;
		p++;
	}
	return *p == '"' ? p + 1 : NULL;
}

static const char *jv(const char *p)
{
	p = ws(p);
	if (*p == '{' || *p == '[') {
		char close = *p == '{' ? '}' : ']';
		int obj = *p == '{';

		p = ws(p + 1);
		if (*p == close)
			return p + 1;
		for (;;) {
			if (obj) {
				p = jstr(ws(p));
				if (!p)
					return NULL;
				p = ws(p);
				if (*p++ != ':')
					return NULL;
			}
			p = jv(p);
			if (!p)
				return NULL;
			p = ws(p);
			if (*p == close)
				return p + 1;
			if (*p++ != ',')
				return NULL;
		}
	}
	if (*p == '"')
		return jstr(p);
	if (!strncmp(p, "true", 4) || !strncmp(p, "null", 4))
		return p + 4;
	if (!strncmp(p, "false", 5))
		return p + 5;
	if (*p == '-' || isdigit((unsigned char)*p)) {
		p++;
		while (isdigit((unsigned char)*p))
			p++;
		return p;
	}
	return NULL;
}

static int json_ok(const char *s)
{
	const char *e = jv(s);

	return e && *ws(e) == '\0';
}

static void test_ptdump(void)
{
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_out o;
	struct fake_buf b;

	fake_kernel_build(&k, 3);
	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	fake_out(&o, &b, 0);
	CHECK(rvmm_cmd_ptdump(&s, &o, "linear", 0) == 0);
	/* 64 2M leaves: rw, then the RX text block, then rw again */
	CHECK(strstr(b.s, "---[ linear ]---") != NULL);
	CHECK(strstr(b.s,
		     "0xffffffd600000000-0xffffffd600200000  0x0000000080000000      2M PMD  V R W - - G A D") !=
	      NULL);
	CHECK(strstr(b.s,
		     "0xffffffd600200000-0xffffffd600400000  0x0000000080200000      2M PMD  V R - X - G A -") !=
	      NULL);
	CHECK(strstr(b.s,
		     "0xffffffd600400000-0xffffffd608000000  0x0000000080400000    124M PMD  V R W - - G A D") !=
	      NULL);
	CHECK(strstr(b.s, "64 leaves in 3 ranges") != NULL);
	fake_buf_free(&b);

	/* PA discontinuity splits a range even with equal bits */
	fake_map(&k.f, k.swapper_pa, 3, k.page_offset + (10ULL << 21),
		 0x90000000, 1,
		 RVMM_PTE_R | RVMM_PTE_W | RVMM_PTE_G | RVMM_PTE_A |
			 RVMM_PTE_D);
	fake_out(&o, &b, 0);
	rvmm_cmd_ptdump(&s, &o, "linear", 1);
	CHECK(strstr(b.s, "64 leaves in 5 ranges") != NULL);
	CHECK(strstr(b.s, "table PMD PA") != NULL);
	fake_buf_free(&b);

	fake_out(&o, &b, 0);
	CHECK(rvmm_cmd_ptdump(&s, &o, "bogus", 0) == -1);
	CHECK(strstr(b.s, "unknown region") != NULL);
	fake_buf_free(&b);

	fake_out(&o, &b, 0);
	CHECK(rvmm_cmd_ptdump(&s, &o, NULL, 0) == 0);
	CHECK(strstr(b.s, "---[ kernel ]---") != NULL);
	CHECK(strstr(b.s, "---[ vmemmap ]---") != NULL);
	fake_buf_free(&b);
	fake_free(&k.f);
}

static void test_vtop_and_json(int levels)
{
	struct fake_kernel k;
	struct rvmm_session s;
	struct rvmm_source src;
	struct rvmm_out o;
	struct fake_buf b;

	fake_kernel_build(&k, levels);
	fake_source(&k.f, &src);
	CHECK(rvmm_session_open(&s, &src, NULL) == 0);
	s.dump_format = "fake \"quoted\"";

	fake_out(&o, &b, 0);
	CHECK(rvmm_cmd_vtop(&s, &o, k.page_offset + 0x1234567) == 0);
	CHECK(strstr(b.s, "-> PA 0x0000000081234567 via 2M leaf at PMD"));
	CHECK(strstr(b.s, "(agrees)") != NULL);
	fake_buf_free(&b);
	fake_out(&o, &b, 0);
	CHECK(rvmm_cmd_vtop(&s, &o, k.vmemmap_start + 0x48) == 0);
	CHECK(strstr(b.s, "struct page of pfn 0x80001") != NULL);
	fake_buf_free(&b);
	fake_out(&o, &b, 0);
	CHECK(rvmm_cmd_vtop(&s, &o, k.vmalloc_start) == -1);
	CHECK(strstr(b.s, "not mapped") != NULL);
	fake_buf_free(&b);

#define JSON_CMD(call)                                       \
	do {                                                 \
		fake_out(&o, &b, 1);                         \
		call;                                        \
		CHECK(json_ok(b.s));                         \
		if (!json_ok(b.s))                           \
			printf("  bad JSON: %.300s\n", b.s); \
		fake_buf_free(&b);                           \
	} while (0)
	JSON_CMD(rvmm_cmd_info(&s, &o));
	JSON_CMD(rvmm_cmd_vtop(&s, &o, k.page_offset + 0x1000));
	JSON_CMD(rvmm_cmd_vtop(&s, &o, 0x1000));
	JSON_CMD(rvmm_cmd_ptdump(&s, &o, NULL, 1));
	JSON_CMD(rvmm_cmd_ptdump(&s, &o, "nope", 1));
	JSON_CMD(rvmm_cmd_vmemmap(&s, &o, RVMM_VMEMMAP_ALL, 0));
	JSON_CMD(rvmm_cmd_vmemmap(&s, &o, RVMM_VMEMMAP_PFN, 0x80000));
	JSON_CMD(rvmm_cmd_vmemmap(&s, &o, RVMM_VMEMMAP_SECTION, 16));
	JSON_CMD(rvmm_cmd_ptdesc(&s, &o, 0x81000, 0));
	JSON_CMD(rvmm_cmd_ptdesc(&s, &o, 0x100000, 0));
	JSON_CMD(rvmm_cmd_ptdesc(&s, &o, k.vmemmap + 0x81000 * 64, 1));

	fake_out(&o, &b, 0);
	CHECK(rvmm_cmd_info(&s, &o) == 0);
	CHECK(strstr(b.s, "fixmap") && strstr(b.s, "pci-io"));
	fake_buf_free(&b);
	fake_out(&o, &b, 0);
	CHECK(rvmm_cmd_ptdesc(&s, &o, k.vmemmap + 0x81000 * 64 + 1, 1) == -1);
	CHECK(strstr(b.s, "not a struct page address") != NULL);
	fake_buf_free(&b);
	fake_free(&k.f);
}

static void test_json_writer(void)
{
	struct rvmm_json j;
	struct rvmm_out o;
	struct fake_buf b;
	char esc[64];

	fake_out(&o, &b, 1);
	rvmm_json_init(&j, &o);
	rvmm_json_obj_begin(&j, NULL);
	rvmm_json_u64(&j, "small", (1ULL << 53) - 1);
	rvmm_json_u64(&j, "big", 1ULL << 53);
	rvmm_json_s64(&j, "neg", -5);
	rvmm_json_hex(&j, "addr", 0x1000);
	rvmm_json_arr_begin(&j, "a");
	rvmm_json_str(&j, NULL, "x\"y\n");
	rvmm_json_null(&j, NULL);
	rvmm_json_arr_end(&j);
	rvmm_json_obj_end(&j);
	rvmm_json_finish(&j);
	CHECK(!strcmp(
		b.s,
		"{\"small\":9007199254740991,\"big\":\"0x20000000000000\",\"neg\":-5,\"addr\":\"0x0000000000001000\",\"a\":[\"x\\\"y\\n\",null]}\n"));
	CHECK(json_ok(b.s));
	fake_buf_free(&b);
	CHECK(!strcmp(rvmm_json_escape("a\x01", esc, sizeof(esc)), "a\\u0001"));
}

int main(void)
{
	test_json_writer();
	test_ptdump();
	test_vtop_and_json(3);
	test_vtop_and_json(4);
	test_vtop_and_json(5);
	return t_report();
}
