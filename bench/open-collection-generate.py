#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a collection of N saved requests (default 10,000) into DIR, as
Signet saves them: collection.json and requests/<folder>/<slug>.json, 100
requests a folder, for bench/open-collection."""

import json
import os
import sys


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: open-collection-generate.py DIR [N]")
    root = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) == 3 else 10000
    with open(os.path.join(root, "collection.json"), "w") as f:
        json.dump({"version": 1, "name": "Benchmark"}, f, indent=2)
    for i in range(count):
        folder = os.path.join(root, "requests", f"folder-{i // 100:03d}")
        os.makedirs(folder, exist_ok=True)
        request = {
            "version": 1,
            "name": f"Get pet {i}",
            "method": "GET",
            "url": f"https://abc123defg.execute-api.us-west-2.amazonaws.com/test/pets/{i}?expand=owner",
            "disabledParams": [],
            "headers": [{"name": "Accept", "value": "application/json", "enabled": True}],
            "body": {"kind": "none", "text": "", "form": []},
            "auth": {"kind": "aws-sigv4", "credentialName": "petstore-tester",
                     "accessKeyId": "AKIDEXAMPLE", "region": "", "service": "",
                     "signInQuery": False},
        }
        with open(os.path.join(folder, f"get-pet-{i}.json"), "w") as f:
            json.dump(request, f, indent=2)


if __name__ == "__main__":
    main()
