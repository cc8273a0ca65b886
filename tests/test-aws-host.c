/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "signet-aws-host.h"

static void
test_detected (void)
{
  const struct { const char *host; const char *region; const char *service; } cases[] = {
    { "abc123defg.execute-api.us-west-2.amazonaws.com", "us-west-2", "execute-api" },
    { "ABC123DEFG.Execute-Api.EU-WEST-1.amazonaws.com.", "eu-west-1", "execute-api" },
    { "abc-vpce-0123.execute-api.ap-southeast-2.vpce.amazonaws.com", "ap-southeast-2", "execute-api" },
    { "sts.us-gov-west-1.amazonaws.com", "us-gov-west-1", "sts" },
    { "dynamodb.eu-central-1.amazonaws.com", "eu-central-1", "dynamodb" },
    { "sts-fips.us-east-2.amazonaws.com", "us-east-2", "sts" },
    { "bucket.s3.dualstack.us-west-2.amazonaws.com", "us-west-2", "s3" },
    { "lambda.cn-north-1.amazonaws.com.cn", "cn-north-1", "lambda" },
    { "iam.amazonaws.com", "us-east-1", "iam" },
    { "bucket.s3.amazonaws.com", "us-east-1", "s3" },
    { "example.amazonaws.com", "us-east-1", "example" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *region = NULL;
      g_autofree char *service = NULL;

      g_test_message ("%s", cases[i].host);
      g_assert_true (signet_aws_host_detect_scope (cases[i].host, &region, &service));
      g_assert_cmpstr (region, ==, cases[i].region);
      g_assert_cmpstr (service, ==, cases[i].service);
    }
}

static void
test_not_detected (void)
{
  const char *hosts[] = {
    "api.example.com", "localhost", "127.0.0.1", "amazonaws.com",
    "notamazonaws.com", "amazonaws.com.evil.example", NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (hosts); i++)
    {
      char *region = (char *) "unset";
      char *service = (char *) "unset";

      g_assert_false (signet_aws_host_detect_scope (hosts[i], &region, &service));
      g_assert_null (region);
      g_assert_null (service);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/signet/aws-host/detected", test_detected);
  g_test_add_func ("/signet/aws-host/not-detected", test_not_detected);

  return g_test_run ();
}
