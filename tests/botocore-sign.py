#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Generates SigV4 signing cases and signs each with botocore.

botocore is the independent signer Signet is compared against: this script
makes requests full of execute-api edge cases (spaces, unicode, '%', '+',
reserved characters, repeated and valueless query keys, padded and repeated
headers, session tokens, bodies, ports), signs them with botocore, and prints
one JSON array of cases with botocore's canonical request and signature.

Where the two signers are known to read a URL differently (botocore does not
re-encode an already-encoded query string), URLs are written in canonical
encoding, as design.md §5 says.

Usage: botocore-sign.py --count N --seed S
"""

import argparse
import base64
import datetime
import hashlib
import json
import random
import re
import string
import sys
from urllib.parse import quote

import botocore.auth
from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2",
           "sa-east-1", "ca-central-1", "ap-northeast-1", "us-gov-west-1"]
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
# Text that stresses encoding: spaces, unicode, '%', '+' and reserved characters.
PIECES = ["pets", "Zoë", "hello world", "100%", "a+b", "ሴ", "日本", "emoji😀",
          "semi;colon", "comma,list", "eq=uals", "at@sign", "colon:x", "dollar$",
          "bang!", "star*", "paren()", "quote'", "tilde~", "dash-dot.under_",
          "slash/inside", "ampersand&", "question?", "hash#", "brackets[]",
          "UPPER", "MiXeD", "0123456789", "-._~", ""]
HEADER_NAMES = ["X-Custom", "x-api-key", "Content-Type", "Accept", "X-Amz-Meta-Note",
                "X-Trace", "If-None-Match", "Cache-Control", "X-Forwarded-For"]
NEVER_SIGNED = ["User-Agent", "X-Amzn-Trace-Id", "Expect"]


class FixedClock:
    """Stands in for botocore.auth's datetime module: a fixed signing time."""

    def __init__(self, when):
        fixed = when

        class FixedDateTime(datetime.datetime):
            @classmethod
            def utcnow(cls):
                return fixed

        self.datetime = FixedDateTime


class QueryAuthWithPayloadHash(SigV4QueryAuth):
    """botocore's presigner hashes the body as UNSIGNED-PAYLOAD; AWS's vectors
    (and Signet, outside S3) sign the real payload hash. Everything else is
    botocore's own canonicalization."""

    payload = SigV4Auth.payload


def canonical(text):
    return quote(text, safe="-_.~")


def path_segment(rng):
    piece = rng.choice(PIECES) or "x"
    style = rng.random()
    if style < 0.45:
        # what a browser or curl puts on the wire: unreserved and sub-delims raw
        return quote(piece, safe="-_.~!$&'()*+,;=:@")
    if style < 0.75:
        return canonical(piece)
    if style < 0.85:
        # lowercase hex escapes: both signers must encode the '%' again
        return re.sub(r"%[0-9A-F]{2}", lambda m: m.group(0).lower(), canonical(piece))
    return rng.choice([".", "..", "", "stage%2Fpart", "%25literal", "a%2Bb"])


def make_path(rng):
    segments = [rng.choice(["test", "prod", "v1", "dev"])]
    segments += [path_segment(rng) for _ in range(rng.randint(0, 4))]
    path = "/" + "/".join(segments)
    if rng.random() < 0.2:
        path += "/"
    if rng.random() < 0.05:
        path = "/"
    return path


def make_query(rng, unique_keys):
    params = []
    used = set()
    for _ in range(rng.choice([0, 0, 1, 2, 3, 5])):
        key = canonical(rng.choice(PIECES) or "k")
        if unique_keys and key in used:
            continue
        used.add(key)
        kind = rng.random()
        if kind < 0.1:
            params.append(key)              # valueless: flag
        elif kind < 0.2:
            params.append(key + "=")        # empty value
        else:
            params.append(key + "=" + canonical(rng.choice(PIECES)))
        if not unique_keys and rng.random() < 0.2:
            params.append(key + "=" + canonical(rng.choice(PIECES)))  # repeated key
    return "&".join(params)


def make_headers(rng, sign_body_declared):
    headers = []
    for _ in range(rng.randint(0, 4)):
        name = rng.choice(HEADER_NAMES)
        if rng.random() < 0.3:
            name = name.upper() if rng.random() < 0.5 else name.lower()
        words = ["".join(rng.choice(string.ascii_letters + string.digits + "-_.:/=,;\"'")
                         for _ in range(rng.randint(1, 8)))
                 for _ in range(rng.randint(1, 3))]
        value = rng.choice([" ", "  ", "\t", "   "]).join(words)
        if rng.random() < 0.3:
            value = "  " + value + "   "
        headers.append([name, value])
        if rng.random() < 0.15:
            headers.append([name, "second  value"])  # repeated header
    if rng.random() < 0.3:
        headers.append([rng.choice(NEVER_SIGNED), "Signet-Test/1.0  (x)"])
    if sign_body_declared:
        headers.append(["x-amz-content-sha256", "UNSIGNED-PAYLOAD"])
    return headers


def make_body(rng, method):
    if method in ("GET", "HEAD", "OPTIONS", "DELETE") and rng.random() < 0.8:
        return b""
    kind = rng.random()
    if kind < 0.4:
        return json.dumps({"name": rng.choice(PIECES), "tag": rng.choice(PIECES),
                           "n": rng.randint(0, 10**6)}, ensure_ascii=False).encode()
    if kind < 0.7:
        return ("name=" + canonical(rng.choice(PIECES)) + "&kind=dog").encode()
    if kind < 0.8:
        return bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 300)))
    return b""


def make_token(rng):
    alphabet = string.ascii_letters + string.digits + "+/"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(20, 300))) + "=="


def make_case(rng, index):
    region = rng.choice(REGIONS)
    api_id = "".join(rng.choice(string.ascii_lowercase + string.digits) for _ in range(10))
    host = rng.choice([f"{api_id}.execute-api.{region}.amazonaws.com",
                       f"{api_id}.EXECUTE-API.{region}.amazonaws.com",
                       "api.example.com", "127.0.0.1", "localhost"])
    scheme = rng.choice(["https", "https", "http"])
    port = rng.choice(["", "", "", ":8443", ":8080", ":443" if scheme == "https" else ":80"])
    location = "query" if rng.random() < 0.3 else "headers"
    method = rng.choice(METHODS)
    path = make_path(rng)
    query = make_query(rng, unique_keys=(location == "query"))
    url = f"{scheme}://{host}{port}{path}" + (f"?{query}" if query else "")
    sign_body = location == "headers" and rng.random() < 0.2
    declared = location == "headers" and not sign_body and rng.random() < 0.05
    headers = make_headers(rng, declared)
    body = b"" if location == "query" else make_body(rng, method)
    token = make_token(rng) if rng.random() < 0.3 else None
    when = datetime.datetime(2015, 1, 1) + datetime.timedelta(seconds=rng.randint(0, 16 * 365 * 86400))
    expires = rng.choice([1, 60, 3600, 86400, 604800]) if location == "query" else 0
    return {
        "id": index, "method": method, "url": url, "headers": headers,
        "body": base64.b64encode(body).decode(), "region": region,
        "service": "execute-api" if rng.random() < 0.9 else rng.choice(["sts", "lambda", "dynamodb"]),
        "access_key_id": "AKIA" + "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(16)),
        "secret_access_key": "".join(rng.choice(string.ascii_letters + string.digits + "+/") for _ in range(40)),
        "session_token": token, "location": location, "expires": expires,
        "sign_body": sign_body, "amz_date": when.strftime("%Y%m%dT%H%M%SZ"),
    }


def sign_with_botocore(case):
    when = datetime.datetime.strptime(case["amz_date"], "%Y%m%dT%H%M%SZ")
    botocore.auth.datetime = FixedClock(when)
    body = base64.b64decode(case["body"])
    request = AWSRequest(method=case["method"], url=case["url"], data=body)
    for name, value in case["headers"]:
        request.headers[name] = value  # appends: repeated headers stay repeated
    if case["sign_body"]:
        request.headers["X-Amz-Content-SHA256"] = hashlib.sha256(body).hexdigest()
    credentials = Credentials(case["access_key_id"], case["secret_access_key"], case["session_token"])
    if case["location"] == "query":
        signer = QueryAuthWithPayloadHash(credentials, case["service"], case["region"], case["expires"])
    else:
        signer = SigV4Auth(credentials, case["service"], case["region"])
    request.context["timestamp"] = case["amz_date"]
    signer._modify_request_before_signing(request)
    canonical_request = signer.canonical_request(request)
    string_to_sign = signer.string_to_sign(request, canonical_request)
    case["expected_canonical_request"] = canonical_request
    case["expected_string_to_sign"] = string_to_sign
    case["expected_signature"] = signer.signature(string_to_sign, request)
    return case


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = [sign_with_botocore(make_case(rng, i)) for i in range(args.count)]
    json.dump(cases, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
