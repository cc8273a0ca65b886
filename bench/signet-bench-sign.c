/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "signet-sigv4.h"

/* Cost per SigV4 signature (see BENCHMARKS.md). The three workloads, the
 * credentials, the signing time and the body bytes are the same as in
 * botocore-bench.py and aws4-bench.js: bench/run checks that all three
 * signers produce the same signature, so they sign the same request.
 *
 * What is timed per iteration is what a caller pays to turn a request into
 * a signed one: signet_sigv4_sign(), signet_sigv4_result_apply() (a copy of
 * the request with the signature headers added), and freeing both, as
 * botocore's add_auth() and aws4.sign() also add the headers to the request.
 * --no-apply times signet_sigv4_sign() and signet_sigv4_result_free() alone.
 *
 * Output: one JSON object per line and per (variant, workload). */

#define BENCH_URL        "https://abc123defg.execute-api.us-west-2.amazonaws.com/test/pets"
#define BENCH_REGION     "us-west-2"
#define BENCH_SERVICE    "execute-api"
#define BENCH_ACCESS_KEY "AKIDEXAMPLE"
#define BENCH_SECRET_KEY "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
#define BENCH_BODY_HEAD  "{\"id\":1,\"name\":\"Rex\",\"tag\":\"dog\",\"notes\":\""
#define BENCH_BODY_TAIL  "\"}"

typedef struct
{
  const char *name;
  const char *method;
  gsize       body_size;
} Workload;

static const Workload workloads[] = {
  { "get", "GET", 0 },
  { "post-1k", "POST", 1024 },
  { "post-1m", "POST", 1024 * 1024 },
};

typedef struct
{
  const SignetWireRequest *request;
  const SignetSigv4Params *params;
  gboolean                 apply;
} Job;

/* A JSON object of exactly @size bytes; the same bytes as the other
 * benchmarks build: a fixed head, then a-z repeated, then a fixed tail. */
static GBytes *
make_json_body (gsize size)
{
  gsize head = strlen (BENCH_BODY_HEAD);
  gsize tail = strlen (BENCH_BODY_TAIL);
  char *data;

  g_assert (size >= head + tail);
  data = g_malloc (size);
  memcpy (data, BENCH_BODY_HEAD, head);
  for (gsize i = 0; i < size - head - tail; i++)
    data[head + i] = (char) ('a' + i % 26);
  memcpy (data + size - tail, BENCH_BODY_TAIL, tail);

  return g_bytes_new_take (data, size);
}

static SignetWireRequest *
make_request (const Workload *workload)
{
  g_autoptr(GError) error = NULL;
  SignetWireRequest *request = signet_wire_request_new_for_url (workload->method, BENCH_URL, &error);

  if (request == NULL)
    g_error ("Cannot build the request: %s", error->message);

  if (workload->body_size > 0)
    {
      g_autoptr(GBytes) body = make_json_body (workload->body_size);
      g_autofree char *length = g_strdup_printf ("%" G_GSIZE_FORMAT, workload->body_size);

      signet_wire_request_add_header (request, "Content-Type", "application/json");
      signet_wire_request_add_header (request, "Content-Length", length);
      signet_wire_request_set_body (request, body);
    }

  return request;
}

static char *
sign_once (const Job *job,
           gboolean   keep_signature)
{
  g_autoptr(GError) error = NULL;
  SignetSigv4Result *result = signet_sigv4_sign (job->request, job->params, &error);
  char *signature = NULL;

  if (result == NULL)
    g_error ("Signing failed: %s", error->message);
  if (job->apply)
    signet_wire_request_free (signet_sigv4_result_apply (result, job->request));
  if (keep_signature)
    signature = g_strdup (result->signature);
  signet_sigv4_result_free (result);

  return signature;
}

/* Returns the wall-clock time of @iterations signatures, in µs. */
static gint64
run_round (const Job *job,
           guint64    iterations)
{
  gint64 start = g_get_monotonic_time ();

  for (guint64 i = 0; i < iterations; i++)
    sign_once (job, FALSE);

  return g_get_monotonic_time () - start;
}

/* The smallest iteration count whose round takes at least @min_us. */
static guint64
calibrate (const Job *job,
           gint64     min_us)
{
  guint64 iterations = 1;

  for (;;)
    {
      gint64 elapsed = run_round (job, iterations);
      double factor;

      if (elapsed >= min_us)
        return iterations;
      factor = elapsed > 0 ? 1.2 * (double) min_us / (double) elapsed : 10.0;
      iterations = (guint64) ((double) iterations * CLAMP (factor, 2.0, 10.0));
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static void
bench_one (const Workload *workload,
           gboolean        use_cache,
           gboolean        apply,
           guint64         fixed_iterations,
           guint           rounds,
           double          round_seconds,
           GDateTime      *time)
{
  g_autoptr(SignetWireRequest) request = make_request (workload);
  g_autoptr(SignetSigv4KeyCache) cache = use_cache ? signet_sigv4_key_cache_new () : NULL;
  g_autofree double *per_signature = g_new (double, rounds);
  g_autofree char *signature = NULL;
  gint64 round_us = (gint64) (round_seconds * G_USEC_PER_SEC);
  SignetSigv4Params params = {
    .access_key_id = BENCH_ACCESS_KEY,
    .secret_access_key = BENCH_SECRET_KEY,
    .region = BENCH_REGION,
    .service = BENCH_SERVICE,
    .time = time,
    .location = SIGNET_SIGV4_LOCATION_HEADERS,
    .flags = SIGNET_SIGV4_FLAGS_NONE,
    .key_cache = cache,
  };
  Job job = { request, &params, apply };
  guint64 iterations;
  char median[G_ASCII_DTOSTR_BUF_SIZE];
  char fastest[G_ASCII_DTOSTR_BUF_SIZE];
  char slowest[G_ASCII_DTOSTR_BUF_SIZE];

  signature = sign_once (&job, TRUE);

  /* Calibrating warms up too (caches, allocator, CPU clock); then one
   * more untimed round. */
  iterations = fixed_iterations > 0 ? fixed_iterations : calibrate (&job, round_us);
  run_round (&job, iterations);

  for (guint r = 0; r < rounds; r++)
    per_signature[r] = (double) run_round (&job, iterations) / (double) iterations;
  qsort (per_signature, rounds, sizeof (double), compare_doubles);

  g_ascii_formatd (median, sizeof median, "%.3f",
                   rounds % 2 ? per_signature[rounds / 2]
                              : (per_signature[rounds / 2 - 1] + per_signature[rounds / 2]) / 2);
  g_ascii_formatd (fastest, sizeof fastest, "%.3f", per_signature[0]);
  g_ascii_formatd (slowest, sizeof slowest, "%.3f", per_signature[rounds - 1]);

  g_print ("{\"signer\": \"signet\", \"variant\": \"%s\", \"workload\": \"%s\", "
           "\"body_bytes\": %" G_GSIZE_FORMAT ", \"timed\": \"%s\", "
           "\"iterations\": %" G_GUINT64_FORMAT ", \"rounds\": %u, "
           "\"us_per_sig\": %s, \"us_min\": %s, \"us_max\": %s, \"signature\": \"%s\"}\n",
           use_cache ? "key-cache" : "no-cache", workload->name, workload->body_size,
           apply ? "sign+apply" : "sign", iterations, rounds,
           median, fastest, slowest, signature);
}

int
main (int    argc,
      char **argv)
{
  gint64 iterations = 0;
  int rounds = 5;
  double round_seconds = 0.2;
  gboolean no_apply = FALSE;
  g_autofree char *variant = NULL;
  g_auto(GStrv) only = NULL;
  const GOptionEntry entries[] = {
    { "iterations", 'n', 0, G_OPTION_ARG_INT64, &iterations,
      "Signatures per round (default: enough for --round-time)", "N" },
    { "rounds", 'r', 0, G_OPTION_ARG_INT, &rounds,
      "Timed rounds per workload; the median is reported (default: 5)", "R" },
    { "round-time", 't', 0, G_OPTION_ARG_DOUBLE, &round_seconds,
      "Minimum seconds per round when calibrating (default: 0.2)", "SECONDS" },
    { "workload", 'w', 0, G_OPTION_ARG_STRING_ARRAY, &only,
      "Run only this workload: get, post-1k or post-1m (repeatable)", "NAME" },
    { "variant", 0, 0, G_OPTION_ARG_STRING, &variant,
      "Run only this variant: no-cache or key-cache", "NAME" },
    { "no-apply", 0, 0, G_OPTION_ARG_NONE, &no_apply,
      "Time signet_sigv4_sign() alone, without signet_sigv4_result_apply()", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_utc (2024, 5, 1, 12, 0, 0);

  g_option_context_set_summary (context,
    "Measures the cost of one SigV4 signature with Signet's signer and prints\n"
    "one JSON line per variant and workload (µs per signature: the median of the rounds).");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  if (iterations < 0 || rounds < 1 || round_seconds <= 0 ||
      (variant != NULL && !g_str_equal (variant, "no-cache") && !g_str_equal (variant, "key-cache")))
    {
      g_printerr ("Invalid option value; see --help\n");
      return EXIT_FAILURE;
    }

  for (guint v = 0; v < 2; v++)
    {
      gboolean use_cache = v == 1;

      if (variant != NULL && g_str_equal (variant, "no-cache") == use_cache)
        continue;
      for (guint w = 0; w < G_N_ELEMENTS (workloads); w++)
        {
          if (only != NULL && !g_strv_contains ((const char * const *) only, workloads[w].name))
            continue;
          bench_one (&workloads[w], use_cache, !no_apply, (guint64) iterations,
                     (guint) rounds, round_seconds, time);
        }
    }

  return EXIT_SUCCESS;
}
