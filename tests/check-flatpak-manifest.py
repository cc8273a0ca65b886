#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks Signet's Flatpak manifest offline, stricter than flatpak-builder.

flatpak-builder --show-manifest catches keys it does not know and values of
the wrong type; this also catches values that parse but are wrong for
Signet: another runtime, a sandbox hole (bus names, file system access), an
app id that differs from the file name, a command meson does not install,
tests switched off.

Usage: check-flatpak-manifest.py MANIFEST --executable NAME [--executable NAME]...
Prints one line per problem on stderr and exits 1 when there is any.
"""

import argparse
import json
import os
import sys

RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
RUNTIME_VERSION = "47"

# What Signet needs and nothing more: the network, a display (Wayland, X11
# only where there is no Wayland), GPU rendering, shared memory for X11.
# Secrets go through the Secret portal, so no --talk-name.
REQUIRED_FINISH_ARGS = {
    "--share=network",
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
    "--share=ipc",
}
ALLOWED_FINISH_ARGS = REQUIRED_FINISH_ARGS

# key: (type, required)
TOP_LEVEL_KEYS = {
    "id": (str, True),
    "runtime": (str, True),
    "runtime-version": (str, True),
    "sdk": (str, True),
    "command": (str, True),
    "finish-args": (list, True),
    "cleanup": (list, False),
    "modules": (list, True),
}
MODULE_KEYS = {
    "name": (str, True),
    "buildsystem": (str, True),
    "config-opts": (list, False),
    "run-tests": (bool, False),
    "test-rule": (str, False),
    "test-commands": (list, False),
    "build-options": (dict, False),
    "cleanup": (list, False),
    "sources": (list, True),
}
BUILD_OPTIONS_KEYS = {
    "env": (dict, False),
    "test-args": (list, False),
    "build-args": (list, False),
}
BUILDSYSTEMS = {"meson", "autotools", "cmake", "cmake-ninja", "simple", "qmake"}
# Sources of the app module and of any dependency module.
SOURCE_KEYS = {
    "dir": {"type": (str, True), "path": (str, True), "skip": (list, False)},
    "archive": {"type": (str, True), "url": (str, True), "sha256": (str, True)},
    "git": {"type": (str, True), "url": (str, True), "tag": (str, False),
            "commit": (str, False), "branch": (str, False)},
}


class Checker:
    def __init__(self):
        self.problems = []

    def fail(self, where, message):
        self.problems.append(f"{where}: {message}")

    def check_keys(self, where, value, keys):
        """Types and presence; unknown keys are errors."""
        if not isinstance(value, dict):
            self.fail(where, "must be an object")
            return False
        for key in value:
            if key not in keys:
                self.fail(where, f"unknown key '{key}'")
        for key, (kind, required) in keys.items():
            if key not in value:
                if required:
                    self.fail(where, f"missing key '{key}'")
                continue
            # bool is an int in Python: check it apart
            if (kind is not bool and isinstance(value[key], bool)) or \
               not isinstance(value[key], kind):
                self.fail(where, f"'{key}' must be of type {kind.__name__}")
            elif kind is list:
                for i, item in enumerate(value[key]):
                    if key not in ("modules", "sources") and not isinstance(item, str):
                        self.fail(where, f"'{key}'[{i}] must be a string")
        return True

    def check_finish_args(self, args):
        if not all(isinstance(a, str) for a in args):
            return
        for arg in args:
            if arg.startswith(("--talk-name", "--own-name", "--system-talk-name")):
                self.fail("finish-args", f"'{arg}': secrets use the Secret portal, no bus names")
            elif arg not in ALLOWED_FINISH_ARGS:
                self.fail("finish-args", f"'{arg}' is not something Signet needs")
        if len(set(args)) != len(args):
            self.fail("finish-args", "duplicate entries")
        for arg in sorted(REQUIRED_FINISH_ARGS - set(args)):
            self.fail("finish-args", f"missing '{arg}'")
        if "--socket=x11" in args:
            self.fail("finish-args", "use --socket=fallback-x11 beside wayland, not x11")

    def check_module(self, where, module, is_app):
        if not self.check_keys(where, module, MODULE_KEYS):
            return
        if module.get("buildsystem") not in BUILDSYSTEMS:
            self.fail(where, f"unknown buildsystem {module.get('buildsystem')!r}")
        if "build-options" in module and isinstance(module["build-options"], dict):
            self.check_keys(f"{where}.build-options", module["build-options"], BUILD_OPTIONS_KEYS)
        sources = module.get("sources")
        if isinstance(sources, list):
            for i, source in enumerate(sources):
                swhere = f"{where}.sources[{i}]"
                kind = source.get("type") if isinstance(source, dict) else None
                if kind not in SOURCE_KEYS:
                    self.fail(swhere, f"unknown source type {kind!r}")
                    continue
                self.check_keys(swhere, source, SOURCE_KEYS[kind])
        if not is_app:
            return
        if module.get("name") != "signet":
            self.fail(where, "the app module must be named 'signet'")
        if module.get("buildsystem") != "meson":
            self.fail(where, "the app module is built with meson")
        if module.get("run-tests") is not True:
            self.fail(where, "the app module must have run-tests on")
        if sources != [{"type": "dir", "path": ".."}]:
            self.fail(where, "the app module is built from the repository: one source {type: dir, path: ..}")

    def check(self, path, executables):
        try:
            with open(path, encoding="utf-8") as f:
                manifest = json.load(f)
        except (OSError, ValueError) as e:
            self.fail(path, f"cannot read: {e}")
            return
        if not self.check_keys("manifest", manifest, TOP_LEVEL_KEYS):
            return
        app_id = os.path.basename(path)
        if app_id.endswith(".json"):
            app_id = app_id[:-len(".json")]
        if manifest.get("id") != app_id:
            self.fail("id", f"{manifest.get('id')!r} differs from the file name {app_id!r}")
        if manifest.get("runtime") != RUNTIME:
            self.fail("runtime", f"must be {RUNTIME}")
        if manifest.get("sdk") != SDK:
            self.fail("sdk", f"must be {SDK}")
        if manifest.get("runtime-version") != RUNTIME_VERSION:
            self.fail("runtime-version", f"must be '{RUNTIME_VERSION}' (a string)")
        if manifest.get("command") not in executables:
            self.fail("command", f"{manifest.get('command')!r} is not an executable meson installs "
                      f"({', '.join(sorted(executables))})")
        if isinstance(manifest.get("finish-args"), list):
            self.check_finish_args(manifest["finish-args"])
        modules = manifest.get("modules")
        if isinstance(modules, list):
            if not modules:
                self.fail("modules", "no modules")
            for i, module in enumerate(modules):
                # the app module comes last, after its dependencies
                self.check_module(f"modules[{i}]", module, i == len(modules) - 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest")
    parser.add_argument("--executable", action="append", default=[],
                        help="an executable meson installs (repeat)")
    options = parser.parse_args()

    checker = Checker()
    checker.check(options.manifest, set(options.executable))
    for problem in checker.problems:
        print(f"{options.manifest}: {problem}", file=sys.stderr)
    return 1 if checker.problems else 0


if __name__ == "__main__":
    sys.exit(main())
