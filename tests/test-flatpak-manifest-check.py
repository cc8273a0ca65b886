#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Proves check-flatpak-manifest.py rejects broken copies of the manifest.

Each case changes one thing in a copy of the real manifest and expects the
checker to fail with a message naming it; the unchanged copy must pass, so
a checker that rejects everything fails here too. TAP output.

Usage: test-flatpak-manifest-check.py CHECKER MANIFEST --executable NAME...
"""

import copy
import json
import os
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from checker_verdict import run_checker, tap_verdict  # noqa: E402


def app_module(m):
    return m["modules"][-1]


def set_key(key, value):
    def change(m):
        m[key] = value
    return change


def add_finish_arg(arg):
    def change(m):
        m["finish-args"].append(arg)
    return change


def drop_finish_arg(arg):
    def change(m):
        m["finish-args"].remove(arg)
    return change


def set_module_key(key, value):
    def change(m):
        app_module(m)[key] = value
    return change


# name, change, file name of the copy (None: the real one), expected message
CASES = [
    ("unchanged", None, None, None),
    ("unknown-top-level-key", set_key("finsh-args", []), None, "unknown key 'finsh-args'"),
    ("unknown-module-key", set_module_key("run-test", True), None, "unknown key 'run-test'"),
    ("runtime-version-number", set_key("runtime-version", 47), None, "'runtime-version' must be of type str"),
    ("old-runtime", set_key("runtime-version", "46"), None, "runtime-version: must be '47'"),
    ("kde-runtime", set_key("runtime", "org.kde.Platform"), None, "runtime: must be org.gnome.Platform"),
    ("freedesktop-sdk", set_key("sdk", "org.freedesktop.Sdk"), None, "sdk: must be org.gnome.Sdk"),
    ("id-not-file-name", set_key("id", "io.github.signetapp.Signet.Devel"), None, "differs from the file name"),
    ("file-name-not-id", None, "io.github.example.Other.json", "differs from the file name"),
    ("command-not-installed", set_key("command", "signet-gtk"), None, "'signet-gtk' is not an executable"),
    ("talk-name-secrets", add_finish_arg("--talk-name=org.freedesktop.secrets"), None, "no bus names"),
    ("home-access", add_finish_arg("--filesystem=home"), None, "'--filesystem=home' is not something"),
    ("x11-not-fallback", add_finish_arg("--socket=x11"), None, "not x11"),
    ("no-network", drop_finish_arg("--share=network"), None, "missing '--share=network'"),
    ("finish-args-string", set_key("finish-args", "--share=network"), None, "'finish-args' must be of type list"),
    ("tests-off", set_module_key("run-tests", False), None, "run-tests on"),
    ("run-tests-string", set_module_key("run-tests", "true"), None, "'run-tests' must be of type bool"),
    ("not-from-repo", set_module_key("sources", [{"type": "git", "url": "https://example.org/signet.git"}]),
     None, "built from the repository"),
    ("unknown-buildsystem", set_module_key("buildsystem", "ninja"), None, "unknown buildsystem"),
]


def main():
    checker, manifest_path = sys.argv[1], sys.argv[2]
    extra = sys.argv[3:]
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)

    print(f"1..{len(CASES)}")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, change, file_name, expected) in enumerate(CASES, 1):
            broken = copy.deepcopy(manifest)
            if change is not None:
                change(broken)
            path = os.path.join(tmp, file_name or os.path.basename(manifest_path))
            with open(path, "w", encoding="utf-8") as f:
                json.dump(broken, f)
            result = run_checker([checker, path] + extra)
            if not tap_verdict(n, f"/signet/flatpak/check/{name}", result, expected):
                failures += 1
            os.unlink(path)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
