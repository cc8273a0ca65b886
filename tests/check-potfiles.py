#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks po/POTFILES.in against the source tree.

Fails when a file with translatable strings is missing from it, when it
names a file that does not exist, or when it is not sorted (C order, no
duplicates). Translatable means: gettext calls in C (_(), N_(), C_(),
NC_(), ngettext()...), translatable="yes" in GtkBuilder files, and every
desktop entry, AppStream metainfo and GSettings schema (their names,
summaries and descriptions are always translated).

Usage: check-potfiles.py SOURCE_ROOT
"""

import os
import re
import sys

SCANNED_DIRS = ("src", "data")
C_CALL = re.compile(r"(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2)\s*\(")
UI_TRANSLATABLE = re.compile(r"translatable\s*=\s*[\"'](?:yes|true|1)[\"']")
ALWAYS_TRANSLATED = (".desktop.in", ".metainfo.xml.in", ".appdata.xml.in", ".gschema.xml")


def has_translatable_strings(path):
    name = os.path.basename(path)
    if name.endswith(ALWAYS_TRANSLATED):
        return True
    if not name.endswith((".c", ".h", ".ui")):
        return False
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    if name.endswith(".ui"):
        return UI_TRANSLATABLE.search(text) is not None
    # comments may mention _() without being strings to translate
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    return C_CALL.search(text) is not None


def read_list(path):
    entries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                entries.append(line)
    return entries


def check(root):
    problems = []
    potfiles = read_list(os.path.join(root, "po", "POTFILES.in"))
    skip_path = os.path.join(root, "po", "POTFILES.skip")
    skipped = set(read_list(skip_path)) if os.path.exists(skip_path) else set()

    if potfiles != sorted(set(potfiles)):
        for before, after in zip(potfiles, potfiles[1:]):
            if before >= after:
                problems.append(f"POTFILES.in: '{after}' must come before '{before}' (sorted, no duplicates)")
    for entry in potfiles:
        if not os.path.isfile(os.path.join(root, entry)):
            problems.append(f"POTFILES.in: '{entry}' does not exist")

    listed = set(potfiles) | skipped
    for top in SCANNED_DIRS:
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for name in sorted(files):
                relative = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                if relative not in listed and has_translatable_strings(os.path.join(folder, name)):
                    problems.append(f"POTFILES.in: '{relative}' has translatable strings but is not listed")
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    problems = check(sys.argv[1])
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
