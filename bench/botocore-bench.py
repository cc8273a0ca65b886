#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Cost per SigV4 signature with botocore's signer (see BENCHMARKS.md).

The same three workloads as signet-bench-sign.c and aws4-bench.js, with the
same URL, headers, body bytes, credentials and signing time; bench/run
checks that every signer produces the same signature.

What is timed: SigV4Auth.add_auth() on an AWSRequest, which computes the
signature and adds X-Amz-Date and Authorization to the request. add_auth()
changes the request, so every iteration signs a fresh AWSRequest; those are
built before each timed round and their construction is timed apart
("construct_us_per_req"), not counted in the signature's cost. The signer
(SigV4Auth) is built once, as a long-lived client does.

botocore reads the clock in add_auth(); here its datetime module is replaced
by one whose utcnow() returns the fixed signing time.

Output: one JSON object per line and per workload.

Usage: botocore-bench.py [--iterations N] [--rounds R] [--round-time S]
                         [--workload NAME]...
"""

import argparse
import datetime
import json
import statistics
import sys
import time

import botocore
import botocore.auth
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

URL = "https://abc123defg.execute-api.us-west-2.amazonaws.com/test/pets"
REGION = "us-west-2"
SERVICE = "execute-api"
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SIGNING_TIME = datetime.datetime(2024, 5, 1, 12, 0, 0)
BODY_HEAD = b'{"id":1,"name":"Rex","tag":"dog","notes":"'
BODY_TAIL = b'"}'

WORKLOADS = [
    ("get", "GET", 0),
    ("post-1k", "POST", 1024),
    ("post-1m", "POST", 1024 * 1024),
]


class _FixedDateTime(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return SIGNING_TIME


class _FixedClock:
    """Stands in for botocore.auth's datetime module."""
    datetime = _FixedDateTime


def make_json_body(size):
    """A JSON object of exactly size bytes: head, a-z repeated, tail."""
    filler = size - len(BODY_HEAD) - len(BODY_TAIL)
    alphabet = b"abcdefghijklmnopqrstuvwxyz"
    pattern = alphabet * (filler // 26 + 1)
    return BODY_HEAD + pattern[:filler] + BODY_TAIL


def request_factory(method, body_size):
    if body_size == 0:
        return lambda: AWSRequest(method=method, url=URL)
    body = make_json_body(body_size)
    length = str(body_size)

    def make():
        return AWSRequest(method=method, url=URL, data=body,
                          headers={"Content-Type": "application/json",
                                   "Content-Length": length})
    return make


def signature_of(request):
    authorization = request.headers["Authorization"]
    return authorization.rsplit("Signature=", 1)[1]


def run_round(signer, make, iterations):
    """Returns (seconds signing, seconds building the requests)."""
    start = time.perf_counter()
    requests = [make() for _ in range(iterations)]
    built = time.perf_counter()
    add_auth = signer.add_auth
    for request in requests:
        add_auth(request)
    end = time.perf_counter()
    return end - built, built - start


def calibrate(signer, make, min_seconds):
    iterations = 1
    while True:
        elapsed, _ = run_round(signer, make, iterations)
        if elapsed >= min_seconds:
            return iterations
        factor = 1.2 * min_seconds / elapsed if elapsed > 0 else 10.0
        iterations = int(iterations * min(max(factor, 2.0), 10.0))


def bench(name, method, body_size, args):
    signer = SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), SERVICE, REGION)
    make = request_factory(method, body_size)

    first = make()
    signer.add_auth(first)
    signature = signature_of(first)

    # Calibrating warms up too; then one more untimed round.
    iterations = args.iterations or calibrate(signer, make, args.round_time)
    run_round(signer, make, iterations)

    signing, building = [], []
    for _ in range(args.rounds):
        signed, built = run_round(signer, make, iterations)
        signing.append(signed * 1e6 / iterations)
        building.append(built * 1e6 / iterations)

    return {
        "signer": "botocore",
        "version": botocore.__version__,
        "workload": name,
        "body_bytes": body_size,
        "timed": "add_auth",
        "iterations": iterations,
        "rounds": args.rounds,
        "us_per_sig": round(statistics.median(signing), 3),
        "us_min": round(min(signing), 3),
        "us_max": round(max(signing), 3),
        "construct_us_per_req": round(statistics.median(building), 3),
        "signature": signature,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--iterations", "-n", type=int, default=0,
                        help="signatures per round (default: enough for --round-time)")
    parser.add_argument("--rounds", "-r", type=int, default=5,
                        help="timed rounds per workload; the median is reported")
    parser.add_argument("--round-time", "-t", type=float, default=0.2,
                        help="minimum seconds per round when calibrating")
    parser.add_argument("--workload", "-w", action="append",
                        choices=[w[0] for w in WORKLOADS],
                        help="run only this workload (repeatable)")
    args = parser.parse_args()
    if args.iterations < 0 or args.rounds < 1 or args.round_time <= 0:
        parser.error("invalid option value")

    botocore.auth.datetime = _FixedClock
    for name, method, body_size in WORKLOADS:
        if args.workload and name not in args.workload:
            continue
        print(json.dumps(bench(name, method, body_size, args)), flush=True)


if __name__ == "__main__":
    sys.exit(main())
