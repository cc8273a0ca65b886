#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Installs the build into a temporary DESTDIR and checks what landed.

`meson install --destdir` skips the post-install scripts, so this runs the
one that matters by hand (glib-compile-schemas, as a packager or
gnome.post_install() would) and validates the installed desktop file and
metainfo, so what is checked is what a user's system gets.

Usage: check-install.py BUILD_DIR PREFIX BINDIR DATADIR LOCALEDIR LINGUAS VERSION
"""

import os
import shutil
import subprocess
import sys
import tempfile

APP_ID = "io.github.signetapp.Signet"


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def languages(linguas_path):
    with open(linguas_path, encoding="utf-8") as f:
        return [word for line in f if not line.startswith("#") for word in line.split()]


def main():
    build, prefix, bindir, datadir, localedir, linguas, version = sys.argv[1:8]
    problems = []

    with tempfile.TemporaryDirectory() as destdir:
        result = run(["meson", "install", "-C", build, "--destdir", destdir, "--no-rebuild", "--quiet"])
        if result.returncode != 0:
            print(f"meson install failed:\n{result.stdout}{result.stderr}", file=sys.stderr)
            return 1

        def installed(*parts):
            return os.path.join(destdir, prefix.lstrip("/"), *parts)

        def rooted(directory):
            # bindir and the rest may be relative to the prefix or absolute
            return os.path.join(destdir, os.path.join(prefix, directory).lstrip("/"))

        expected = {
            "the app": os.path.join(rooted(bindir), "signet"),
            "signet-cli": os.path.join(rooted(bindir), "signet-cli"),
            "the desktop file": os.path.join(rooted(datadir), "applications", APP_ID + ".desktop"),
            "the metainfo": os.path.join(rooted(datadir), "metainfo", APP_ID + ".metainfo.xml"),
            "the schema": os.path.join(rooted(datadir), "glib-2.0", "schemas", APP_ID + ".gschema.xml"),
            "the app icon": os.path.join(rooted(datadir), "icons", "hicolor", "scalable", "apps",
                                         APP_ID + ".svg"),
            "the symbolic icon": os.path.join(rooted(datadir), "icons", "hicolor", "symbolic", "apps",
                                              APP_ID + "-symbolic.svg"),
        }
        for language in languages(linguas):
            expected[f"the {language} translation"] = os.path.join(rooted(localedir), language,
                                                                   "LC_MESSAGES", "signet.mo")
        for what, path in expected.items():
            if not os.path.isfile(path):
                problems.append(f"{what} is not installed at {os.path.relpath(path, destdir)}")
        for name in ("signet", "signet-cli"):
            path = os.path.join(rooted(bindir), name)
            if os.path.isfile(path) and not os.access(path, os.X_OK):
                problems.append(f"{name} is not executable")
        if problems:
            for problem in problems:
                print(problem, file=sys.stderr)
            return 1

        # Nothing installed outside the prefix.
        for folder, _dirs, files in os.walk(destdir):
            for name in files:
                path = os.path.join(folder, name)
                if not path.startswith(installed("")):
                    problems.append(f"{os.path.relpath(path, destdir)} is outside the prefix {prefix}")

        schemas = os.path.dirname(expected["the schema"])
        result = run(["glib-compile-schemas", "--strict", schemas])
        if result.returncode != 0 or not os.path.isfile(os.path.join(schemas, "gschemas.compiled")):
            problems.append(f"the installed schema does not compile: {result.stderr.strip()}")

        checks = [
            (["desktop-file-validate", expected["the desktop file"]], "the installed desktop file"),
            (["appstreamcli", "validate", "--no-net", expected["the metainfo"]], "the installed metainfo"),
        ]
        for args, what in checks:
            if shutil.which(args[0]) is None:
                print(f"# {args[0]} not found: {what} not validated")
                continue
            result = run(args)
            if result.returncode != 0:
                problems.append(f"{what} does not validate:\n{result.stdout}{result.stderr}")

        # The installed CLI runs from where it was installed.
        result = run([expected["signet-cli"], "--version"])
        if result.returncode != 0 or version not in result.stdout:
            problems.append(f"installed signet-cli --version: {result.returncode} {result.stdout!r}")

        # The installed desktop file starts the installed app by name.
        with open(expected["the desktop file"], encoding="utf-8") as f:
            desktop = f.read()
        if "\nExec=signet\n" not in desktop or f"\nIcon={APP_ID}\n" not in desktop:
            problems.append("the desktop file does not start 'signet' with the app icon")

    for problem in problems:
        print(problem, file=sys.stderr)
    if not languages(linguas):
        print("# po/LINGUAS lists no language yet: no .mo to install")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
