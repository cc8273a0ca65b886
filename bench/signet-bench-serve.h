/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Listens on 127.0.0.1 (any port), prints "PORT <n>" on stdout and
 * serves until standard input closes (the benchmark script is gone).
 * Returns the exit status for main(). */
int signet_bench_serve (SoupServer *server,
                        const char *program);

G_END_DECLS
