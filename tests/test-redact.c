/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-redact.h"

static void
test_headers (void)
{
  g_autofree char *authorization =
    signet_redact_header_value ("authorization",
                                "AWS4-HMAC-SHA256 Credential=AKID/20261125/us-west-2/execute-api/aws4_request, "
                                "SignedHeaders=host;x-amz-date, Signature=0123abcd");
  g_autofree char *token = signet_redact_header_value ("X-Amz-Security-Token", "FQoG/secret+token");
  g_autofree char *odd = signet_redact_header_value ("Authorization", "Bearer abc");
  g_autofree char *plain = signet_redact_header_value ("Content-Type", "application/json");

  g_assert_cmpstr (authorization, ==,
                   "AWS4-HMAC-SHA256 Credential=AKID/20261125/us-west-2/execute-api/aws4_request, "
                   "SignedHeaders=host;x-amz-date, Signature=" SIGNET_REDACTED);
  g_assert_cmpstr (token, ==, SIGNET_REDACTED);
  g_assert_cmpstr (odd, ==, SIGNET_REDACTED);
  g_assert_cmpstr (plain, ==, "application/json");
}

static void
test_query (void)
{
  g_autofree char *query =
    signet_redact_query ("a=1&X-Amz-Credential=AKID%2F20261125&x-amz-signature=abc&X-Amz-Security-Token=t%2F&X-Amz-SignatureX=keep");

  g_assert_cmpstr (query, ==,
                   "a=1&X-Amz-Credential=AKID%2F20261125&X-Amz-Signature=" SIGNET_REDACTED
                   "&X-Amz-Security-Token=" SIGNET_REDACTED "&X-Amz-SignatureX=keep");
  g_assert_null (signet_redact_query (NULL));
}

static void
test_canonical_request (void)
{
  g_autofree char *header_form =
    signet_redact_canonical_request ("GET\n/\n\nhost:h\nx-amz-date:20261125T000000Z\n"
                                     "x-amz-security-token:SECRET\n\nhost;x-amz-date;x-amz-security-token\ne3b0");
  g_autofree char *query_form =
    signet_redact_canonical_request ("GET\n/\nX-Amz-Date=1&X-Amz-Security-Token=SECRET\nhost:h\n\nhost\ne3b0");

  g_assert_cmpstr (header_form, ==,
                   "GET\n/\n\nhost:h\nx-amz-date:20261125T000000Z\n"
                   "x-amz-security-token:" SIGNET_REDACTED "\n\nhost;x-amz-date;x-amz-security-token\ne3b0");
  g_assert_cmpstr (query_form, ==,
                   "GET\n/\nX-Amz-Date=1&X-Amz-Security-Token=" SIGNET_REDACTED "\nhost:h\n\nhost\ne3b0");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signet/redact/headers", test_headers);
  g_test_add_func ("/signet/redact/query", test_query);
  g_test_add_func ("/signet/redact/canonical-request", test_canonical_request);

  return g_test_run ();
}
