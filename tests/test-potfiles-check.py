#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Proves check-potfiles.py fails where it should, on small made-up trees.

Each case writes a tree with po/POTFILES.in and a few sources, runs the
checker and compares its verdict; the complete tree must pass, so a checker
that rejects everything fails here too. TAP output.

Usage: test-potfiles-check.py CHECKER
"""

import os
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from checker_verdict import run_checker, tap_verdict  # noqa: E402

SOURCES = {
    "data/app.desktop.in": "[Desktop Entry]\nName=App\n",
    "data/app.gschema.xml": "<schemalist/>\n",
    "src/app/window.c": 'const char *t = _("Title");\n',
    "src/app/window.ui": '<property name="label" translatable="yes">Send</property>\n',
    "src/app/plain.c": "/* _() in a comment is no string */\nint x;\n",
    "src/app/plain.ui": '<property name="label">GET</property>\n',
    "src/cli/cli.c": 'g_printerr (ngettext ("%u file", "%u files", n), n);\n',
}
COMPLETE = [
    "data/app.desktop.in",
    "data/app.gschema.xml",
    "src/app/window.c",
    "src/app/window.ui",
    "src/cli/cli.c",
]

# name, POTFILES.in lines, expected message (None: must pass)
CASES = [
    ("complete", COMPLETE, None),
    ("missing-c", [e for e in COMPLETE if e != "src/app/window.c"], "'src/app/window.c' has translatable"),
    ("missing-ui", [e for e in COMPLETE if e != "src/app/window.ui"], "'src/app/window.ui' has translatable"),
    ("missing-desktop", COMPLETE[1:], "'data/app.desktop.in' has translatable"),
    ("missing-ngettext", COMPLETE[:-1], "'src/cli/cli.c' has translatable"),
    ("unsorted", [COMPLETE[1], COMPLETE[0]] + COMPLETE[2:], "must come before"),
    ("duplicate", COMPLETE + [COMPLETE[-1]], "must come before"),
    ("gone", sorted(COMPLETE + ["src/app/gone.c"]), "'src/app/gone.c' does not exist"),
    ("comments-and-blanks", ["# a comment", ""] + COMPLETE, None),
]


def main():
    checker = sys.argv[1]
    print(f"1..{len(CASES)}")
    failures = 0
    for n, (name, lines, expected) in enumerate(CASES, 1):
        with tempfile.TemporaryDirectory() as root:
            for path, text in SOURCES.items():
                os.makedirs(os.path.dirname(os.path.join(root, path)), exist_ok=True)
                with open(os.path.join(root, path), "w", encoding="utf-8") as f:
                    f.write(text)
            os.makedirs(os.path.join(root, "po"))
            with open(os.path.join(root, "po", "POTFILES.in"), "w", encoding="utf-8") as f:
                f.write("".join(line + "\n" for line in lines))
            result = run_checker([checker, root])
        if not tap_verdict(n, f"/signet/potfiles/check/{name}", result, expected):
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
