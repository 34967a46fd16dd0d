/* SPDX-License-Identifier: GPL-2.0 */
/* Kernel VAs over a resolved layout: the image and linear map by formula, the rest by walking swapper_pg_dir (kva.c). */
#ifndef RVMM_KVA_H
#define RVMM_KVA_H

#include <stddef.h>
#include <stdint.h>

#include "layout.h"
#include "source.h"
#include "walk.h"

enum rvmm_xlate_status rvmm_layout_kva_to_pa(const struct rvmm_source *src,
					     const struct rvmm_layout *l,
					     uint64_t va, uint64_t *pa);
/* Read len bytes at kernel VA (may cross pages). */
enum rvmm_read_result rvmm_layout_read_kva(const struct rvmm_source *src,
					   const struct rvmm_layout *l,
					   uint64_t va, void *buf, size_t len);

#endif
